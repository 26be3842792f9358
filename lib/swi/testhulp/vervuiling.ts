/**
 * Dirty variants of a clean generated delivery: each kind breaks exactly one rule of controles.md
 * on one person (or the header / the file), so tests can assert the finding, its BSN and its line.
 */
import type { LeveringKop, Persoon, RegelCode } from "../types";
import type { GegenereerdeLevering } from "../testhulp/generator";
import { plusDagen } from "../testhulp/kalender";
import { leveringXml, nummerRegels, schrijfLeveringXml, type SchrijfOpties } from "../testhulp/xml-schrijver";

export const VERVUILINGEN = [
  "T02-niet-welgevormd",
  "T03-leeg-element",
  "T04-ongeldige-datum",
  "T05-kop-berichtgever",
  "T07-statistiekcode",
  "T08-bsn-elfproef",
  "T09-dubbele-bsn",
  "T10-diakriet",
  "P01-toekomst",
  "P09-ontzorgen",
  "P10-alfabetisering",
  "P14-einde-half",
  "P15-niveau",
  "P21-dubbel-gesprek",
  "Q01-verdwenen",
  "Q02-geslacht",
  "Q04-gesprek-herhaald",
] as const;
export type VervuilingSoort = (typeof VERVUILINGEN)[number];

export interface VervuildeLevering {
  soort: VervuilingSoort;
  /** The rule the variant breaks. */
  regel: RegelCode;
  /** The person concerned, when it is about one. */
  bsn?: string;
  /** The line of the offending element in the written XML, when known. */
  line?: number;
  /** The kenmerk concerned, when it is about one. */
  kenmerk?: number;
  bestandsnaam: string;
  kop: LeveringKop;
  personen: Persoon[];
  xml(): string;
  schrijfXml(pad: string): Promise<number>;
}

function vind(personen: Persoon[], soort: string, test: (p: Persoon) => boolean): Persoon {
  const p = personen.find(test);
  if (!p) throw new Error(`vervuil ${soort}: geen geschikte persoon in deze levering`);
  return p;
}

/**
 * Breaks one rule. Q-kinds need `vorige`, the generated previous quarter (the variant must be
 * checked against it), P01 assumes the receipt date `levering.ontvangstdatum`.
 */
