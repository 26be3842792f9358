/**
 * The spiegelrapport (4.2.1 of the guidelines, controles.md): the counts of an accepted delivery,
 * each beside the previous quarter's, so the berichtgever can compare them with its own
 * administration. Plain data; the portal, the CLI and the mail render it.
 *
 * Choices:
 * - Rows have a stable `sleutel` ("geslacht.2", "kenmerk.15", "boetes.reden.1.bedrag") so the portal
 *   can pick rows for charts; labels are Dutch.
 * - Age bands at the quarter's last day: 0–15 (below the inburgeringsplicht, see P05), 16–17,
 *   18–29, 30–39, 40–49, 50–66, 67 and older (AOW age): the boundaries of the inburgeringsplicht
 *   (16 up to the AOW age) and adulthood, then decades. A Geboortedatum after the quarter counts as
 *   "jonger dan 16". An incomplete Geboortedatum counts in a band when every day it can stand for
 *   falls in that band, otherwise under "onbekend".
 * - "Vulling kenmerken" counts, for k12–29, persons with the kenmerk filled; for k30–34 PIPs; for
 *   k35 gesprekken; for k36–38 boetes (as controles.md asks).
 * - Every row is present even when its count is 0, so two reports always have the same rows.
 */
import { formatKwartaal, kwartaalEinde, laatsteGeboortedag, leeftijdOp, vroegsteGeboortedag } from "./datum";
import { REGELS } from "./regels";
import { vulgraad, type Vulgraad } from "./statistisch/bestand";
import { kenmerk } from "./statistisch/kenmerken";
import type { Eerder } from "./eerdere-levering";
import type { GeparsteLevering, Persoon, StatistischeUitkomst } from "./types";

export interface SpiegelrapportRij {
  /** Stable key, e.g. "typeMigrant.1". */
  sleutel: string;
  /** The section, e.g. "Type migrant". */
  groep: string;
  omschrijving: string;
  /** Tabel 1 number when the row is about one kenmerk. */
  kenmerk: number | null;
  huidig: number;
  /** The previous quarter's figure; null without a previous delivery. */
  vorig: number | null;
  /** huidig − vorig; null without a previous delivery. */
  verschil: number | null;
}

/** How many of the persons a kenmerk applies to have it filled. */
export interface Vulgetal {
  gevuld: number;
  populatie: number;
}

/**
 * The fill rate of one person kenmerk (k12–29) measured on the persons it applies to (Tabel 1 of
 * the guidelines, as F03 measures it): Ontzorgen only for asielstatushouders, and so on. Dividing by
 * all persons would make a complete delivery look incomplete.
 */
export interface VullingRij {
  kenmerk: number;
  /** For whom the kenmerk applies, e.g. "asielstatushouders (TypeMigrant 1)". */
  populatie: string;
  huidig: Vulgetal;
  vorig: Vulgetal | null;
}

export interface Spiegelrapport {
  statistiekjaar: number;
  statistiekkwartaal: number;
  gemeentecode: string;
  berichtgevercode: string;
  fileName: string;
  vorigKwartaal: { jaar: number; kwartaal: number } | null;
  /** Number of persons in this delivery. */
  personen: number;
  rijen: SpiegelrapportRij[];
  /** Fill rates of k12–29 on the persons each applies to. Absent in reports made before it existed. */
  vulling?: VullingRij[];
  /** Number of signals per rule code, for every P, Q and F rule (0 when none). */
  signalenPerRegel: Record<string, number>;
  /** Number of person signals per severity. */
  signalenPerErnst: { fout: number; waarschuwing: number; info: number };
}

interface Definitie {
  sleutel: string;
  groep: string;
  omschrijving: string;
  kenmerk: number | null;
}

export interface Leeftijdsklasse {
  sleutel: string;
  omschrijving: string;
  /** Lowest and highest age in the band (inclusive). */
  van: number;
  tot: number;
}

export const LEEFTIJDSKLASSEN: readonly Leeftijdsklasse[] = [
  { sleutel: "0-15", omschrijving: "jonger dan 16 jaar", van: Number.NEGATIVE_INFINITY, tot: 15 },
  { sleutel: "16-17", omschrijving: "16 en 17 jaar", van: 16, tot: 17 },
  { sleutel: "18-29", omschrijving: "18 tot en met 29 jaar", van: 18, tot: 29 },
  { sleutel: "30-39", omschrijving: "30 tot en met 39 jaar", van: 30, tot: 39 },
  { sleutel: "40-49", omschrijving: "40 tot en met 49 jaar", van: 40, tot: 49 },
  { sleutel: "50-66", omschrijving: "50 tot en met 66 jaar", van: 50, tot: 66 },
  { sleutel: "67+", omschrijving: "67 jaar en ouder (AOW-leeftijd)", van: 67, tot: Number.POSITIVE_INFINITY },
];

