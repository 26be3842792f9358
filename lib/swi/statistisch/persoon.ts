/**
 * The statistische controle per persoon: P01–P24 of controles.md.
 *
 * One signal per person per finding. A rule that concerns the person's own kenmerken gives one
 * row listing every offending value; a rule about PIPs, gesprekken or boetes gives one row per
 * item concerned (the row names the item, e.g. "(PIP van 20-10-2025)"), because each item is
 * corrected on its own. Identical rows (e.g. a gesprek delivered twice) are merged afterwards.
 *
 * Written as plain loops over the person with no closures or temporary objects unless a finding
 * is made: this runs for every person of files with 200,000 persons.
 */
import { formatDatum, laatsteGeboortedag, leeftijdOp, START_WI2021, vroegsteGeboortedag, isOnvolledig } from "../datum";
import type { Datum, Persoon, Pip } from "../types";
import { AOW_LEEFTIJD, MINIMUM_LEEFTIJD, type Basis } from "./basis";
import {
  boeteDatumEerderGeleverd,
  boeteEerderGeleverd,
  gesprekEerderGeleverd,
  PIP_B1_OF_Z,
  PIP_ENIG,
  PIP_Z,
  pipVlaggen,
  type CompactePersonen,
  type EerdereIndex,
} from "./eerdere";
import { kenmerkWaarde } from "./kenmerken";
import type { SignaalCode, Signalen } from "./signalen";

/** Persoon-level date kenmerken, in Tabel 1 order. */
const PERSOON_DATUMS = [12, 13, 14, 15, 17, 20, 21, 22, 29] as const;
type PersoonDatumKenmerk = (typeof PERSOON_DATUMS)[number];

export function persoonDatum(p: Persoon, k: PersoonDatumKenmerk): Datum | undefined {
  switch (k) {
    case 12:
      return p.maatschappelijkeBegeleidingBegindatum;
    case 13:
      return p.ontzorgenBegindatum;
    case 14:
      return p.ontzorgenEinddatum;
    case 15:
      return p.bredeIntakeBegindatum;
    case 17:
      return p.waarschuwingNietVerschijnenIntakeDatum;
    case 20:
      return p.pvtOndertekeningsdatum;
    case 21:
      return p.mapDatumEersteActiviteit;
    case 22:
      return p.mapDatumEindgesprek;
    case 29:
      return p.eindeBegeleidingDatum;
  }
}

const PIP_DATUMS = [30, 33, 34] as const;

function pipDatum(pip: Pip, k: 30 | 33 | 34): Datum | undefined {
  return k === 30 ? pip.datum : k === 33 ? pip.begindatum : pip.einddatum;
}

// The four date rules differ only in their test and in which kenmerken they cover.
const TOEKOMST = 0;
const NA_KWARTAAL = 1;
const VOOR_WI2021 = 2;
const VOOR_GEBOORTE = 3;
type DatumToets = typeof TOEKOMST | typeof NA_KWARTAAL | typeof VOOR_WI2021 | typeof VOOR_GEBOORTE;

const DATUM_CODE: Record<DatumToets, SignaalCode> = { 0: "P01", 1: "P02", 2: "P03", 3: "P04" };

function kenmerkSet(nummers: readonly number[]): Uint8Array {
  const s = new Uint8Array(40);
  for (const k of nummers) s[k] = 1;
  return s;
}

const DATUM_SET: Record<DatumToets, Uint8Array> = {
  0: kenmerkSet([9, 12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36]),
  1: kenmerkSet([12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34]),
  2: kenmerkSet([12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36]),
  3: kenmerkSet([12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36]),
};

function datumFout(toets: DatumToets, d: Datum, b: Basis, geboorteVroegst: Datum): boolean {
  switch (toets) {
    case TOEKOMST:
      return d > b.ontvangen;
    case NA_KWARTAAL:
      return d > b.einde && d <= b.ontvangen;
    case VOOR_WI2021:
      return d < START_WI2021;
    case VOOR_GEBOORTE:
      return d < geboorteVroegst;
  }
}

