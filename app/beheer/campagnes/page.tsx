import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { campagnes } from "@/lib/beheer/campagnes";
import { BeheerKop } from "@/app/components/Kop";
import { moment } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Campagnes" };

export default async function Campagnes() {
  const actor = await vereisCbs();
  const lijst = await campagnes(actor);
  return (
    <div>
      <BeheerKop titel="Campagnes" />
      <p className="mb-4 max-w-3xl">
        Met een campagne vraagt het CBS aandacht voor een kwaliteitsprobleem dat bij meerdere berichtgevers voorkomt
        (richtlijnen 4.2.3). Elke contactpersoon krijgt de aantallen uit de laatste leveringen van de eigen berichtgever
        en uw toelichting.
      </p>
      <p className="mb-8">
        <Link href="/beheer/campagnes/nieuw" className="knop">
          Nieuwe campagne
        </Link>
      </p>
      {lijst.length === 0 ? (
        <p>Er zijn nog geen campagnes verstuurd.</p>
      ) : (
        <Tabel
          bijschrift="Verstuurde campagnes"
          rijen={lijst}
          sleutel={(c) => c.id}
          kolommen={[
            { kop: "Verstuurd", cel: (c) => moment(c.verstuurdOp) },
            {
              kop: "Titel",
              cel: (c) => (
                <>
                  <Link href={`/beheer/campagnes/${c.id}`}>{c.titel}</Link>
                </>
              ),
            },
            { kop: "Regels", cel: (c) => c.regels.join(", ") },
            { kop: "Berichtgevers", cel: (c) => c._count.ontvangers },
            { kop: "Door", cel: (c) => c.aangemaaktDoor.naam },
          ]}
        />
      )}
    </div>
  );
}