export function vervuil(
  levering: GegenereerdeLevering,
  soort: VervuilingSoort,
  opties: { vorige?: GegenereerdeLevering } = {},
): VervuildeLevering {
  const kop: LeveringKop = { ...levering.kop };
  let personen: Persoon[] = structuredClone(levering.personen);
  let schrijfOpties: SchrijfOpties = {};
  let regel: RegelCode;
  let bsn: string | undefined;
  let kenmerk: number | undefined;
  let regelVan: (() => number) | undefined;
  const vorigePersonen = new Map((opties.vorige?.personen ?? []).map((p) => [p.bsn, p]));
  const eisVorige = (): void => {
    if (!opties.vorige) throw new Error(`vervuil ${soort}: vorige levering nodig`);
  };

  switch (soort) {
    case "T02-niet-welgevormd":
      regel = "T02";
      schrijfOpties = { regelFilter: (r) => (r === "</SWILevering>" ? null : r) };
      break;
    case "T03-leeg-element": {
      regel = "T03";
      kenmerk = 10;
      const p = vind(personen, soort, () => true);
      bsn = p.bsn;
      const doel = p.line + 3;
      regelVan = () => doel;
      schrijfOpties = {
        regelFilter: (r, n) => (n === doel ? r.replace(/<Geslacht>\d<\/Geslacht>/, "<Geslacht></Geslacht>") : r),
      };
      break;
    }
    case "T04-ongeldige-datum": {
      regel = "T04";
      kenmerk = 20;
      const p = vind(personen, soort, (q) => q.pvtOndertekeningsdatum !== undefined);
      p.pvtOndertekeningsdatum = Math.floor(p.pvtOndertekeningsdatum! / 10000) * 10000 + 231;
      bsn = p.bsn;
      regelVan = () => regelVanVeld(p, "pvtOndertekeningsdatum");
      break;
    }
    case "T05-kop-berichtgever":
      // The berichtgevercode, not the quarter: another quarter would also break T07 or P-rules.
      regel = "T05";
      kenmerk = 6;
      kop.berichtgevercode = kop.berichtgevercode === "9999" ? "9998" : "9999";
      regelVan = () => 9;
      break;
    case "T07-statistiekcode":
      regel = "T07";
      kenmerk = 3;
      kop.statistiekcode = 41;
      regelVan = () => 6;
      break;
    case "T08-bsn-elfproef": {
      regel = "T08";
      kenmerk = 8;
      const p = vind(personen, soort, () => true);
      p.bsn = p.bsn.slice(0, 8) + String((Number(p.bsn[8]) + 1) % 10);
      bsn = p.bsn;
      regelVan = () => p.line + 1;
      break;
    }
    case "T09-dubbele-bsn": {
      regel = "T09";
      kenmerk = 8;
      const [eerste, tweede] = personen;
      if (!eerste || !tweede) throw new Error(`vervuil ${soort}: minstens twee personen nodig`);
      tweede.bsn = eerste.bsn;
      bsn = eerste.bsn;
      regelVan = () => tweede.line + 1;
      break;
    }
    case "T10-diakriet":
      regel = "T10";
      kenmerk = 5;
      kop.versieSoftwarepakket = "versie-é";
      regelVan = () => 8;
      break;
    case "P01-toekomst": {
      regel = "P01";
      kenmerk = 20;
      const p = vind(
        personen,
        soort,
        (q) => q.pvtOndertekeningsdatum === undefined && q.eindeBegeleidingDatum === undefined,
      );
      p.pvtOndertekeningsdatum = plusDagen(levering.ontvangstdatum, 30);
      bsn = p.bsn;
      break;
    }
    case "P09-ontzorgen": {
      regel = "P09";
      kenmerk = 14;
      const p = vind(personen, soort, (q) => q.ontzorgenBegindatum !== undefined && q.ontzorgenEinddatum !== undefined);
      p.ontzorgenEinddatum = plusDagen(p.ontzorgenBegindatum!, -10);
      bsn = p.bsn;
      break;
    }
    case "P10-alfabetisering": {
      regel = "P10";
      kenmerk = 19;
      const p = vind(personen, soort, (q) => q.alfabetiseringscursus === 1);
      p.analfabetisme = 1;
      bsn = p.bsn;
      break;
    }
    case "P14-einde-half": {
      regel = "P14";
      kenmerk = 29;
      const p = vind(personen, soort, (q) => q.eindeBegeleidingDatum !== undefined);
      delete p.eindeBegeleidingDatum;
      bsn = p.bsn;
      break;
    }
    case "P15-niveau": {
      regel = "P15";
      kenmerk = 32;
      const p = vind(personen, soort, (q) => q.pips.length === 1 && q.pips[0]!.route === 1);
      delete p.pips[0]!.niveau;
      bsn = p.bsn;
      break;
    }
    case "P21-dubbel-gesprek": {
      regel = "P21";
      kenmerk = 35;
      const p = vind(personen, soort, (q) => q.voortgangsgesprekken.length === 1);
      p.voortgangsgesprekken.push({ line: 0, datum: p.voortgangsgesprekken[0]!.datum });
      bsn = p.bsn;
      break;
    }
    case "Q01-verdwenen": {
      eisVorige();
      regel = "Q01";
      kenmerk = 8;
      const p = vind(personen, soort, (q) => vorigePersonen.has(q.bsn) && q.eindeBegeleidingReden === undefined);
      personen = personen.filter((q) => q !== p);
      bsn = p.bsn;
      break;
    }
    case "Q02-geslacht": {
      eisVorige();
      regel = "Q02";
      kenmerk = 10;
      const p = vind(personen, soort, (q) => vorigePersonen.has(q.bsn) && q.geslacht !== 3);
      p.geslacht = p.geslacht === 1 ? 2 : 1;
      bsn = p.bsn;
      break;
    }
    case "Q04-gesprek-herhaald": {
      eisVorige();
      regel = "Q04";
      kenmerk = 35;
      const p = vind(
        personen,
        soort,
        (q) =>
          (vorigePersonen.get(q.bsn)?.voortgangsgesprekken.length ?? 0) > 0 &&
          q.voortgangsgesprekken.length < 5 &&
          q.eindeBegeleidingReden === undefined,
      );
      const herhaald = vorigePersonen.get(p.bsn)!.voortgangsgesprekken[0]!.datum;
      p.voortgangsgesprekken.unshift({ line: 0, datum: herhaald });
      bsn = p.bsn;
      break;
    }
  }

  nummerRegels(personen);
  const line = regelVan?.();
  const uitkomst: VervuildeLevering = {
    soort,
    regel,
    bestandsnaam: levering.bestandsnaam,
    kop,
    personen,
    xml: () => pasFilterToe(leveringXml(kop, personen), schrijfOpties),
    schrijfXml: (pad) => schrijfLeveringXml(pad, kop, personen, schrijfOpties),
  };
  if (bsn !== undefined) uitkomst.bsn = bsn;
  if (line !== undefined) uitkomst.line = line;
  if (kenmerk !== undefined) uitkomst.kenmerk = kenmerk;
  return uitkomst;
}

function pasFilterToe(xml: string, opties: SchrijfOpties): string {
  const filter = opties.regelFilter;
  if (!filter) return xml;
  const regels = xml.split("\n");
  regels.pop();
  let uit = "";
  regels.forEach((r, i) => {
    const nieuw = filter(r, i + 1);
    if (nieuw !== null) uit += nieuw + "\n";
  });
  return uit;
}

/** The line of a person-level element, in the layout of xml-schrijver.ts (see nummerRegels). */
function regelVanVeld(p: Persoon, veld: keyof Persoon): number {
  const volgorde: Array<keyof Persoon> = [
    "maatschappelijkeBegeleidingBegindatum",
    "ontzorgenBegindatum",
    "ontzorgenEinddatum",
    "bredeIntakeBegindatum",
    "bredeIntakeUrenTaalKNM",
    "waarschuwingNietVerschijnenIntakeDatum",
    "alfabetiseringscursus",
    "analfabetisme",
    "pvtOndertekeningsdatum",
  ];
  let regel = p.line + 5;
  for (const v of volgorde) {
    if (v === veld) return regel;
    if (p[v] !== undefined) regel++;
  }
  throw new Error(`regelVanVeld: ${String(veld)} niet ondersteund`);
}
