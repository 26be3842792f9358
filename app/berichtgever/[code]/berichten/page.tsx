import Link from "next/link";
import { z } from "zod";
import { vereisActor } from "@/lib/auth/actor";
import { berichtenPad, gesprek } from "@/lib/berichten/berichten";
import { verstuurBerichtActie } from "@/lib/berichten/acties";
import { Formulier, Tekstvak } from "@/app/components/Formulier";
import { Sectie } from "@/app/components/Sectie";
import { voorPagina } from "@/lib/http/pagina";
import { moment } from "@/lib/swi/opmaak";

export const metadata = { title: "Berichten" };

const leveringSchema = z.string().max(64).optional().catch(undefined);

export default async function Berichten({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ levering?: string }>;
}) {
  const { code } = await params;
  const leveringId = leveringSchema.parse((await searchParams).levering);
  const actor = await vereisActor();
  const g = await voorPagina(() => gesprek(actor, code, leveringId));
  const basis = `/berichtgever/${g.berichtgever.code}`;
  const titel = g.levering ? `Berichten over ${g.levering.bestandsnaam}` : "Berichten";

  return (
    <div>
      <nav aria-label="Kruimelpad" className="mb-4 text-sm">
        <Link href={basis}>{g.berichtgever.naam}</Link> <span aria-hidden="true">›</span>{" "}
        {g.levering ? (
          <>
            <Link href={berichtenPad(g.berichtgever.code)}>Berichten</Link> <span aria-hidden="true">›</span>{" "}
            <span className="break-all">{g.levering.bestandsnaam}</span>
          </>
        ) : (
          "Berichten"
        )}
      </nav>
      <h1 className="mb-2 break-all text-3xl font-bold">{titel}</h1>
      <p className="mb-6 max-w-3xl">
        Beveiligde berichten tussen de contactpersoon van {g.berichtgever.code} {g.berichtgever.naam} en het CBS. U mag
        hier een BSN noemen: berichten worden versleuteld bewaard en na de bewaartermijn verwijderd. De e-mail die de
        ander krijgt, meldt alleen dat er een nieuw bericht is.
      </p>

      <Sectie id="gesprek" titel={g.levering ? "Gesprek over deze levering" : "Algemeen gesprek"}>
        {g.levering && (
          <p className="mb-3">
            <Link href={`${basis}/leveringen/${g.levering.id}`}>Naar de levering</Link>
          </p>
        )}
        {g.berichten.length === 0 ? (
          <p className="mb-4">Nog geen berichten.</p>
        ) : (
          <ol className="mb-6 max-w-3xl space-y-4" aria-label="Berichten, oudste eerst">
            {g.berichten.map((b) => (
              <li
                key={b.id}
                data-bericht={b.id}
                className={`border-l-4 p-3 ${b.vanCbs ? "border-hemel-donker bg-grijs-1" : "border-grijs-5"}`}
              >
                <p className="mb-1 text-grijs-5">
                  <strong className="text-black">{b.afzender}</strong>, {moment(b.verstuurdOp)}
                </p>
                <p className="whitespace-pre-wrap">{b.tekst}</p>
              </li>
            ))}
          </ol>
        )}
        <Formulier
          actie={verstuurBerichtActie}
          knop="Bericht versturen"
          verborgen={{ code: g.berichtgever.code, leveringId: g.levering?.id ?? "" }}
        >
          <Tekstvak naam="tekst" label="Nieuw bericht" rijen={5} />
        </Formulier>
      </Sectie>

      {g.gesprekken.length > 0 && (
        <Sectie id="gesprekken" titel="Alle gesprekken">
          <ul className="ml-6 list-disc">
            {g.gesprekken.map((x) => (
              <li key={x.levering?.id ?? "algemeen"}>
                <Link href={berichtenPad(g.berichtgever.code, x.levering?.id)}>
                  {x.levering ? x.levering.bestandsnaam : "Algemeen gesprek"}
                </Link>{" "}
                ({x.aantal}, laatste {moment(x.laatste)})
              </li>
            ))}
          </ul>
        </Sectie>
      )}
    </div>
  );
}