function datumMelding(toets: DatumToets, meer: boolean, b: Basis, p: Persoon): string {
  const lw = meer ? "De datums liggen" : "De datum ligt";
  switch (toets) {
    case TOEKOMST:
      return `${lw} na de ontvangstdatum van de levering (${b.ontvangenTekst}). In de toekomst geplande of verwachte datums worden niet geleverd.`;
    case NA_KWARTAAL:
      return `${lw} na de laatste dag van het kwartaal (${b.eindeTekst}) en ${meer ? "horen" : "hoort"} daarom bij de levering over het volgende kwartaal.`;
    case VOOR_WI2021:
      return `${lw} vóór 1 januari 2022, de start van de Wet inburgering 2021: de persoon valt buiten de SWI, of de datum is onjuist.`;
    case VOOR_GEBOORTE:
      return `${lw} vóór de geboortedatum (${formatDatum(p.geboortedatum)}).`;
  }
}

function pipNaam(pip: Pip): string {
  return `PIP van ${formatDatum(pip.datum)}`;
}

/**
 * True when no date of the person can trip P01–P04: every date lies between the latest of
 * (1-1-2022, the earliest birthday) and the earliest of (the quarter's end, the receipt day), and
 * the Geboortedatum is not in the future. One pass over the dates, where the four rules would take
 * four; almost every person passes, and for the rest the rules themselves decide.
 */
function datumsBinnenGrenzen(p: Persoon, b: Basis): boolean {
  const vroegst = vroegsteGeboortedag(p.geboortedatum);
  if (vroegst > b.ontvangen) return false;
  const onder = vroegst > START_WI2021 ? vroegst : START_WI2021;
  const boven = b.einde < b.ontvangen ? b.einde : b.ontvangen;
  for (const k of PERSOON_DATUMS) {
    const d = persoonDatum(p, k);
    if (d !== undefined && (d < onder || d > boven)) return false;
  }
  for (const pip of p.pips) {
    if (pip.datum < onder || pip.datum > boven) return false;
    const begin = pip.begindatum;
    if (begin !== undefined && (begin < onder || begin > boven)) return false;
    const eind = pip.einddatum;
    if (eind !== undefined && (eind < onder || eind > boven)) return false;
  }
  for (const g of p.voortgangsgesprekken) if (g.datum < onder || g.datum > boven) return false;
  for (const bo of p.boetes) if (bo.datum < onder || bo.datum > boven) return false;
  return true;
}

function datumRegel(toets: DatumToets, p: Persoon, b: Basis, out: Signalen): void {
  const set = DATUM_SET[toets];
  const code = DATUM_CODE[toets];
  const geboorteVroegst = vroegsteGeboortedag(p.geboortedatum);

  let ks: number[] | null = null;
  // For P01 an incomplete Geboortedatum counts only when every day it can stand for is in the future.
  if (set[9] === 1 && geboorteVroegst > b.ontvangen) (ks ??= []).push(9);
  for (const k of PERSOON_DATUMS) {
    if (set[k] !== 1) continue;
    const d = persoonDatum(p, k);
    if (d !== undefined && datumFout(toets, d, b, geboorteVroegst)) (ks ??= []).push(k);
  }
  if (ks !== null) {
    const waarden = ks
      .map((k) => kenmerkWaarde(k, k === 9 ? p.geboortedatum : persoonDatum(p, k as PersoonDatumKenmerk)))
      .join("; ");
    out.voeg(p.bsn, code, ks, waarden, datumMelding(toets, ks.length > 1, b, p));
  }

  for (const pip of p.pips) {
    let pks: (30 | 33 | 34)[] | null = null;
    for (const k of PIP_DATUMS) {
      const d = pipDatum(pip, k);
      if (set[k] === 1 && d !== undefined && datumFout(toets, d, b, geboorteVroegst)) (pks ??= []).push(k);
    }
    if (pks === null) continue;
    const waarden = pks.map((k) => kenmerkWaarde(k, pipDatum(pip, k))).join("; ");
    out.voeg(
      p.bsn,
      code,
      pks,
      pks[0] === 30 ? waarden : `${waarden} (${pipNaam(pip)})`,
      datumMelding(toets, pks.length > 1, b, p),
    );
  }
  if (set[35] === 1) {
    for (const g of p.voortgangsgesprekken) {
      if (datumFout(toets, g.datum, b, geboorteVroegst))
        out.voeg(p.bsn, code, [35], kenmerkWaarde(35, g.datum), datumMelding(toets, false, b, p));
    }
  }
  if (set[36] === 1) {
    for (const bo of p.boetes) {
      if (datumFout(toets, bo.datum, b, geboorteVroegst))
        out.voeg(p.bsn, code, [36], boeteWaarden(bo.datum, bo.reden, bo.bedrag), datumMelding(toets, false, b, p));
    }
  }
}

