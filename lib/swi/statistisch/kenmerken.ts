/**
 * Kenmerken 8–38 of Tabel 1: the XML element name (what a civil servant sees in the file), the
 * Dutch name of the guidelines, and the meaning of each code, so a signal can show
 * "LeerrouteRoute (31) = 2 (onderwijsroute)" instead of a bare number.
 */
import { formatDatum } from "../datum";

export type KenmerkSoort = "bsn" | "datum" | "code" | "getal";
export type KenmerkNiveau = "persoon" | "pip" | "gesprek" | "boete";

export interface KenmerkInfo {
  nummer: number;
  element: string;
  naam: string;
  soort: KenmerkSoort;
  niveau: KenmerkNiveau;
  codes?: Readonly<Record<number, string>>;
}

const JA_NEE = { 1: "nee", 2: "ja" } as const;
const Z_NIVEAU = { 1: "lager dan A1", 2: "A1", 3: "A2 of hoger", 9: "onbekend" } as const;

const LIJST: KenmerkInfo[] = [
  { nummer: 8, element: "Burgerservicenummer", naam: "Burgerservicenummer", soort: "bsn", niveau: "persoon" },
  { nummer: 9, element: "Geboortedatum", naam: "Geboortedatum", soort: "datum", niveau: "persoon" },
  {
    nummer: 10,
    element: "Geslacht",
    naam: "Geslacht",
    soort: "code",
    niveau: "persoon",
    codes: { 1: "man", 2: "vrouw", 3: "onbekend" },
  },
  {
    nummer: 11,
    element: "TypeMigrant",
    naam: "Type migrant",
    soort: "code",
    niveau: "persoon",
    codes: { 1: "asielstatushouder", 2: "gezinsmigrant/overige migrant" },
  },
  {
    nummer: 12,
    element: "MaatschappelijkeBegeleidingBegindatum",
    naam: "Maatschappelijke begeleiding – begindatum",
    soort: "datum",
    niveau: "persoon",
  },
  { nummer: 13, element: "OntzorgenBegindatum", naam: "Ontzorgen – begindatum", soort: "datum", niveau: "persoon" },
  { nummer: 14, element: "OntzorgenEinddatum", naam: "Ontzorgen – einddatum", soort: "datum", niveau: "persoon" },
  {
    nummer: 15,
    element: "BredeIntakeBegindatum",
    naam: "Brede intake – begindatum",
    soort: "datum",
    niveau: "persoon",
  },
  {
    nummer: 16,
    element: "BredeIntakeUrenTaalKNM",
    naam: "Brede intake – gevolgde uren taalles en KNM",
    soort: "getal",
    niveau: "persoon",
  },
  {
    nummer: 17,
    element: "WaarschuwingNietVerschijnenIntakeDatum",
    naam: "Waarschuwing niet verschijnen bij intake – datum",
    soort: "datum",
    niveau: "persoon",
  },
  {
    nummer: 18,
    element: "Alfabetiseringscursus",
    naam: "Alfabetiseringscursus",
    soort: "code",
    niveau: "persoon",
    codes: JA_NEE,
  },
  {
    nummer: 19,
    element: "Analfabetisme",
    naam: "Analfabetisme",
    soort: "code",
    niveau: "persoon",
    codes: { 1: "analfabeet", 2: "anders-gealfabetiseerd" },
  },
  {
    nummer: 20,
    element: "PVTOndertekeningsdatum",
    naam: "PVT – ondertekeningsdatum",
    soort: "datum",
    niveau: "persoon",
  },
  {
    nummer: 21,
    element: "MAPDatumEersteActiviteit",
    naam: "MAP – datum eerste activiteit",
    soort: "datum",
    niveau: "persoon",
  },
  { nummer: 22, element: "MAPDatumEindgesprek", naam: "MAP – datum eindgesprek", soort: "datum", niveau: "persoon" },
  {
    nummer: 23,
    element: "ZRouteInschattingTaalniveau",
    naam: "Z-route – inschatting taalniveau",
    soort: "code",
    niveau: "persoon",
    codes: JA_NEE,
  },
  { nummer: 24, element: "ZRouteLezen", naam: "Z-route – lezen", soort: "code", niveau: "persoon", codes: Z_NIVEAU },
  {
    nummer: 25,
    element: "ZRouteSchrijven",
    naam: "Z-route – schrijven",
    soort: "code",
    niveau: "persoon",
    codes: Z_NIVEAU,
  },
  {
    nummer: 26,
    element: "ZRouteSpreken",
    naam: "Z-route – spreken",
    soort: "code",
    niveau: "persoon",
    codes: Z_NIVEAU,
  },
  {
    nummer: 27,
    element: "ZRouteLuisteren",
    naam: "Z-route – luisteren",
    soort: "code",
    niveau: "persoon",
    codes: Z_NIVEAU,
  },
  {
    nummer: 28,
    element: "EindeBegeleidingReden",
    naam: "Einde begeleiding gemeente – reden",
    soort: "code",
    niveau: "persoon",
    codes: { 1: "verhuizing naar een andere gemeente", 2: "niet meer inburgeringsplichtig" },
  },
  {
    nummer: 29,
    element: "EindeBegeleidingDatum",
    naam: "Einde begeleiding gemeente – datum",
    soort: "datum",
    niveau: "persoon",
  },
  { nummer: 30, element: "PIPDatum", naam: "PIP – datum", soort: "datum", niveau: "pip" },
  {
    nummer: 31,
    element: "LeerrouteRoute",
    naam: "Leerroute – route",
    soort: "code",
    niveau: "pip",
    codes: { 1: "B1-route", 2: "onderwijsroute", 3: "Z-route" },
  },
  {
    nummer: 32,
    element: "LeerrouteNiveau",
    naam: "Leerroute – niveau",
    soort: "code",
    niveau: "pip",
    codes: { 1: "B1", 2: "A2" },
  },
  { nummer: 33, element: "LeerrouteBegindatum", naam: "Leerroute – begindatum", soort: "datum", niveau: "pip" },
  { nummer: 34, element: "LeerrouteEinddatum", naam: "Leerroute – einddatum", soort: "datum", niveau: "pip" },
  {
    nummer: 35,
    element: "VoortgangsgesprekDatum",
    naam: "Voortgangsgesprek – datum",
    soort: "datum",
    niveau: "gesprek",
  },
  { nummer: 36, element: "BoeteDatum", naam: "Boete – datum", soort: "datum", niveau: "boete" },
  {
    nummer: 37,
    element: "BoeteReden",
    naam: "Boete – reden",
    soort: "code",
    niveau: "boete",
    codes: { 1: "niet verschijnen brede intake en meewerkplicht", 2: "tijdens het inburgeringstraject" },
  },
  { nummer: 38, element: "BoeteBedrag", naam: "Boete – hoogte bedrag", soort: "getal", niveau: "boete" },
];

