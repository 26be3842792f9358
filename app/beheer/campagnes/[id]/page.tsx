import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { campagneDetail } from "@/lib/beheer/campagnes";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { moment, aantal, getal } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";

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
      <Gegevenslijst
        labelBreedte="10rem"
        className="mb-8 max-w-3xl"
        rijen={[
          ["Regels", c.regels.join(", ")],
          [
            "Toelichting",
            <span key="toelichting" className="whitespace-pre-line">
              {c.toelichting}
            </span>,
          ],
        ]}
      />
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
