/**
 * Serialises deliveries in the layout of aanleverformaat.md (one element per line, two-space
 * indentation), streaming to a file so that a national file (200,000 persons, ~140 MB) never
 * exists as one string. The layout is fixed, so line numbers are known without parsing
 * (nummerRegels), which lets tests compare reported line numbers with the truth.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { LeveringKop, Persoon } from "../types";

/** Lines before the first <Persoon>: declaration, root, Levering block (9 lines), <Personen>. */
const REGELS_VOOR_PERSONEN = 12;

export function kopXml(kop: LeveringKop): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    "<SWILevering>\n" +
    "  <Levering>\n" +
    `    <Statistiekjaar>${kop.statistiekjaar}</Statistiekjaar>\n` +
    `    <Statistiekkwartaal>${kop.statistiekkwartaal}</Statistiekkwartaal>\n` +
    `    <Statistiekcode>${kop.statistiekcode}</Statistiekcode>\n` +
    `    <NaamSoftwarepakket>${escape(kop.naamSoftwarepakket)}</NaamSoftwarepakket>\n` +
    `    <VersieSoftwarepakket>${escape(kop.versieSoftwarepakket)}</VersieSoftwarepakket>\n` +
    `    <Berichtgevercode>${kop.berichtgevercode}</Berichtgevercode>\n` +
    `    <Gemeentecode>${kop.gemeentecode}</Gemeentecode>\n` +
    "  </Levering>\n" +
    "  <Personen>\n"
  );
}

const STAART = "  </Personen>\n</SWILevering>\n";