const PERSOON_KENMERKEN = Array.from({ length: 18 }, (_, i) => 12 + i); // 12–29

const ALLE_PERSONEN = "alle personen";
/** The population per kenmerk, in the words of Tabel 1; the counting is vulgraad() (statistisch/bestand.ts). */
export function populatieVanKenmerk(k: number): string {
  if (k >= 12 && k <= 14) return "asielstatushouders (TypeMigrant 1)";
  if (k === 21 || k === 22) return "personen met een PIP op de B1-route of de Z-route";
  if (k === 23) return "personen met een PIP op de Z-route met een einddatum";
  if (k >= 24 && k <= 27) return "personen met een inschatting van het taalniveau op de Z-route (kenmerk 23 = ja)";
  return ALLE_PERSONEN;
}
const TELEENHEID: Record<string, string> = {
  persoon: "personen",
  pip: "PIP's",
  gesprek: "gesprekken",
  boete: "boetes",
};

function definities(): Definitie[] {
  const d: Definitie[] = [
    { sleutel: "personen.totaal", groep: "Personen", omschrijving: "Personen in de levering", kenmerk: 8 },
  ];
  for (const [code, label] of Object.entries(kenmerk(10).codes ?? {}))
    d.push({ sleutel: `geslacht.${code}`, groep: "Geslacht", omschrijving: label, kenmerk: 10 });
  for (const [code, label] of Object.entries(kenmerk(11).codes ?? {}))
    d.push({ sleutel: `typeMigrant.${code}`, groep: "Type migrant", omschrijving: label, kenmerk: 11 });
  for (const k of LEEFTIJDSKLASSEN)
    d.push({ sleutel: `leeftijd.${k.sleutel}`, groep: "Leeftijd", omschrijving: k.omschrijving, kenmerk: 9 });
  d.push({
    sleutel: "leeftijd.onbekend",
    groep: "Leeftijd",
    omschrijving: "onbekend (onvolledige geboortedatum)",
    kenmerk: 9,
  });
  for (let k = 12; k <= 38; k++) {
    const info = kenmerk(k);
    d.push({
      sleutel: `kenmerk.${k}`,
      groep: "Vulling kenmerken",
      omschrijving: `${info.naam} (${TELEENHEID[info.niveau]} met waarde)`,
      kenmerk: k,
    });
  }
  for (const [code, label] of Object.entries(kenmerk(31).codes ?? {}))
    d.push({ sleutel: `pip.route.${code}`, groep: "PIP naar leerroute", omschrijving: label, kenmerk: 31 });
  for (const [code, label] of Object.entries(kenmerk(32).codes ?? {}))
    d.push({ sleutel: `pip.niveau.${code}`, groep: "PIP naar niveau", omschrijving: label, kenmerk: 32 });
  d.push({ sleutel: "pip.niveau.leeg", groep: "PIP naar niveau", omschrijving: "geen niveau", kenmerk: 32 });
  for (const [code, label] of Object.entries(kenmerk(37).codes ?? {})) {
    d.push({
      sleutel: `boetes.reden.${code}.aantal`,
      groep: "Boetes",
      omschrijving: `Aantal boetes: ${label}`,
      kenmerk: 37,
    });
    d.push({
      sleutel: `boetes.reden.${code}.bedrag`,
      groep: "Boetes",
      omschrijving: `Totaalbedrag in euro's: ${label}`,
      kenmerk: 38,
    });
  }
  d.push({ sleutel: "boetes.totaal.aantal", groep: "Boetes", omschrijving: "Aantal boetes: totaal", kenmerk: 36 });
  d.push({
    sleutel: "boetes.totaal.bedrag",
    groep: "Boetes",
    omschrijving: "Totaalbedrag in euro's: totaal",
    kenmerk: 38,
  });
  return d;
}

const DEFINITIES = definities();

const INDEX = new Map<string, number>(DEFINITIES.map((d, i) => [d.sleutel, i]));

