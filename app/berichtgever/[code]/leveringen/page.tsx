import Link from "next/link";
import { z } from "zod";
import { vereisActor } from "@/lib/auth/actor";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { AANLEVERSTAAT_TEKST, type AanleverBeoordeling } from "@/lib/leveringen/aanleverperiode";
import { leveringenOverzicht, type LeveringRij } from "@/lib/leveringen/data";
import { kwartaalTekst } from "@/lib/leveringen/weergave";
import { LiveStatus } from "./LiveStatus";
import { GeldtLabel, ProefLabel, StatusLabel } from "./StatusLabel";
import { geldendeLevering } from "@/lib/leveringen/kwartaalstand";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { voorPagina } from "@/lib/http/pagina";
import { moment, swiDatum } from "@/lib/swi/opmaak";

export const metadata = { title: "Leveringen" };

const jaarSchema = z.coerce.number().int().min(2022).max(2100);

export default async function LeveringenPagina({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ jaar?: string }>;
}) {
  const { code } = await params;
  const huidig = huidigStatistiekjaar();
  const gevraagd = jaarSchema.safeParse((await searchParams).jaar);
  const jaar = gevraagd.success && gevraagd.data <= huidig ? gevraagd.data : huidig;
  const actor = await vereisActor();
  const o = await voorPagina(() => leveringenOverzicht(actor, code, jaar));
  const basis = `/berichtgever/${o.berichtgever.code}`;
  const alle = [...o.gemeenten.flatMap((g) => g.kwartalen.flatMap((k) => k.leveringen)), ...o.overige];

  return (
    <div>
      <nav aria-label="Kruimelpad" className="mb-4 text-sm">
        <Link href={basis}>{o.berichtgever.naam}</Link> <span aria-hidden="true">›</span> Leveringen
      </nav>
      <h1 className="mb-2 text-3xl font-bold">Leveringen {jaar}</h1>
      <p className="mb-6 text-grijs-5">
        Berichtgever {o.berichtgever.code} · {o.berichtgever.naam}
      </p>

      <p className="mb-6 flex flex-wrap gap-4">
        <Link href={`${basis}/leveringen/nieuw`} className="knop">
          Levering uploaden
        </Link>
      </p>

      <p className="mb-4 max-w-3xl">
        Per gemeente en kwartaal ziet u de ontvangen bestanden en hun status. De aanleverperiode van een kwartaal begint
        de dag na het kwartaal en duurt 4 weken.
      </p>

      <LiveStatus leveringen={alle.map((l) => ({ id: l.id, bestandsnaam: l.bestandsnaam, status: l.status }))} />

      <nav aria-label="Statistiekjaar" className="mb-6 flex gap-6">
        {jaar > 2022 ? <Link href={`${basis}/leveringen?jaar=${jaar - 1}`}>Vorig jaar ({jaar - 1})</Link> : null}
        {jaar < huidig ? <Link href={`${basis}/leveringen?jaar=${jaar + 1}`}>Volgend jaar ({jaar + 1})</Link> : null}
      </nav>

      {o.gemeenten.length === 0 ? <p>Er zijn voor {jaar} geen gemeenten aan deze berichtgever gekoppeld.</p> : null}

      {o.gemeenten.map((g) => (
        <section key={g.code} aria-labelledby={`gemeente-${g.code}`} className="mb-10">
          <h2 id={`gemeente-${g.code}`} className="mb-3 text-2xl font-semibold">
            {g.naam} ({g.code})
          </h2>
          <Tabelgebied label={`Leveringen van ${g.naam} in ${jaar}, horizontaal te scrollen`}>
            <table className="tabel">
              <caption className="sr-only">
                Leveringen van {g.naam} ({g.code}) in {jaar}, per kwartaal
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kwartaal</th>
                  <th scope="col">Aanleverperiode</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Ontvangen bestanden</th>
                </tr>
              </thead>
              <tbody>
                {g.kwartalen.map((k) => (
                  <tr key={k.kwartaal} data-kwartaal={`${jaar}-${k.kwartaal}`}>
                    <th scope="row" className="whitespace-nowrap">
                      {kwartaalTekst(jaar, k.kwartaal)}
                    </th>
                    <td className="whitespace-nowrap">
                      {swiDatum(k.aanlevering.begin)} t/m {swiDatum(k.aanlevering.einde)}
                    </td>
                    <td>
                      <AanleverStand a={k.aanlevering} />
                    </td>
                    <td>
                      <LeveringLijst
                        leveringen={k.leveringen}
                        basis={basis}
                        geldendId={geldendeLevering(k.leveringen)?.id}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Tabelgebied>
        </section>
      ))}

      {o.overige.length > 0 ? (
        <section aria-labelledby="overige-titel" className="mb-10">
          <h2 id="overige-titel" className="mb-3 text-2xl font-semibold">
            Overige bestanden
          </h2>
          <p className="mb-3 max-w-3xl">
            Bij deze bestanden kon niet worden vastgesteld over welke gemeente of welk kwartaal ze gaan, of ze gaan over
            een gemeente waarvoor u in {jaar} niet levert.
          </p>
          <LeveringLijst leveringen={o.overige} basis={basis} metKwartaal />
        </section>
      ) : null}
    </div>
  );
}

function AanleverStand({ a }: { a: AanleverBeoordeling }) {
  const tekst = AANLEVERSTAAT_TEKST[a.staat];
  switch (a.staat) {
    case "tijdig":
      return (
        <span data-aanleverstaat={a.staat}>
          <span aria-hidden="true">✓ </span>
          {tekst}
        </span>
      );
    case "te-laat":
      return (
        <span data-aanleverstaat={a.staat} className="font-semibold">
          <span aria-hidden="true">! </span>
          {tekst}
        </span>
      );
    case "nog-niet-geleverd":
      return (
        <span data-aanleverstaat={a.staat} className={a.termijnVerstreken ? "font-semibold text-rood" : ""}>
          {tekst}
          {a.termijnVerstreken
            ? " (de aanleverperiode is voorbij)"
            : a.dagenOver !== null
              ? ` (nog ${a.dagenOver} ${a.dagenOver === 1 ? "dag" : "dagen"})`
              : ""}
        </span>
      );
    default:
      return (
        <span data-aanleverstaat={a.staat} className="text-grijs-5">
          {tekst}
        </span>
      );
  }
}

function LeveringLijst({
  leveringen,
  basis,
  metKwartaal,
  geldendId,
}: {
  leveringen: LeveringRij[];
  basis: string;
  metKwartaal?: boolean;
  /** The delivery that counts for this gemeente and quarter, marked as such. */
  geldendId?: string;
}) {
  if (leveringen.length === 0) return <span className="text-grijs-5">Geen</span>;
  return (
    <ul className="space-y-1">
      {leveringen.map((l) => (
        <li key={l.id} data-levering={l.id} className="flex flex-wrap items-center gap-x-3">
          <Link href={`${basis}/leveringen/${l.id}`} className="break-all">
            {l.bestandsnaam}
          </Link>
          <StatusLabel status={l.status} />
          {l.id === geldendId && <GeldtLabel />}
          <ProefLabel proef={l.proef} />
          <span className="text-sm text-grijs-5">
            ontvangen {moment(l.ontvangenOp)}
            {metKwartaal && l.gemeentecode
              ? ` · gemeente ${l.gemeentecode}, ${kwartaalTekst(l.statistiekjaar, l.statistiekkwartaal)}`
              : ""}
            {l.bronBestandsnaam ? ` · uit ${l.bronBestandsnaam}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
