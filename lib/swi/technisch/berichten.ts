/**
 * The plain-Dutch texts of the technische controle, for a municipal civil servant who did not
 * make the file: say what is wrong, with the value found, and what is allowed.
 * The "Regel N: " prefix is added by the Foutenlijst.
 */
import { TOEGESTANE_TEKENS, toegestaneCodes } from "../format";
import type { Knoop } from "../xml/knopen";
import { opsomming } from "./fouten";

const MAX_GETOOND = 40;

/** A value as found, readable in a sentence: 4, or "1 " when spaces or other surprises are involved. */
export function toon(waarde: string): string {
  const kort = waarde.length > MAX_GETOOND ? `${waarde.slice(0, MAX_GETOOND)}…` : waarde;
  if (/^[\x21-\x7e]+$/.test(kort) && !kort.includes('"')) return kort;
  return `"${kort.replace(/[\x00-\x1f]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "?"))}"`;
}

export function leeg(knoop: Knoop): string {
  return `${knoop.label} is leeg. Een leeg element is niet toegestaan: vul een waarde in, of laat het element weg als het kenmerk niet verplicht is en niet van toepassing of onbekend is.`;
}

export function geenCode(knoop: Knoop, waarde: string): string {
  return `${knoop.label} heeft de waarde ${toon(waarde)}; toegestaan zijn ${toegestaneCodes(knoop.codeWaarden)}.`;
}

export function geenDatumvorm(knoop: Knoop, waarde: string): string {
  return `${knoop.label} heeft de waarde ${toon(waarde)}; een datum bestaat uit 8 cijfers in de vorm jjjjmmdd, bijvoorbeeld 20260115 voor 15 januari 2026.`;
}

export function geenKalenderdatum(knoop: Knoop, waarde: string, geboortedatum: boolean): string {
  const basis = `${knoop.label} heeft de waarde ${waarde}; dat is geen bestaande datum (jjjjmmdd).`;
  return geboortedatum
    ? `${basis} Is de maand of dag onbekend, gebruik dan 00 zoals de BRP: jjjj0000 (maand en dag onbekend) of jjjjmm00 (dag onbekend).`
    : basis;
}

export function geenCijfers(knoop: Knoop, waarde: string): string {
  const eis =
    knoop.minLengte === knoop.maxLengte
      ? `precies ${knoop.minLengte} cijfers${knoop.minLengte === 4 && knoop.kenmerk !== 1 ? " (met voorloopnullen, bijvoorbeeld 0153)" : ""}`
      : `${knoop.minLengte} tot ${knoop.maxLengte} cijfers (een geheel getal van 0 tot en met ${"9".repeat(knoop.maxLengte)}, zonder punt, teken of spaties)`;
  return `${knoop.label} heeft de waarde ${toon(waarde)}; dit moet bestaan uit ${eis}.`;
}

export function bsnVorm(knoop: Knoop, waarde: string): string {
  return waarde === ""
    ? `${knoop.label} is leeg; een BSN bestaat uit precies 9 cijfers.`
    : `${knoop.label} heeft de waarde ${toon(waarde)}; een BSN bestaat uit precies 9 cijfers (vul een BSN van 8 cijfers aan met een voorloopnul).`;
}

export function bsnElfproef(knoop: Knoop, waarde: string): string {
  return waarde === "000000000"
    ? `${knoop.label} is 000000000; dat is geen geldig BSN.`
    : `${knoop.label} ${waarde} is geen geldig BSN: het voldoet niet aan de elfproef. Controleer het nummer in de BRP.`;
}

export function bsnDubbel(knoop: Knoop, waarde: string, eersteRegel: number): string {
  return `${knoop.label} ${waarde} komt meer dan één keer voor in het bestand (eerder op regel ${eersteRegel}). Lever elke persoon één keer per bestand aan, met al zijn gegevens in één <Persoon>.`;
}

export function tekstLengte(knoop: Knoop, waarde: string, lengte: number): string {
  return lengte < knoop.minLengte
    ? leeg(knoop)
    : `${knoop.label} heeft de waarde ${toon(waarde)} van ${lengte} tekens; maximaal ${knoop.maxLengte} tekens zijn toegestaan.`;
}

export function tekstTekens(knoop: Knoop, waarde: string, fout: readonly string[]): string {
  const tekens = fout.map((c) =>
    c === " "
      ? "een spatie"
      : /[\x00-\x1f\x7f]/.test(c)
        ? `het stuurteken U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`
        : `"${c}"`,
  );
  return (
    `${knoop.label} heeft de waarde ${toon(waarde)} en bevat ${tekens.length === 1 ? "een teken dat niet is toegestaan" : "tekens die niet zijn toegestaan"}: ${opsomming(tekens)}. ` +
    `Toegestaan zijn cijfers, letters zonder accenten (geen diakritische tekens zoals é of ö) en de tekens ${TOEGESTANE_TEKENS.slice(62)} — geen spaties.`
  );
}

export function vasteWaarde(knoop: Knoop, waarde: string): string {
  return waarde === ""
    ? `${knoop.label} is leeg; voor de SWI is de statistiekcode altijd ${knoop.vast}.`
    : `${knoop.label} heeft de waarde ${toon(waarde)}; voor de SWI is de statistiekcode altijd ${knoop.vast}.`;
}

// Structure (T03)

export function onbekendElement(naam: string, ouder: Knoop, bedoeld: Knoop | undefined): string {
  const hint = bedoeld ? ` Bedoelt u ${bedoeld.element}? Let op hoofdletters en kleine letters.` : "";
  return `Het element <${naam}> in ${ouder.element} is onbekend in het SWI-formaat en niet toegestaan.${hint}`;
}