function index(sleutel: string): number {
  const i = INDEX.get(sleutel);
  if (i === undefined) throw new Error(`onbekende rij ${sleutel}`);
  return i;
}

/** Row index per code (position = code), so counting needs no string work per person. */
function indexPerCode(prefix: string, codes: readonly number[], achtervoegsel = ""): Int32Array {
  const a = new Int32Array(Math.max(...codes) + 1).fill(-1);
  for (const c of codes) a[c] = index(`${prefix}.${c}${achtervoegsel}`);
  return a;
}

const I_PERSONEN = index("personen.totaal");
const I_GESLACHT = indexPerCode("geslacht", [1, 2, 3]);
const I_TYPE = indexPerCode("typeMigrant", [1, 2]);
const I_LEEFTIJD = LEEFTIJDSKLASSEN.map((k) => index(`leeftijd.${k.sleutel}`));
const I_LEEFTIJD_ONBEKEND = index("leeftijd.onbekend");
const I_KENMERK = indexPerCode(
  "kenmerk",
  Array.from({ length: 27 }, (_, i) => 12 + i),
);
const I_ROUTE = indexPerCode("pip.route", [1, 2, 3]);
const I_NIVEAU = indexPerCode("pip.niveau", [1, 2]);
const I_NIVEAU_LEEG = index("pip.niveau.leeg");
const I_BOETE_AANTAL = indexPerCode("boetes.reden", [1, 2], ".aantal");
const I_BOETE_BEDRAG = indexPerCode("boetes.reden", [1, 2], ".bedrag");
const I_BOETES = index("boetes.totaal.aantal");
const I_BEDRAG = index("boetes.totaal.bedrag");

function leeftijdsklasse(geboortedatum: number, peildatum: number): number {
  const oudst = leeftijdOp(vroegsteGeboortedag(geboortedatum), peildatum);
  const jongst = leeftijdOp(laatsteGeboortedag(geboortedatum), peildatum);
  for (let i = 0; i < LEEFTIJDSKLASSEN.length; i++) {
    const k = LEEFTIJDSKLASSEN[i] as Leeftijdsklasse;
    if (jongst >= k.van && oudst <= k.tot) return I_LEEFTIJD[i] as number;
  }
  // An incomplete Geboortedatum whose days span two bands.
  return I_LEEFTIJD_ONBEKEND;
}

function persoonGevuld(p: Persoon, k: number): boolean {
  switch (k) {
    case 12:
      return p.maatschappelijkeBegeleidingBegindatum !== undefined;
    case 13:
      return p.ontzorgenBegindatum !== undefined;
    case 14:
      return p.ontzorgenEinddatum !== undefined;
    case 15:
      return p.bredeIntakeBegindatum !== undefined;
    case 16:
      return p.bredeIntakeUrenTaalKNM !== undefined;
    case 17:
      return p.waarschuwingNietVerschijnenIntakeDatum !== undefined;
    case 18:
      return p.alfabetiseringscursus !== undefined;
    case 19:
      return p.analfabetisme !== undefined;
    case 20:
      return p.pvtOndertekeningsdatum !== undefined;
    case 21:
      return p.mapDatumEersteActiviteit !== undefined;
    case 22:
      return p.mapDatumEindgesprek !== undefined;
    case 23:
      return p.zRouteInschattingTaalniveau !== undefined;
    case 24:
      return p.zRouteLezen !== undefined;
    case 25:
      return p.zRouteSchrijven !== undefined;
    case 26:
      return p.zRouteSpreken !== undefined;
    case 27:
      return p.zRouteLuisteren !== undefined;
    case 28:
      return p.eindeBegeleidingReden !== undefined;
    case 29:
      return p.eindeBegeleidingDatum !== undefined;
    default:
      return false;
  }
}

/** All counts of one delivery, by row key. */
export function tellingen(levering: GeparsteLevering): Map<string, number> {
  const t = telRijen(levering);
  return new Map(DEFINITIES.map((d, i) => [d.sleutel, t[i] as number]));
}