function boeteWaarden(datum: Datum, reden: number, bedrag: number): string {
  return `${kenmerkWaarde(36, datum)}; ${kenmerkWaarde(37, reden)}; ${kenmerkWaarde(38, bedrag)}`;
}

function leeftijdTekst(min: number, max: number): string {
  return min === max ? `${min} jaar` : `${min} of ${max} jaar, de geboortedatum is onvolledig`;
}

function p05(p: Persoon, b: Basis, out: Signalen): void {
  // "For every day it can stand for": the youngest possible age must reach the AOW age, the oldest
  // possible age must stay below 16.
  const max = leeftijdOp(vroegsteGeboortedag(p.geboortedatum), b.einde);
  const min = leeftijdOp(laatsteGeboortedag(p.geboortedatum), b.einde);
  if (max < MINIMUM_LEEFTIJD) {
    out.voeg(
      p.bsn,
      "P05",
      [9],
      kenmerkWaarde(9, p.geboortedatum),
      `De persoon is op de laatste dag van het kwartaal (${b.eindeTekst}) jonger dan ${MINIMUM_LEEFTIJD} jaar (${leeftijdTekst(min, max)}).`,
      undefined,
      "Controleer de geboortedatum en of deze persoon inburgeringsplichtig is.",
    );
  } else if (min >= AOW_LEEFTIJD && p.eindeBegeleidingReden !== 2) {
    out.voeg(
      p.bsn,
      "P05",
      [9, 28],
      `${kenmerkWaarde(9, p.geboortedatum)}; ${kenmerkWaarde(28, p.eindeBegeleidingReden)}`,
      `De persoon heeft op de laatste dag van het kwartaal (${b.eindeTekst}) de AOW-leeftijd (${AOW_LEEFTIJD} jaar) bereikt (${leeftijdTekst(min, max)}), maar EindeBegeleidingReden is niet 2 (niet meer inburgeringsplichtig).`,
      undefined,
      "Wie de AOW-leeftijd bereikt, is niet meer inburgeringsplichtig: vul EindeBegeleidingReden 2 en EindeBegeleidingDatum in. Controleer anders de geboortedatum.",
    );
  }
}

function p07(p: Persoon, out: Signalen): void {
  if (p.typeMigrant !== 2) return;
  let ks: number[] | null = null;
  if (p.maatschappelijkeBegeleidingBegindatum !== undefined) (ks ??= []).push(12);
  if (p.ontzorgenBegindatum !== undefined) (ks ??= []).push(13);
  if (p.ontzorgenEinddatum !== undefined) (ks ??= []).push(14);
  const melding =
    "Dit kenmerk geldt alleen voor asielstatushouders, maar de persoon is gezinsmigrant/overige migrant (TypeMigrant 2).";
  if (ks !== null) {
    const waarden = ks.map((k) => kenmerkWaarde(k, persoonDatum(p, k as PersoonDatumKenmerk))).join("; ");
    out.voeg(
      p.bsn,
      "P07",
      ks,
      `${kenmerkWaarde(11, 2)}; ${waarden}`,
      ks.length > 1 ? melding.replace("Dit kenmerk geldt", "Deze kenmerken gelden") : melding,
    );
  }
  for (const pip of p.pips) {
    if (pip.begindatum !== undefined)
      out.voeg(
        p.bsn,
        "P07",
        [33],
        `${kenmerkWaarde(11, 2)}; ${kenmerkWaarde(33, pip.begindatum)} (${pipNaam(pip)})`,
        melding,
      );
  }
}

function p08(p: Persoon, out: Signalen): void {
  if (p.typeMigrant !== 1) return;
  for (const g of p.voortgangsgesprekken) {
    out.voeg(
      p.bsn,
      "P08",
      [35],
      `${kenmerkWaarde(11, 1)}; ${kenmerkWaarde(35, g.datum)}`,
      "Er is een voortgangsgesprek geleverd voor een asielstatushouder (TypeMigrant 1). Voortgangsgesprekken met asielmigranten worden niet geleverd.",
    );
  }
}

