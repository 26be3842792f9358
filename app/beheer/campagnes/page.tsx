import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { campagnes } from "@/lib/beheer/campagnes";
import { BeheerKop } from "@/app/components/Kop";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { moment } from "@/lib/swi/opmaak";

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
        <Tabelgebied label="Verstuurde campagnes, horizontaal te scrollen">
          <table className="tabel">
            <caption className="sr-only">Verstuurde campagnes</caption>
            <thead>
              <tr>
                <th scope="col">Verstuurd</th>
                <th scope="col">Titel</th>
                <th scope="col">Regels</th>
                <th scope="col">Berichtgevers</th>
                <th scope="col">Door</th>
              </tr>
            </thead>
            <tbody>
              {lijst.map((c) => (
                <tr key={c.id}>
                  <td>{moment(c.verstuurdOp)}</td>
                  <td>
                    <Link href={`/beheer/campagnes/${c.id}`}>{c.titel}</Link>
                  </td>
                  <td>{c.regels.join(", ")}</td>
                  <td>{c._count.ontvangers}</td>
                  <td>{c.aangemaaktDoor.naam}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
      )}
    </div>
  );
}