export function verkeerdeOuder(knoop: Knoop, ouder: Knoop): string {
  return `Het element ${knoop.element} staat in ${ouder.element}, maar hoort in ${knoop.ouder!.element}.`;
}

export function verkeerdeVolgorde(knoop: Knoop, na: Knoop, ouder: Knoop): string {
  return `Het element ${knoop.element} staat in ${ouder.element} na ${na.element}, maar hoort daarvóór te staan. De volgorde van de elementen is voorgeschreven (zie het aanleverformaat).`;
}

export function teVaak(knoop: Knoop, ouder: Knoop): string {
  return knoop.max === 1
    ? `Het element ${knoop.element} komt meer dan één keer voor in ${ouder.element}; het mag er maar één keer in staan.`
    : `${ouder.element} bevat meer dan ${knoop.max} keer ${knoop.element}; per ${ouder.naam} zijn er maximaal ${knoop.max} toegestaan.`;
}

export function ontbreekt(knoop: Knoop, ouder: Knoop, bsn: string | undefined): string {
  const wie = bsn ? ` (BSN ${bsn})` : "";
  return `In ${ouder.element}${wie} ontbreekt het verplichte element ${knoop.element}.`;
}

export function tekstInGroep(ouder: Knoop, tekst: string): string {
  return `In ${ouder.element} staat tekst buiten een element (${toon(tekst.trim())}). Waarden horen in hun eigen element.`;
}

export function kindInBlad(knoop: Knoop, naam: string): string {
  return `Het element ${knoop.element} mag alleen een waarde bevatten, maar bevat het element <${naam}>.`;
}

export function teDiep(knoop: Knoop): string {
  return `Het element ${knoop.element} staat veel dieper in elkaar genest dan het SWI-formaat toestaat; wat erin staat is niet verder gecontroleerd.`;
}

export function verkeerdeWortel(naam: string): string {
  return `Het hoofdelement van het bestand heet <${naam}>; dat moet <SWILevering> zijn.`;
}

export function attribuut(knoop: Knoop | null, elementNaam: string, attribuutNaam: string): string {
  const el = knoop ? knoop.element : `<${elementNaam}>`;
  return `Het element ${el} heeft het attribuut ${attribuutNaam}; in het SWI-formaat hebben elementen geen attributen.`;
}

// Namespaces and XML (T02)

export function namespace(elementNaam: string, wat: string): string {
  return `Het element <${elementNaam}> gebruikt een namespace (${wat}); het SWI-formaat gebruikt geen namespace. Alleen xsi:noNamespaceSchemaLocation op het hoofdelement <SWILevering> is toegestaan.`;
}

export function encodingNietUtf8(encoding: string): string {
  return `Het bestand zegt in de XML-declaratie dat het is opgeslagen in ${encoding}; alleen UTF-8 is toegestaan. Sla het bestand op als UTF-8 (encoding="UTF-8") en lever het opnieuw aan.`;
}

export function teLangOnderdeel(): string {
  return "Het bestand bevat een uitzonderlijk lang stuk tekst (meer dan een miljoen tekens aaneen), zoals dat in een SWI-bestand niet voorkomt. Het bestand is niet verder gelezen.";
}

/** saxes' English well-formedness messages in Dutch; unknown ones keep the English detail. */
export function geenXml(parserMelding: string, openElement?: string, geopendOpRegel?: number): string {
  const m = parserMelding.replace(/^(?:[^:]*:)?\d+:\d+: /, "");
  let uitleg: string;
  let r: RegExpExecArray | null;
  if ((r = /^unclosed tag: (.*)$/.exec(m)))
    uitleg = `het element <${r[1]}> wordt niet afgesloten (het bestand is mogelijk onvolledig)`;
  else if ((r = /^unmatched closing tag: (.*)\.$/.exec(m)))
    uitleg = `de afsluittag </${r[1]}> hoort niet bij het element dat hier open staat`;
  else if (m.startsWith("unexpected close tag"))
    uitleg = openElement
      ? geopendOpRegel !== undefined
        ? `het element <${openElement}> op regel ${geopendOpRegel} wordt niet (goed) afgesloten: de afsluittag hier past er niet bij (let ook op hoofdletters en kleine letters)`
        : `de afsluittag past niet bij het geopende element <${openElement}> (let ook op hoofdletters en kleine letters)`
      : "er staat een afsluittag die niet past bij het geopende element";
  else if (m.startsWith("disallowed character")) uitleg = "er staat een teken dat in XML niet is toegestaan";
  else if (m.startsWith("undefined entity") || m.startsWith("disallowed character in entity"))
    uitleg =
      "er staat een onbekende entiteit (&…;); alleen &amp; &lt; &gt; &quot; en &apos; zijn toegestaan. Schrijf een los &-teken als &amp;";
  else if (m.startsWith("text data outside of root node"))
    uitleg = "er staat tekst buiten het hoofdelement <SWILevering>";
  else if (m.startsWith("document must contain a root element")) uitleg = "het bestand bevat geen XML-gegevens";
  else if (m.startsWith("documents may contain only one root")) uitleg = "het bestand bevat meer dan één hoofdelement";
  else if (m.startsWith("unexpected end")) uitleg = "het bestand houdt onverwacht op (het is mogelijk onvolledig)";
  else if (m.startsWith("duplicate attribute")) uitleg = "een element heeft hetzelfde attribuut twee keer";
  else if (m.includes("XML declaration")) uitleg = `de XML-declaratie (<?xml …?>) is niet correct (${m})`;
  else uitleg = `de XML-opbouw is niet correct (${m})`;
  return `Het bestand is geen correcte XML: ${uitleg}. Het bestand is niet verder gelezen.`;
}

export function nietLeesbaar(detail: string): string {
  return `Het bestand kon niet worden gelezen (${detail}). Lever het bestand opnieuw aan.`;
}