/** P09 and P11: an end date without its start date, or before it. */
function volgorde(p: Persoon, code: "P09" | "P11", kBegin: 13 | 21, kEind: 14 | 22, wat: string, out: Signalen): void {
  const eind = persoonDatum(p, kEind);
  if (eind === undefined) return;
  const begin = persoonDatum(p, kBegin);
  if (begin !== undefined && eind >= begin) return;
  const waarden = `${kenmerkWaarde(kBegin, begin)}; ${kenmerkWaarde(kEind, eind)}`;
  if (begin === undefined)
    out.voeg(p.bsn, code, [kBegin, kEind], waarden, `${wat}: de einddatum is gevuld zonder begindatum.`);
  else if (eind < begin)
    out.voeg(p.bsn, code, [kBegin, kEind], waarden, `${wat}: de einddatum ligt vóór de begindatum.`);
}

function p10(p: Persoon, out: Signalen): void {
  const cursus = p.alfabetiseringscursus;
  const analf = p.analfabetisme;
  if (analf === undefined ? cursus !== 2 : cursus === 2) return;
  const waarden = `${kenmerkWaarde(18, cursus)}; ${kenmerkWaarde(19, analf)}`;
  if (analf !== undefined && cursus !== 2) {
    out.voeg(
      p.bsn,
      "P10",
      [18, 19],
      waarden,
      "Analfabetisme is gevuld, maar Alfabetiseringscursus is niet 2 (ja). Analfabetisme wordt alleen gevuld als een alfabetiseringscursus nodig is.",
    );
  } else if (cursus === 2 && analf === undefined) {
    out.voeg(p.bsn, "P10", [18, 19], waarden, "Alfabetiseringscursus is 2 (ja), maar Analfabetisme is leeg.");
  }
}

function routesTekst(p: Persoon): string {
  if (p.pips.length === 0) return "geen PIP in deze levering";
  return p.pips.map((pip) => `${kenmerkWaarde(31, pip.route)} (${pipNaam(pip)})`).join("; ");
}

function p12(p: Persoon, vlaggen: number, out: Signalen): void {
  if (p.mapDatumEersteActiviteit === undefined && p.mapDatumEindgesprek === undefined) return;
  if ((vlaggen & PIP_ENIG) === 0 || (vlaggen & PIP_B1_OF_Z) !== 0) return;
  const ks: number[] = [];
  const delen: string[] = [];
  if (p.mapDatumEersteActiviteit !== undefined) {
    ks.push(21);
    delen.push(kenmerkWaarde(21, p.mapDatumEersteActiviteit));
  }
  if (p.mapDatumEindgesprek !== undefined) {
    ks.push(22);
    delen.push(kenmerkWaarde(22, p.mapDatumEindgesprek));
  }
  ks.push(31);
  delen.push(routesTekst(p));
  out.voeg(
    p.bsn,
    "P12",
    ks,
    delen.join("; "),
    "Er is een MAP-datum geleverd, maar geen van de PIP's van deze persoon (in deze en eerdere leveringen) heeft de B1-route of de Z-route. De MAP geldt voor wie de B1- of Z-route volgt of heeft gevolgd.",
  );
}

const Z_VAARDIGHEDEN = [24, 25, 26, 27] as const;

function zVaardigheid(p: Persoon, k: 24 | 25 | 26 | 27): number | undefined {
  return k === 24 ? p.zRouteLezen : k === 25 ? p.zRouteSchrijven : k === 26 ? p.zRouteSpreken : p.zRouteLuisteren;
}

