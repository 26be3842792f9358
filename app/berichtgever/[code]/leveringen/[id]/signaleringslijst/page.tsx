import Link from "next/link";
import { z } from "zod";
import { signalenVanLevering } from "@/lib/leveringen/signalen";
import { Signalen } from "./Signalen";
import { heeftRecht, vereisActor } from "@/lib/auth/actor";
import { signaleringslijstVoorActor } from "@/lib/leveringen/data";
import { toelichtingKolommen } from "@/lib/swi/signaleringslijst";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { voorPagina } from "@/lib/http/pagina";
import { moment, aantal } from "@/lib/swi/opmaak";

export const metadata = { title: "Signaleringslijst" };

const paginaSchema = z.coerce.number().int().min(1).catch(1);

export default async function SignaleringslijstPagina({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; id: string }>;
  searchParams: Promise<{ pagina?: string }>;
}) {
  const { code, id } = await params;
  const pagina = paginaSchema.parse((await searchParams).pagina);
  const actor = await vereisActor();
  const [s, signalen] = await voorPagina(() =>
    Promise.all([signaleringslijstVoorActor(actor, id, { code }), signalenVanLevering(actor, id, { code, pagina })]),
  );
  const basis = `/berichtgever/${s.levering.berichtgeverCode}`;
  const pad = `${basis}/leveringen/${s.levering.id}`;

  return (
    <div>
      <nav aria-label="Kruimelpad" className="mb-4 text-sm">
        <Link href={`${basis}/leveringen`}>Leveringen</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={pad}>{s.levering.bestandsnaam}</Link> <span aria-hidden="true">›</span> Signaleringslijst
      </nav>
      <h1 className="mb-2 text-3xl font-bold">Signaleringslijst</h1>
      <p className="mb-6 break-all text-grijs-5">Levering {s.levering.bestandsnaam}</p>
      {heeftRecht(actor, "berichten") && (
        <p className="mb-6">
          <Link href={`${basis}/berichten?levering=${s.levering.id}`}>Berichten over deze levering</Link> (beveiligd, u
          mag er een BSN in noemen)
        </p>
      )}

      <p className="mb-4 max-w-3xl">
        De signaleringslijst noemt per persoon (BSN) de gegevens die bij de statistische controle opvielen:{" "}
        {aantal(s.aantalSignalen, "signaal", "signalen")}. Een signaal keurt de levering niet af; controleer de
        registratie en lever de juiste gegevens bij de volgende levering.
      </p>

      {s.beschikbaar ? (
        <section aria-labelledby="download-titel" className="mb-8">
          <h2 id="download-titel" className="mb-3 text-2xl font-semibold">
            Downloaden
          </h2>
          <p className="mb-4 border-l-4 border-hemel-donker bg-grijs-1 p-3" data-testid="dagen-over">
            Nog{" "}
            <strong>
              {s.dagenOver} {s.dagenOver === 1 ? "dag" : "dagen"}
            </strong>{" "}
            beschikbaar, tot {moment(s.verlooptOp)}. Daarna wordt de lijst verwijderd, omdat hij persoonsgegevens bevat.
          </p>
          {s.magDownloaden ? (
            <>
              <p className="mb-4 flex flex-wrap gap-4">
                <a href={`${pad}/signaleringslijst.xlsx`} className="knop" download>
                  Download als Excel-bestand (XLSX)
                </a>
                <a href={`${pad}/signaleringslijst.csv`} className="knop-secundair" download>
                  Download als CSV
                </a>
              </p>
              <p className="max-w-3xl text-grijs-5">
                Elke download wordt vastgelegd (wie en wanneer). Bewaar de lijst niet langer dan nodig en deel hem niet
                buiten uw organisatie.
              </p>
            </>
          ) : (
            <p className="max-w-3xl">
              Alleen de contactpersoon van de berichtgever kan de signaleringslijst downloaden, omdat hij
              persoonsgegevens bevat.
            </p>
          )}
        </section>
      ) : (
        <section aria-labelledby="verlopen-titel" className="mb-8">
          <h2 id="verlopen-titel" className="mb-3 text-2xl font-semibold">
            Deze signaleringslijst is verlopen
          </h2>
          <p className="max-w-3xl" data-testid="verlopen">
            De lijst was 14 dagen te downloaden, tot {moment(s.verlooptOp)}, en is daarna verwijderd. Hebt u hem nog
            nodig, neem dan contact op met het CBS via <a href="mailto:wetinburgering@cbs.nl">wetinburgering@cbs.nl</a>.
          </p>
        </section>
      )}

      {signalen.totaal > 0 && (
        <Signalen
          p={signalen}
          pad={pad}
          leveringId={s.levering.id}
          magBeantwoorden={heeftRecht(actor, "signalenBeantwoorden")}
        />
      )}

      <section aria-labelledby="kolommen-titel" className="mb-8">
        <h2 id="kolommen-titel" className="mb-3 text-2xl font-semibold">
          Wat staat er in de lijst
        </h2>
        <p className="mb-3 max-w-3xl">
          Het Excel-bestand heeft een tabblad met uitleg, de signalen per persoon en de signalen over het bestand als
          geheel. Het CSV-bestand (scheidingsteken puntkomma) bevat alleen de tabel; signalen over het hele bestand
          staan bovenaan met een leeg BSN.
        </p>
        <Tabelgebied label="Kolommen van de signaleringslijst, horizontaal te scrollen">
          <table className="tabel max-w-3xl">
            <caption className="sr-only">Kolommen van de signaleringslijst</caption>
            <thead>
              <tr>
                <th scope="col">Kolom</th>
                <th scope="col">Betekenis</th>
              </tr>
            </thead>
            <tbody>
              {toelichtingKolommen.map(([kolom, betekenis]) => (
                <tr key={kolom}>
                  <th scope="row" className="font-semibold">
                    {kolom}
                  </th>
                  <td>{betekenis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
      </section>
    </div>
  );
}