/** Counts per row of DEFINITIES (Float64Array: amounts summed over 200,000 persons exceed 2³¹). */
export function telRijen(levering: GeparsteLevering): Float64Array {
  const t = new Float64Array(DEFINITIES.length);
  const peildatum = kwartaalEinde(levering.kop.statistiekjaar, levering.kop.statistiekkwartaal);
  const k = (n: number): number => I_KENMERK[n] as number;
  t[I_PERSONEN] = levering.personen.length;
  for (const p of levering.personen) {
    t[I_GESLACHT[p.geslacht] as number]!++;
    t[I_TYPE[p.typeMigrant] as number]!++;
    t[leeftijdsklasse(p.geboortedatum, peildatum)]!++;
    for (const n of PERSOON_KENMERKEN) if (persoonGevuld(p, n)) t[k(n)]!++;
    for (const pip of p.pips) {
      t[k(30)]!++;
      t[k(31)]!++;
      t[I_ROUTE[pip.route] as number]!++;
      if (pip.niveau !== undefined) {
        t[k(32)]!++;
        t[I_NIVEAU[pip.niveau] as number]!++;
      } else t[I_NIVEAU_LEEG]!++;
      if (pip.begindatum !== undefined) t[k(33)]!++;
      if (pip.einddatum !== undefined) t[k(34)]!++;
    }
    t[k(35)]! += p.voortgangsgesprekken.length;
    for (const b of p.boetes) {
      t[k(36)]!++;
      t[k(37)]!++;
      t[k(38)]!++;
      t[I_BOETE_AANTAL[b.reden] as number]!++;
      t[I_BOETE_BEDRAG[b.reden] as number]! += b.bedrag;
      t[I_BOETES]!++;
      t[I_BEDRAG]! += b.bedrag;
    }
  }
  return t;
}

/**
 * `vorige`: the previous quarter's delivery (as the statistische controle chose it), or undefined.
 * `uitkomst`: the statistische controle of `huidig`, for the signal counts.
 */
export function maakSpiegelrapport(
  huidig: GeparsteLevering,
  vorige: Eerder | undefined,
  uitkomst: StatistischeUitkomst,
): Spiegelrapport {
  const nu = telRijen(huidig);
  const toen = vorige ? ("compact" in vorige ? vorige.tellingen : telRijen(vorige)) : undefined;
  const rijen = DEFINITIES.map((d, i): SpiegelrapportRij => {
    const h = nu[i] as number;
    const v = toen ? (toen[i] as number) : null;
    return { ...d, huidig: h, vorig: v, verschil: v === null ? null : h - v };
  });

  const signalenPerRegel: Record<string, number> = {};
  for (const r of REGELS) if (r.soort !== "technisch") signalenPerRegel[r.code] = 0;
  const signalenPerErnst = { fout: 0, waarschuwing: 0, info: 0 };
  for (const s of uitkomst.signals) {
    signalenPerRegel[s.rule] = (signalenPerRegel[s.rule] ?? 0) + 1;
    signalenPerErnst[s.severity]++;
  }
  for (const s of uitkomst.fileSignals) signalenPerRegel[s.rule] = (signalenPerRegel[s.rule] ?? 0) + 1;

  const vulNu = vulgraad(huidig);
  const vulToen = vorige ? ("compact" in vorige ? vorige.vulgraad : vulgraad(vorige)) : undefined;
  const getal = (v: Vulgraad, k: number): Vulgetal => ({
    gevuld: v.gevuld[k] as number,
    populatie: v.toepasselijk[k] as number,
  });
  const vulling = PERSOON_KENMERKEN.map((k): VullingRij => ({
    kenmerk: k,
    populatie: populatieVanKenmerk(k),
    huidig: getal(vulNu, k),
    vorig: vulToen ? getal(vulToen, k) : null,
  }));

  const { kop } = huidig;
  return {
    statistiekjaar: kop.statistiekjaar,
    statistiekkwartaal: kop.statistiekkwartaal,
    gemeentecode: kop.gemeentecode,
    berichtgevercode: kop.berichtgevercode,
    fileName: huidig.fileName,
    vorigKwartaal: vorige ? { jaar: vorige.kop.statistiekjaar, kwartaal: vorige.kop.statistiekkwartaal } : null,
    personen: huidig.personen.length,
    rijen,
    vulling,
    signalenPerRegel,
    signalenPerErnst,
  };
}

/** "2026 K1 (vorig kwartaal: 2025 K4)", for headings. */
export function spiegelrapportTitel(r: Spiegelrapport): string {
  const vorig = r.vorigKwartaal
    ? ` (vergeleken met ${formatKwartaal(r.vorigKwartaal.jaar, r.vorigKwartaal.kwartaal)})`
    : "";
  return `Spiegelrapport ${formatKwartaal(r.statistiekjaar, r.statistiekkwartaal)}, gemeente ${r.gemeentecode}${vorig}`;
}
