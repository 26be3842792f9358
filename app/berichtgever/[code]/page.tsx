import Link from "next/link";
import { heeftRecht, vereisActor } from "@/lib/auth/actor";
import { berichtgeverOverzicht } from "@/lib/berichtgevers/data";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { recenteLeveringen } from "@/lib/leveringen/data";
import { kwartaalTekst } from "@/lib/leveringen/weergave";
import { StatusLabel } from "./leveringen/StatusLabel";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { voorPagina } from "@/lib/http/pagina";
import { moment } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";

export const metadata = { title: "Berichtgever" };

export default async function BerichtgeverHome({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await vereisActor();
  const jaar = huidigStatistiekjaar();
  const [b, leveringen] = await voorPagina(() =>
    Promise.all([berichtgeverOverzicht(actor, code, jaar), recenteLeveringen(actor, code, 5)]),
  );
  return (
    <div>
      <p className="text-grijs-5">Berichtgever {b.code}</p>
      <h1 className="mb-6 text-3xl font-bold">{b.naam}</h1>

      <section aria-labelledby="gemeenten-titel" className="mb-10">
        <h2 id="gemeenten-titel" className="mb-3 text-2xl font-semibold">
          Gemeenten waarvoor u levert in {jaar}
        </h2>
        {b.gemeenten.length === 0 ? (
          <p>Er zijn voor {jaar} nog geen gemeenten aan deze berichtgever gekoppeld. Neem contact op met het CBS.</p>
        ) : (
          <Tabelgebied label="Gemeenten van berichtgever, horizontaal te scrollen">
            <table className="tabel max-w-2xl">
              <caption className="sr-only">Gemeenten van berichtgever {b.code}</caption>
              <thead>
                <tr>
                  <th scope="col">Gemeentecode</th>
                  <th scope="col">Gemeente</th>
                </tr>
              </thead>
              <tbody>
                {b.gemeenten.map((g) => (
                  <tr key={g.code}>
                    <td>{g.code}</td>
                    <td>{g.naam}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Tabelgebied>
        )}
      </section>

      <section aria-labelledby="leveringen-titel" className="mb-10">
        <h2 id="leveringen-titel" className="mb-3 text-2xl font-semibold">
          Leveringen
        </h2>
        {leveringen.length === 0 ? (
          <p className="mb-4">Er zijn nog geen leveringen ontvangen.</p>
        ) : (
          <Tabelgebied label="Laatst ontvangen leveringen van berichtgever, horizontaal te scrollen">
            <table className="tabel mb-4">
              <caption className="sr-only">Laatst ontvangen leveringen van berichtgever {b.code}</caption>
              <thead>
                <tr>
                  <th scope="col">Bestand</th>
                  <th scope="col">Kwartaal</th>
                  <th scope="col">Ontvangen</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {leveringen.map((l) => (
                  <tr key={l.id}>
                    <td className="break-all">
                      <Link href={`/berichtgever/${b.code}/leveringen/${l.id}`}>{l.bestandsnaam}</Link>
                    </td>
                    <td className="whitespace-nowrap">{kwartaalTekst(l.statistiekjaar, l.statistiekkwartaal)}</td>
                    <td className="whitespace-nowrap">{moment(l.ontvangenOp)}</td>
                    <td>
                      <StatusLabel status={l.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Tabelgebied>
        )}
        <p className="flex flex-wrap gap-4">
          <Link href={`/berichtgever/${b.code}/leveringen/nieuw`} className="knop">
            Levering uploaden
          </Link>
          <Link href={`/berichtgever/${b.code}/leveringen`} className="knop-secundair">
            Alle leveringen en aanleverperiodes
          </Link>
          {heeftRecht(actor, "tokensBeheren") && (
            <Link href={`/berichtgever/${b.code}/api-tokens`} className="knop-secundair">
              API-tokens voor uw softwareleverancier
            </Link>
          )}
        </p>
      </section>

      <section aria-labelledby="contact-titel">
        <h2 id="contact-titel" className="mb-3 text-2xl font-semibold">
          Contactpersoon
        </h2>
        {b.contactpersoon ? (
          <Gegevenslijst
            labelBreedte="12rem"
            className="max-w-2xl"
            rijen={[
              ["Naam", b.contactpersoon.naam],
              ["E-mail", b.contactpersoon.email],
              ["Telefoon", b.contactpersoon.telefoon ?? "—"],
            ]}
          />
        ) : (
          <p>Er is geen contactpersoon geregistreerd.</p>
        )}
        <p className="mt-3 max-w-2xl text-grijs-5">
          De contactpersoon ontvangt de e-mails over leveringen en kan de signaleringslijst downloaden. Wijzigingen
          geeft u door aan het CBS.
        </p>
      </section>
    </div>
  );
}
