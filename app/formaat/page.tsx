import { alleElementen, type Waardetype } from "@/lib/swi/format";
import { VOORBEELD_XML } from "@/lib/swi/format-doc";
import { REGELS, ernstTekst } from "@/lib/swi/regels";
import { XSD_BESTANDSNAAM } from "@/lib/swi/schema";
import { BESTANDSNAAM_PATROON, BESTANDSNAAM_VOORBEELD } from "@/lib/swi/technisch/bestandsnaam";
import { Tabelgebied } from "@/app/components/Tabelgebied";

export const metadata = { title: "Aanleverformaat en controles" };

function typeTekst(t: Waardetype): string {
  switch (t.soort) {
    case "datum":
      return t.onbekendToegestaan ? "datum [jjjjmmdd], maand/dag 00 toegestaan" : "datum [jjjjmmdd]";
    case "code":
      return t.waarden.map((w) => `${w.code} (${w.label})`).join(", ");
    case "cijfers":
      return `cijfers ${t.notatie}`;
    case "tekst":
      return `tekst ${t.notatie}, tekens van 3.2.3`;
    case "vast":
      return `${t.waarde} (${t.label})`;
  }
}

function voorkomen(min: number, max: number): string {
  return `${min}..${Number.isFinite(max) ? max : "n"}`;
}

/** The file contract and the rule catalogue, rendered from the engine's own sources. */
export default function Formaat() {
  const elementen = alleElementen();
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">Aanleverformaat en controles</h1>
      <p className="mb-4 max-w-3xl">
        Een levering is een XML-bestand met de naam <code>{BESTANDSNAAM_PATROON}</code>, bijvoorbeeld{" "}
        <code>{BESTANDSNAAM_VOORBEELD}</code>, of een .zip met zulke bestanden. Het bestand is UTF-8, zonder DOCTYPE,
        entiteiten of namespace. Onderstaande tabel en het XSD komen uit dezelfde bron als de controles van het portaal.
      </p>
      <p className="mb-8">
        <a href={`/formaat/${XSD_BESTANDSNAAM}`} download className="knop-secundair">
          Download het XSD ({XSD_BESTANDSNAAM})
        </a>
      </p>

      <h2 className="mb-3 text-2xl font-semibold">Elementen</h2>
      <Tabelgebied label="Elementen, horizontaal te scrollen" className="mb-10">
        <table className="tabel text-sm">
          <caption className="sr-only">Elementen van het aanleverformaat, in volgorde</caption>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Kenmerk</th>
              <th scope="col">Waarde</th>
              <th scope="col">Aantal</th>
            </tr>
          </thead>
          <tbody>
            {elementen.map(({ element, diepte }, i) => (
              <tr key={`${element.naam}-${i}`}>
                <td style={{ paddingLeft: `${0.75 + diepte * 1.25}rem` }}>
                  <code>{element.naam}</code>
                </td>
                <td>{element.soort === "blad" ? element.kenmerk : ""}</td>
                <td>{element.soort === "blad" ? typeTekst(element.type) : "groep"}</td>
                <td>{voorkomen(element.minOccurs, element.maxOccurs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>

      <h2 className="mb-3 text-2xl font-semibold">Voorbeeld</h2>
      <p className="mb-3 max-w-3xl">Een kleine levering die door alle controles komt:</p>
      {/* Focusable so keyboard users can scroll it sideways. */}
      <div
        role="region"
        aria-label="Voorbeeld van een levering in XML"
        tabIndex={0}
        className="mb-10 max-w-3xl overflow-x-auto bg-grijs-1 p-4"
      >
        <pre className="text-sm">
          <code>{VOORBEELD_XML}</code>
        </pre>
      </div>

      <h2 className="mb-3 text-2xl font-semibold">Aanleveren via de API</h2>
      <p className="mb-10 max-w-3xl">
        Softwareleveranciers kunnen bestanden ook rechtstreeks vanuit hun pakket aanleveren en de uitkomst ophalen, met
        een API-token die de contactpersoon van de berichtgever in het portaal aanmaakt. De API is beschreven in{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>

      <h2 className="mb-3 text-2xl font-semibold">Controles</h2>
      <p className="mb-4 max-w-3xl">
        De technische controle (T) keurt een bestand af bij een fout. De statistische controle (P, Q, F) keurt niet af:
        bevindingen komen op de signaleringslijst.
      </p>
      <Tabelgebied label="Controles, horizontaal te scrollen">
        <table className="tabel text-sm">
          <caption className="sr-only">Alle controles met hun code</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Kenmerken</th>
              <th scope="col">Ernst</th>
              <th scope="col">Wat wordt gesignaleerd</th>
              <th scope="col">Wat te doen</th>
            </tr>
          </thead>
          <tbody>
            {REGELS.map((r) => (
              <tr key={r.code} id={r.code}>
                <td className="whitespace-nowrap font-semibold">{r.titel}</td>
                <td>{r.kenmerken.join(", ")}</td>
                <td>{ernstTekst(r)}</td>
                <td>{r.omschrijving}</td>
                <td>{r.watTeDoen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>
    </div>
  );
}