function escape(tekst: string): string {
  return tekst.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function datum(d: number): string {
  return String(d).padStart(8, "0");
}

/** [element, value, is date] in XSD order; undefined values are left out. */
function persoonVelden(p: Persoon): Array<[string, number | undefined, boolean]> {
  return [
    ["MaatschappelijkeBegeleidingBegindatum", p.maatschappelijkeBegeleidingBegindatum, true],
    ["OntzorgenBegindatum", p.ontzorgenBegindatum, true],
    ["OntzorgenEinddatum", p.ontzorgenEinddatum, true],
    ["BredeIntakeBegindatum", p.bredeIntakeBegindatum, true],
    ["BredeIntakeUrenTaalKNM", p.bredeIntakeUrenTaalKNM, false],
    ["WaarschuwingNietVerschijnenIntakeDatum", p.waarschuwingNietVerschijnenIntakeDatum, true],
    ["Alfabetiseringscursus", p.alfabetiseringscursus, false],
    ["Analfabetisme", p.analfabetisme, false],
    ["PVTOndertekeningsdatum", p.pvtOndertekeningsdatum, true],
    ["MAPDatumEersteActiviteit", p.mapDatumEersteActiviteit, true],
    ["MAPDatumEindgesprek", p.mapDatumEindgesprek, true],
    ["ZRouteInschattingTaalniveau", p.zRouteInschattingTaalniveau, false],
    ["ZRouteLezen", p.zRouteLezen, false],
    ["ZRouteSchrijven", p.zRouteSchrijven, false],
    ["ZRouteSpreken", p.zRouteSpreken, false],
    ["ZRouteLuisteren", p.zRouteLuisteren, false],
    ["EindeBegeleidingReden", p.eindeBegeleidingReden, false],
    ["EindeBegeleidingDatum", p.eindeBegeleidingDatum, true],
  ];
}

export function persoonXml(p: Persoon): string {
  let s =
    "    <Persoon>\n" +
    `      <Burgerservicenummer>${escape(p.bsn)}</Burgerservicenummer>\n` +
    `      <Geboortedatum>${datum(p.geboortedatum)}</Geboortedatum>\n` +
    `      <Geslacht>${p.geslacht}</Geslacht>\n` +
    `      <TypeMigrant>${p.typeMigrant}</TypeMigrant>\n`;
  for (const [naam, waarde, isDatum] of persoonVelden(p)) {
    if (waarde !== undefined) s += `      <${naam}>${isDatum ? datum(waarde) : waarde}</${naam}>\n`;
  }
  for (const pip of p.pips) {
    s += `      <PIP>\n        <PIPDatum>${datum(pip.datum)}</PIPDatum>\n        <LeerrouteRoute>${pip.route}</LeerrouteRoute>\n`;
    if (pip.niveau !== undefined) s += `        <LeerrouteNiveau>${pip.niveau}</LeerrouteNiveau>\n`;
    if (pip.begindatum !== undefined)
      s += `        <LeerrouteBegindatum>${datum(pip.begindatum)}</LeerrouteBegindatum>\n`;
    if (pip.einddatum !== undefined) s += `        <LeerrouteEinddatum>${datum(pip.einddatum)}</LeerrouteEinddatum>\n`;
    s += "      </PIP>\n";
  }
  for (const g of p.voortgangsgesprekken) {
    s += `      <Voortgangsgesprek>\n        <VoortgangsgesprekDatum>${datum(g.datum)}</VoortgangsgesprekDatum>\n      </Voortgangsgesprek>\n`;
  }
  for (const b of p.boetes) {
    s +=
      "      <Boete>\n" +
      `        <BoeteDatum>${datum(b.datum)}</BoeteDatum>\n` +
      `        <BoeteReden>${b.reden}</BoeteReden>\n` +
      `        <BoeteBedrag>${b.bedrag}</BoeteBedrag>\n` +
      "      </Boete>\n";
  }
  return s + "    </Persoon>\n";
}

/**
 * Sets `line` on every Persoon, PIP, Voortgangsgesprek and Boete to the line of its start tag in
 * the layout persoonXml writes.
 */
export function nummerRegels(personen: Persoon[]): void {
  let regel = REGELS_VOOR_PERSONEN + 1;
  for (const p of personen) {
    p.line = regel;
    regel += 5; // <Persoon> and the four required kenmerken
    for (const [, waarde] of persoonVelden(p)) if (waarde !== undefined) regel++;
    for (const pip of p.pips) {
      pip.line = regel;
      regel +=
        4 +
        (pip.niveau !== undefined ? 1 : 0) +
        (pip.begindatum !== undefined ? 1 : 0) +
        (pip.einddatum !== undefined ? 1 : 0);
    }
    for (const g of p.voortgangsgesprekken) {
      g.line = regel;
      regel += 3;
    }
    for (const b of p.boetes) {
      b.line = regel;
      regel += 5;
    }
    regel++; // </Persoon>
  }
}

export function leveringXml(kop: LeveringKop, personen: Iterable<Persoon>): string {
  let s = kopXml(kop);
  for (const p of personen) s += persoonXml(p);
  return s + STAART;
}

export interface SchrijfOpties {
  /**
   * Rewrites the file line by line (without the newline) for deliberately broken variants: return
   * a string to replace the line (it may contain newlines), null to drop it.
   */
  regelFilter?: (regel: string, regelnummer: number) => string | null;
}

/** Writes the delivery to `pad` with backpressure; resolves to the number of bytes written. */
export async function schrijfLeveringXml(
  pad: string,
  kop: LeveringKop,
  personen: Iterable<Persoon>,
  opties: SchrijfOpties = {},
): Promise<number> {
  const uit = createWriteStream(pad, { encoding: "utf8" });
  const fout = new Promise<never>((_, reject) => uit.once("error", reject));
  let bytes = 0;
  let regelnummer = 1;
  const filter = opties.regelFilter;
  const schrijf = async (stuk: string): Promise<void> => {
    if (filter) {
      const regels = stuk.split("\n");
      regels.pop(); // every chunk ends with a newline
      let gefilterd = "";
      for (const regel of regels) {
        const nieuw = filter(regel, regelnummer++);
        if (nieuw !== null) gefilterd += nieuw + "\n";
      }
      stuk = gefilterd;
    }
    bytes += Buffer.byteLength(stuk);
    if (!uit.write(stuk)) await Promise.race([once(uit, "drain"), fout]);
  };

  await schrijf(kopXml(kop));
  let buffer = "";
  for (const p of personen) {
    buffer += persoonXml(p);
    if (buffer.length >= 1 << 18) {
      await schrijf(buffer);
      buffer = "";
    }
  }
  await schrijf(buffer + STAART);
  uit.end();
  await Promise.race([once(uit, "close"), fout]);
  return bytes;
}