function p13(p: Persoon, vlaggen: number, out: Signalen): void {
  const inschatting = p.zRouteInschattingTaalniveau;
  let gevuld = 0;
  for (const k of Z_VAARDIGHEDEN) if (zVaardigheid(p, k) !== undefined) gevuld++;
  if (gevuld > 0 && inschatting !== 2) {
    const ks = [23, ...Z_VAARDIGHEDEN.filter((k) => zVaardigheid(p, k) !== undefined)];
    out.voeg(
      p.bsn,
      "P13",
      ks,
      ks.map((k) => kenmerkWaarde(k, k === 23 ? inschatting : zVaardigheid(p, k as 24))).join("; "),
      "Z-route lezen, schrijven, spreken of luisteren is gevuld, maar Z-route inschatting taalniveau is niet 2 (ja).",
    );
  } else if (inschatting === 2 && gevuld < 4) {
    const ks = [23, ...Z_VAARDIGHEDEN.filter((k) => zVaardigheid(p, k) === undefined)];
    out.voeg(
      p.bsn,
      "P13",
      ks,
      ks.map((k) => kenmerkWaarde(k, k === 23 ? inschatting : undefined)).join("; "),
      "Z-route inschatting taalniveau is 2 (ja), maar niet alle vier de vaardigheden (lezen, schrijven, spreken, luisteren) zijn ingevuld.",
      undefined,
      "Vul bij inschatting taalniveau 2 (ja) alle vier de vaardigheden in; gebruik 9 als een vaardigheid onbekend is.",
    );
  }
  if (inschatting !== undefined && (vlaggen & PIP_Z) === 0) {
    out.voeg(
      p.bsn,
      "P13",
      [23, 31],
      `${kenmerkWaarde(23, inschatting)}; ${routesTekst(p)}`,
      "Z-route inschatting taalniveau is gevuld, maar de persoon heeft in deze en eerdere leveringen geen PIP met de Z-route.",
      undefined,
      "Vul de Z-route-kenmerken alleen in voor wie de Z-route heeft afgerond. Controleer anders de leerroute in het PIP.",
    );
  }
}

function p14(p: Persoon, out: Signalen): void {
  const reden = p.eindeBegeleidingReden;
  const datum = p.eindeBegeleidingDatum;
  if ((reden === undefined) === (datum === undefined)) return;
  out.voeg(
    p.bsn,
    "P14",
    [28, 29],
    `${kenmerkWaarde(28, reden)}; ${kenmerkWaarde(29, datum)}`,
    reden === undefined
      ? "EindeBegeleidingDatum is gevuld zonder EindeBegeleidingReden."
      : "EindeBegeleidingReden is gevuld zonder EindeBegeleidingDatum.",
  );
}

function p15p16(p: Persoon, out: Signalen): void {
  for (const pip of p.pips) {
    if (pip.niveau !== undefined && pip.route !== 1) {
      out.voeg(
        p.bsn,
        "P15",
        [31, 32],
        `${kenmerkWaarde(31, pip.route)}; ${kenmerkWaarde(32, pip.niveau)} (${pipNaam(pip)})`,
        "LeerrouteNiveau is gevuld op een PIP met een andere route dan de B1-route.",
      );
    } else if (pip.route === 1 && pip.niveau === undefined) {
      out.voeg(
        p.bsn,
        "P15",
        [31, 32],
        `${kenmerkWaarde(31, pip.route)}; ${kenmerkWaarde(32, undefined)} (${pipNaam(pip)})`,
        "Een PIP met de B1-route heeft geen LeerrouteNiveau.",
      );
    }
    if (pip.einddatum !== undefined && pip.route !== 3) {
      out.voeg(
        p.bsn,
        "P16",
        [31, 34],
        `${kenmerkWaarde(31, pip.route)}; ${kenmerkWaarde(34, pip.einddatum)} (${pipNaam(pip)})`,
        "LeerrouteEinddatum is gevuld op een PIP met een andere route dan de Z-route. De einddatum van de B1- en onderwijsroute ontvangt het CBS van DUO.",
      );
    }
  }
}

function p17(p: Persoon, out: Signalen): void {
  if (p.pips.length === 0) return;
  const intake = p.bredeIntakeBegindatum;
  if (intake === undefined) {
    const datums = p.pips.map((pip) => formatDatum(pip.datum)).join(", ");
    out.voeg(
      p.bsn,
      "P17",
      [15, 30],
      `${kenmerkWaarde(15, undefined)}; PIPDatum (30) = ${datums}`,
      "Er is een PIP geleverd, maar de begindatum van de brede intake ontbreekt.",
    );
    return;
  }
  for (const pip of p.pips) {
    if (pip.datum < intake)
      out.voeg(
        p.bsn,
        "P17",
        [15, 30],
        `${kenmerkWaarde(15, intake)}; ${kenmerkWaarde(30, pip.datum)}`,
        "Het PIP is gedateerd vóór de begindatum van de brede intake.",
      );
  }
}