const PER_NUMMER = new Map<number, KenmerkInfo>(LIJST.map((k) => [k.nummer, k]));

export const KENMERKEN: readonly KenmerkInfo[] = LIJST;

export function kenmerk(nummer: number): KenmerkInfo {
  const k = PER_NUMMER.get(nummer);
  if (!k) throw new Error(`onbekend kenmerk ${nummer}`);
  return k;
}

/** The value alone, readable: a date as dd-mm-jjjj, a code with its meaning, absent as "leeg". */
export function waardeTekst(nummer: number, waarde: number | string | undefined): string {
  if (waarde === undefined) return "leeg";
  const k = kenmerk(nummer);
  if (k.soort === "datum" && typeof waarde === "number") return formatDatum(waarde);
  if (k.soort === "code" && typeof waarde === "number") {
    const betekenis = k.codes?.[waarde];
    return betekenis ? `${waarde} (${betekenis})` : String(waarde);
  }
  return String(waarde);
}

/** "OntzorgenBegindatum (13) = 10-01-2026". */
export function kenmerkWaarde(nummer: number, waarde: number | string | undefined): string {
  return `${kenmerk(nummer).element} (${nummer}) = ${waardeTekst(nummer, waarde)}`;
}

/** "12–15, 17, 20–22": a sorted list with runs of three or more shortened. */
export function kenmerkenTekst(nummers: readonly number[]): string {
  const delen: string[] = [];
  let i = 0;
  while (i < nummers.length) {
    let j = i;
    while (j + 1 < nummers.length && nummers[j + 1] === (nummers[j] as number) + 1) j++;
    if (j - i >= 2) delen.push(`${nummers[i]}–${nummers[j]}`);
    else for (let x = i; x <= j; x++) delen.push(String(nummers[x]));
    i = j + 1;
  }
  return delen.join(", ");
}
