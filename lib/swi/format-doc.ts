/**
 * docs/aanleverformaat.md, generated from format.ts (`npm run docs:format`), so the human
 * documentation cannot drift from what the portal checks. A test compares the committed file.
 */
import { alleElementen, KENMERK_NAMEN, TOEGESTANE_TEKENS, type BladElement, type Waardetype } from "./format";
import { BESTANDSNAAM_PATROON, BESTANDSNAAM_VOORBEELD } from "./technisch/bestandsnaam";

/** A small valid delivery (the example of the documentation; a test runs it through the checks). */
export const VOORBEELD_XML = `<?xml version="1.0" encoding="UTF-8"?>
<SWILevering>
  <Levering>
    <Statistiekjaar>2026</Statistiekjaar>
    <Statistiekkwartaal>1</Statistiekkwartaal>
    <Statistiekcode>40</Statistiekcode>
    <NaamSoftwarepakket>ssd</NaamSoftwarepakket>
    <VersieSoftwarepakket>2026.1.4</VersieSoftwarepakket>
    <Berichtgevercode>0153</Berichtgevercode>
    <Gemeentecode>0153</Gemeentecode>
  </Levering>
  <Personen>
    <Persoon>
      <Burgerservicenummer>111222333</Burgerservicenummer>
      <Geboortedatum>19910514</Geboortedatum>
      <Geslacht>2</Geslacht>
      <TypeMigrant>1</TypeMigrant>
      <MaatschappelijkeBegeleidingBegindatum>20250903</MaatschappelijkeBegeleidingBegindatum>
      <BredeIntakeBegindatum>20250910</BredeIntakeBegindatum>
      <Alfabetiseringscursus>1</Alfabetiseringscursus>
      <PVTOndertekeningsdatum>20260115</PVTOndertekeningsdatum>
      <PIP>
        <PIPDatum>20251020</PIPDatum>
        <LeerrouteRoute>1</LeerrouteRoute>
        <LeerrouteNiveau>1</LeerrouteNiveau>
        <LeerrouteBegindatum>20251103</LeerrouteBegindatum>
      </PIP>
      <Boete>
        <BoeteDatum>20260212</BoeteDatum>
        <BoeteReden>2</BoeteReden>
        <BoeteBedrag>250</BoeteBedrag>
      </Boete>
    </Persoon>
    <Persoon>
      <Burgerservicenummer>012345672</Burgerservicenummer>
      <Geboortedatum>19850300</Geboortedatum>
      <Geslacht>1</Geslacht>
      <TypeMigrant>2</TypeMigrant>
      <Voortgangsgesprek>
        <VoortgangsgesprekDatum>20260203</VoortgangsgesprekDatum>
      </Voortgangsgesprek>
    </Persoon>
  </Personen>
</SWILevering>
`;

function korteType(t: Waardetype): string {
  switch (t.soort) {
    case "datum":
      return "[jjjjmmdd]";
    case "code":
      return t.waarden.map((w) => w.code).join("|");
    case "vast":
      return t.waarde;
    case "cijfers":
      return t.minLengte === t.maxLengte
        ? `${t.notatie} ${t.minLengte} cijfers`
        : `${t.notatie} ${t.minLengte}–${t.maxLengte} cijfers`;
    case "tekst":
      return `tekst, ${t.minLengte}–${t.maxLengte} tekens (3.2.3)`;
  }
}

function langeType(el: BladElement): string {
  const t = el.type;
  switch (t.soort) {
    case "datum":
      return t.onbekendToegestaan ? "[jjjjmmdd], maand/dag `00` als onbekend" : "[jjjjmmdd]";
    case "code":
      return `code: ${t.waarden.map((w) => `\`${w.code}\``).join(", ")} (zie Codes)`;
    case "vast":
      return `altijd \`${t.waarde}\``;
    case "cijfers":
      if (t.minLengte === t.maxLengte) {
        const nul = el.kenmerk === 6 || el.kenmerk === 7 || el.kenmerk === 8 ? ", met voorloopnullen" : "";
        return `${t.notatie}: ${t.minLengte} cijfers${nul}${el.kenmerk === 8 ? ", elfproef" : ""}`;
      }
      return `${t.notatie}: ${t.minLengte} tot ${t.maxLengte} cijfers`;
    case "tekst":
      return `${t.notatie}: ${t.minLengte} tot ${t.maxLengte} tekens (3.2.3)`;
  }
}