/** P18 and P21: one row per date that occurs more than once. */
function dubbeleDatums(
  p: Persoon,
  datums: readonly Datum[],
  code: "P18" | "P21",
  k: 30 | 35,
  melding: string,
  out: Signalen,
): void {
  if (datums.length < 2) return;
  for (let i = 0; i < datums.length; i++) {
    const d = datums[i] as Datum;
    let eerder = false;
    for (let j = 0; j < i; j++) if (datums[j] === d) eerder = true;
    if (eerder) continue;
    let aantal = 1;
    for (let j = i + 1; j < datums.length; j++) if (datums[j] === d) aantal++;
    if (aantal > 1) out.voeg(p.bsn, code, [k], `${kenmerkWaarde(k, d)} (${aantal}×)`, melding);
  }
}

function p19(p: Persoon, out: Signalen): void {
  const uren = p.bredeIntakeUrenTaalKNM;
  if (uren !== undefined && uren > 600) {
    out.voeg(
      p.bsn,
      "P19",
      [16],
      kenmerkWaarde(16, uren),
      `Er zijn ${uren} uren taalles en KNM tussen de brede intake en het PIP geleverd; dat is meer dan 600.`,
    );
  }
}

function p20(p: Persoon, b: Basis, idx: EerdereIndex, e: number, out: Signalen): void {
  for (const g of p.voortgangsgesprekken) {
    if (g.datum > b.einde && g.datum <= b.ontvangen) {
      out.voeg(
        p.bsn,
        "P20",
        [35],
        kenmerkWaarde(35, g.datum),
        `Het voortgangsgesprek is gevoerd na de laatste dag van het kwartaal (${b.eindeTekst}) en hoort bij de levering over het volgende kwartaal.`,
        "na-kwartaal",
      );
    } else if (g.datum < b.begin && gesprekEerderGeleverd(idx, e, g.datum) < 0) {
      out.voeg(
        p.bsn,
        "P20",
        [35],
        kenmerkWaarde(35, g.datum),
        `Het voortgangsgesprek is gevoerd vóór het kwartaal (${b.kwartaalTekst}) en is niet eerder geleverd: nagekomen informatie, toegestaan volgens 3.3.6 van de richtlijnen.`,
        "nagekomen",
        "Geen actie nodig als de datum klopt.",
      );
    }
  }
}

function p22p23(p: Persoon, b: Basis, idx: EerdereIndex, e: number, out: Signalen): void {
  for (const bo of p.boetes) {
    const waarden = boeteWaarden(bo.datum, bo.reden, bo.bedrag);
    if (bo.datum > b.einde && bo.datum <= b.ontvangen) {
      out.voeg(
        p.bsn,
        "P22",
        [36],
        waarden,
        `De boete is opgelegd na de laatste dag van het kwartaal (${b.eindeTekst}) en hoort bij de levering over het volgende kwartaal.`,
        "na-kwartaal",
      );
    }
    const eerder = boeteEerderGeleverd(idx, e, bo.datum, bo.reden);
    // Same date as an earlier boete but another reden: Q05 (fout, "lever een correctie") is the
    // one finding; "nagekomen, geen actie nodig" or "nihilstelling without a boete" would contradict it.
    if (!eerder && boeteDatumEerderGeleverd(idx, e, bo.datum)) continue;
    if (bo.datum < b.begin && !eerder) {
      out.voeg(
        p.bsn,
        "P22",
        [36],
        waarden,
        `De boete is opgelegd vóór het kwartaal (${b.kwartaalTekst}) en is niet eerder geleverd (met deze datum en reden): nagekomen informatie, toegestaan volgens 3.3.6 van de richtlijnen.`,
        "nagekomen",
        "Geen actie nodig als de datum klopt.",
      );
    }
    if (bo.bedrag === 0 && !eerder) {
      out.voeg(
        p.bsn,
        "P23",
        [38],
        waarden,
        "Het boetebedrag is 0, maar er is geen eerder geleverde boete met dezelfde datum en reden. Een bedrag 0 (nihilstelling) corrigeert een eerder geleverde boete.",
      );
    }
  }
}

