import Link from "next/link";
import { notFound } from "next/navigation";
import { vereisCbs } from "@/lib/auth/actor";
import { campagneDetail } from "@/lib/beheer/campagnes";
import { BeheerKop, Melding } from "@/app/components/Kop";
import { moment, aantal, getal } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";

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
      <Tabel
        bijschrift={<>Gemaild: {aantal(c.ontvangers.length, "berichtgever", "berichtgevers")}</>}
        label="Gemailde berichtgevers"
        zichtbaar="mb-2 text-left"
        rijen={c.ontvangers}
        sleutel={(o) => o.id}
        kolommen={[
          {
            kop: "Berichtgever",
            cel: (o) => (
              <>
                <Link href={`/beheer/berichtgevers/${o.berichtgever.code}`}>
                  {o.berichtgever.code} {o.berichtgever.naam}
                </Link>
              </>
            ),
          },
          { kop: "E-mail naar", cel: (o) => o.email },
          {
            kop: "Per regel",
            cel: (o) => (
              <>
                {Object.entries(o.perRegel as Record<string, number>)
                  .map(([r, n]) => `${r}: ${n}`)
                  .join(", ")}
              </>
            ),
          },
          { kop: "Signalen", cel: (o) => getal(o.aantalSignalen), className: "text-right" },
        ]}
      />
    </div>
  );
}
