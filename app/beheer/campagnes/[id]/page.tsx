import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { campagneDetail } from "@/lib/beheer/campagnes";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { moment, aantal, getal } from "@/lib/swi/opmaak";

export const metadata = { title: "Campagne" };

export default async function Campagne({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const { id } = await params;
  const { verstuurd } = await searchParams;
  const c = id.length <= 40 ? await campagneDetail(actor, id) : null;
  if (!c) notFound();
  return (
    <div>
      <BeheerKop
        titel={c.titel}
        kruimels={[{ href: "/beheer/campagnes", tekst: "Campagnes" }]}
        ondertitel={`Verstuurd op ${moment(c.verstuurdOp)} door ${c.aangemaaktDoor.naam} (${c.aangemaaktDoor.email})`}
      />
      {typeof verstuurd === "string" && /^\d+$/.test(verstuurd) && (
        <Melding>De campagne is verstuurd: {verstuurd} e-mails staan in de wachtrij.</Melding>
      )}
      <dl className="mb-8 grid max-w-3xl grid-cols-1 sm:grid-cols-[10rem_1fr] gap-y-2">
        <dt className="font-semibold">Regels</dt>
        <dd>{c.regels.join(", ")}</dd>
        <dt className="font-semibold">Toelichting</dt>
        <dd className="whitespace-pre-line">{c.toelichting}</dd>
      </dl>
      <Tabelgebied label="Gemaild:, horizontaal te scrollen">
        <table className="tabel">
          <caption className="mb-2 text-left">
            Gemaild: {aantal(c.ontvangers.length, "berichtgever", "berichtgevers")}
          </caption>
          <thead>
            <tr>
              <th scope="col">Berichtgever</th>
              <th scope="col">E-mail naar</th>
              <th scope="col">Per regel</th>
              <th scope="col" className="text-right">
                Signalen
              </th>
            </tr>
          </thead>
          <tbody>
            {c.ontvangers.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/beheer/berichtgevers/${o.berichtgever.code}`}>
                    {o.berichtgever.code} {o.berichtgever.naam}
                  </Link>
                </td>
                <td>{o.email}</td>
                <td>
                  {Object.entries(o.perRegel as Record<string, number>)
                    .map(([r, n]) => `${r}: ${n}`)
                    .join(", ")}
                </td>
                <td className="text-right">{getal(o.aantalSignalen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>
    </div>
  );
}