function codeLijsten(): string {
  return alleElementen()
    .flatMap(({ element: el }) => {
      if (el.soort !== "blad") return [];
      if (el.type.soort === "vast")
        return [`- **${el.kenmerk} ${KENMERK_NAMEN[el.kenmerk]}**: \`${el.type.waarde}\` ${el.type.label}`];
      if (el.type.soort !== "code") return [];
      return [
        `- **${el.kenmerk} ${KENMERK_NAMEN[el.kenmerk]}**: ${el.type.waarden.map((w) => `\`${w.code}\` ${w.label}`).join("; ")}`,
      ];
    })
    .join("\n");
}

function aantal(min: number, max: number): string {
  if (min === max) return String(min);
  return `${min}..${Number.isFinite(max) ? max : "n"}`;
}

function boom(): string {
  const regels = alleElementen().map(({ element, diepte }) => {
    const naam = `${"  ".repeat(diepte)}${element.naam}`;
    const k = element.soort === "blad" ? `k${element.kenmerk}` : "";
    const type = element.soort === "blad" ? korteType(element.type) : "";
    return [naam, k, type, aantal(element.minOccurs, element.maxOccurs)] as const;
  });
  const b0 = Math.max(...regels.map((r) => r[0].length)) + 2;
  const b2 = Math.max(...regels.map((r) => r[2].length)) + 2;
  return regels.map(([n, k, t, a]) => `${n.padEnd(b0)}${k.padEnd(5)}${t.padEnd(b2)}${a}`.trimEnd()).join("\n");
}

function kenmerkTabel(): string {
  const kop = "| Nr. | Kenmerk | Element | Waarde | Aantal |\n|---:|---|---|---|---|";
  const rijen = alleElementen().flatMap(({ element, ouder }) =>
    element.soort === "blad"
      ? [
          `| ${element.kenmerk} | ${KENMERK_NAMEN[element.kenmerk]} | \`${element.naam}\`${ouder && ouder.naam !== "Persoon" && ouder.naam !== "Levering" ? ` (in \`${ouder.naam}\`)` : ""} | ${langeType(element).replace(/\|/g, "\\|")} | ${element.minOccurs === 1 ? "verplicht" : "0 of 1"} |`,
        ]
      : [],
  );
  return [kop, ...rijen].join("\n");
}

/**
 * The document as committed: formatted by the project's Prettier settings, so `prettier --check`
 * and the equality test agree. Prettier is loaded only here (a dev tool, not needed at run time).
 */
export async function formaatDoc(bestand: string): Promise<string> {
  const prettier = await import("prettier");
  const opties = (await prettier.resolveConfig(bestand)) ?? {};
  return prettier.format(genereerFormaatDoc(), { ...opties, filepath: bestand });
}

/** The whole document, before formatting. */
export function genereerFormaatDoc(): string {
  const leestekens = TOEGESTANE_TEKENS.slice(62);
  return `# SWI-aanleverformaat 2026

<!-- Gegenereerd uit lib/swi/format.ts met \`npm run docs:format\`. Niet met de hand wijzigen. -->

Elke levering voor de Statistiek Wet Inburgering (SWI) is een XML-bestand volgens dit formaat. Het
portaal publiceert het bijbehorende XSD (\`swi-2026.xsd\`: te downloaden op de pagina Aanleverformaat,
of met \`swi xsd\`). De nummers van de kenmerken zijn die van Tabel 1 van de CBS-richtlijnen SWI 2026.
Deze documentatie, het XSD en de controles van het portaal komen uit één bron en zijn dus gelijk.

## Bestand

- Naam: \`${BESTANDSNAAM_PATROON}\`, bijvoorbeeld \`${BESTANDSNAAM_VOORBEELD}\`. Berichtgevercode en
  gemeentecode zijn 4 cijfers met voorloopnullen, het jaar 4 cijfers, het kwartaal 1 tot en met 4. De
  extensie mag in hoofd- of kleine letters.
- Meerdere bestanden kunnen samen in één \`.zip\` (met een willekeurige naam). De zip bevat alleen zulke
  XML-bestanden, direct in de zip (geen mappen, geen andere bestanden, geen zip in een zip), en per
  gemeente en kwartaal één bestand.
- Tekenset UTF-8 (een byte order mark mag). Een XML-declaratie is niet verplicht; noemt die een andere
  tekenset dan UTF-8, dan wordt het bestand geweigerd.
- Geen \`<!DOCTYPE>\`, geen eigen entiteiten en geen namespace. Alleen het attribuut
  \`xsi:noNamespaceSchemaLocation\` op het hoofdelement is toegestaan.

## Opbouw

De elementen staan in precies deze volgorde. Een element dat niet van toepassing of onbekend is, laat u
weg; een leeg element is een fout. Aantal: \`1\` verplicht, \`0..1\` facultatief, \`0..n\` zo vaak als nodig.

\`\`\`
${boom()}
\`\`\`

## Kenmerken

${kenmerkTabel()}

## Codes

${codeLijsten()}

## Waarden

- **[jjjjmmdd]**: acht cijfers, jaar-maand-dag, en een bestaande datum (20260231 is fout, ook al zijn
  het acht cijfers). Alleen bij Geboortedatum (kenmerk 9) mag \`00\` voor een onbekende maand en/of dag
  staan, zoals de BRP die vastlegt: \`19850000\` of \`19850300\` (niet \`19850015\` en niet \`00000000\`).
- **Cijfers**: alleen de cijfers 0–9; geen teken, punt, komma of spatie.
- **Tekst** (kenmerk 5): alleen deze tekens (paragraaf 3.2.3 van de richtlijnen), dus geen spaties en
  geen letters met accenten of andere diakritische tekens:
  - \`0123456789\`
  - \`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\`
  - \`\` ${leestekens} \`\` (in XML schrijft u \`&\` als \`&amp;\` en \`<\` als \`&lt;\`)
- **Codes**: precies een van de genoemde waarden, zonder spaties ervoor of erachter.

## Voorbeeld

\`\`\`xml
${VOORBEELD_XML.trimEnd()}
\`\`\`
`;
}