function p24(p: Persoon, idx: EerdereIndex, e: number, out: Signalen): void {
  let einde: Datum;
  let bron: string;
  let reden: number | undefined;
  if (p.eindeBegeleidingDatum !== undefined) {
    if (p.eindeBegeleidingReden !== 2) return;
    einde = p.eindeBegeleidingDatum;
    reden = 2;
    bron = "";
  } else {
    if (e < 0) return;
    const li = idx.laatsteLevering[e] as number;
    const vorig = idx.leveringen[li] as CompactePersonen;
    const i = idx.laatstePositie[e] as number;
    if (vorig.eindeReden[i] !== 2 || vorig.eindeDatum[i] === 0) return;
    einde = vorig.eindeDatum[i] as number;
    reden = 2;
    bron = ` (uit de levering over ${idx.labels[li]})`;
  }
  const eindeWaarden = `${kenmerkWaarde(28, reden)}; ${kenmerkWaarde(29, einde)}${bron}`;
  const melding = (wat: string): string =>
    `${wat} na het einde van de begeleiding (${formatDatum(einde)}, reden 2: niet meer inburgeringsplichtig)${bron}.`;
  for (const pip of p.pips) {
    if (pip.datum > einde)
      out.voeg(
        p.bsn,
        "P24",
        [28, 29, 30],
        `${eindeWaarden}; ${kenmerkWaarde(30, pip.datum)}`,
        melding("Het PIP is gedateerd"),
      );
  }
  for (const g of p.voortgangsgesprekken) {
    if (g.datum > einde)
      out.voeg(
        p.bsn,
        "P24",
        [28, 29, 35],
        `${eindeWaarden}; ${kenmerkWaarde(35, g.datum)}`,
        melding("Het voortgangsgesprek is gevoerd"),
      );
  }
  for (const bo of p.boetes) {
    if (bo.datum > einde)
      out.voeg(
        p.bsn,
        "P24",
        [28, 29, 36],
        `${eindeWaarden}; ${boeteWaarden(bo.datum, bo.reden, bo.bedrag)}`,
        melding("De boete is opgelegd"),
      );
  }
}

/** All P rules for one person of the current delivery. */
export function controleerPersoon(p: Persoon, b: Basis, idx: EerdereIndex, e: number, out: Signalen): void {
  if (!datumsBinnenGrenzen(p, b)) {
    datumRegel(TOEKOMST, p, b, out);
    datumRegel(NA_KWARTAAL, p, b, out);
    datumRegel(VOOR_WI2021, p, b, out);
    datumRegel(VOOR_GEBOORTE, p, b, out);
  }
  p05(p, b, out);
  if (isOnvolledig(p.geboortedatum)) {
    out.voeg(
      p.bsn,
      "P06",
      [9],
      kenmerkWaarde(9, p.geboortedatum),
      "De geboortedatum is onvolledig: de maand en/of de dag is onbekend (00).",
    );
  }
  p07(p, out);
  p08(p, out);
  volgorde(p, "P09", 13, 14, "Ontzorgen", out);
  p10(p, out);
  volgorde(p, "P11", 21, 22, "MAP", out);
  const vlaggen = pipVlaggen(p.pips) | (e >= 0 ? (idx.pipVlaggen[e] as number) : 0);
  p12(p, vlaggen, out);
  p13(p, vlaggen, out);
  p14(p, out);
  p15p16(p, out);
  p17(p, out);
  if (p.pips.length > 1) {
    dubbeleDatums(
      p,
      p.pips.map((pip) => pip.datum),
      "P18",
      30,
      "Twee of meer PIP's van deze persoon hebben dezelfde PIP-datum.",
      out,
    );
  }
  p19(p, out);
  p20(p, b, idx, e, out);
  if (p.voortgangsgesprekken.length > 1) {
    dubbeleDatums(
      p,
      p.voortgangsgesprekken.map((g) => g.datum),
      "P21",
      35,
      "Dezelfde datum van een voortgangsgesprek komt meer dan één keer voor bij deze persoon.",
      out,
    );
  }
  p22p23(p, b, idx, e, out);
  p24(p, idx, e, out);
}
