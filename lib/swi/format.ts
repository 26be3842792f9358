/**
 * The SWI 2026 delivery file contract (aanleverformaat.md) as data: the one source of truth
 * for the streaming validator, the hand-written XSD (a test keeps them equal), the generated
 * docs/aanleverformaat.md, and the kenmerk names every message uses.
 */
import type { Boete, LeveringKop, Persoon, Pip, Voortgangsgesprek } from "./types";

/** One allowed value of a code list, with its Dutch meaning from Tabel 2 of the guidelines. */
export interface CodeWaarde {
  readonly code: string;
  readonly label: string;
}

/** The value types of section 3.2 of the guidelines. */
export type Waardetype =
  /** [jjjjmmdd]: eight digits forming a real calendar date; Geboortedatum may hold 00 for month/day. */
  | { readonly soort: "datum"; readonly onbekendToegestaan: boolean }
  /** A code from a fixed list. */
  | { readonly soort: "code"; readonly waarden: readonly CodeWaarde[] }
  /** Digits only, minLengte..maxLengte of them ([jjjj], [1234], [123456789]). */
  | { readonly soort: "cijfers"; readonly minLengte: number; readonly maxLengte: number; readonly notatie: string }
  /** Text of the characters of section 3.2.3, minLengte..maxLengte of them. */
  | { readonly soort: "tekst"; readonly minLengte: number; readonly maxLengte: number; readonly notatie: string }
  /** Exactly this value (Statistiekcode 40). */
  | { readonly soort: "vast"; readonly waarde: string; readonly label: string };

/** The objects of types.ts that leaf elements fill. */
interface Doelen {
  kop: LeveringKop;
  persoon: Persoon;
  pip: Pip;
  gesprek: Voortgangsgesprek;
  boete: Boete;
}
export type Doel = keyof Doelen;
type VeldVan<D extends Doel> = Exclude<keyof Doelen[D], "line" | "pips" | "voortgangsgesprekken" | "boetes"> & string;

/** An element holding one value (one kenmerk). */
export type BladElement = { [D in Doel]: BladElementVoor<D> }[Doel];
interface BladElementVoor<D extends Doel> {
  readonly soort: "blad";
  readonly naam: string;
  readonly kenmerk: number;
  readonly type: Waardetype;
  readonly minOccurs: 0 | 1;
  readonly maxOccurs: 1;
  /** The object the value goes into, and its field in types.ts. */
  readonly doel: D;
  readonly veld: VeldVan<D>;
}

/** An element holding other elements, in this order (xs:sequence). */
export interface GroepElement {
  readonly soort: "groep";
  readonly naam: string;
  readonly minOccurs: number;
  /** Infinity for unbounded. */
  readonly maxOccurs: number;
  readonly kinderen: readonly FormaatElement[];
  /** The types.ts object one occurrence of this element becomes, if any. */
  readonly maakt?: Doel;
  /** The Persoon list an occurrence is appended to (PIP, Voortgangsgesprek, Boete). */
  readonly lijst?: "pips" | "voortgangsgesprekken" | "boetes";
}

export type FormaatElement = BladElement | GroepElement;

/** The characters section 3.2.3 of the guidelines allows in text values (no space, no diacritics). */
export const TOEGESTANE_TEKENS =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}";

/** Kenmerk number → Dutch name, as in Tabel 1 of the guidelines. */
export const KENMERK_NAMEN: Readonly<Record<number, string>> = {
  1: "Statistiekjaar",
  2: "Statistiekkwartaal",
  3: "Statistiekcode",
  4: "Naam softwarepakket",
  5: "Release/versienummer softwarepakket",
  6: "Berichtgevercode",
  7: "Gemeentecode",
  8: "Burgerservicenummer",
  9: "Geboortedatum",
  10: "Geslacht",
  11: "Type migrant",
  12: "Maatschappelijke begeleiding – begindatum",
  13: "Ontzorgen – begindatum",
  14: "Ontzorgen – einddatum",
  15: "Brede intake – begindatum",
  16: "Brede intake – gevolgde uren taalles en KNM",
  17: "Waarschuwing niet verschijnen bij intake – datum",
  18: "Alfabetiseringscursus",
  19: "Analfabetisme",
  20: "PVT – ondertekeningsdatum",
  21: "MAP – datum eerste activiteit",
  22: "MAP – datum eindgesprek",
  23: "Z-route – inschatting taalniveau",
  24: "Z-route – lezen",
  25: "Z-route – schrijven",
  26: "Z-route – spreken",
  27: "Z-route – luisteren",
  28: "Einde begeleiding gemeente – reden",
  29: "Einde begeleiding gemeente – datum",
  30: "PIP – datum",
  31: "Leerroute – route",
  32: "Leerroute – niveau",
  33: "Leerroute – begindatum",
  34: "Leerroute – einddatum",
  35: "Voortgangsgesprek – datum",
  36: "Boete – datum",
  37: "Boete – reden",
  38: "Boete – hoogte bedrag",
};

/** "Geslacht" for 10. */
export function kenmerkNaam(kenmerk: number): string {
  const naam = KENMERK_NAMEN[kenmerk];
  if (naam === undefined) throw new Error(`Onbekend kenmerk ${kenmerk}`);
  return naam;
}

/** "Geslacht (kenmerk 10)": how every message names a kenmerk. */
export function kenmerkLabel(kenmerk: number): string {
  return `${kenmerkNaam(kenmerk)} (kenmerk ${kenmerk})`;
}

const DATUM: Waardetype = { soort: "datum", onbekendToegestaan: false };
const JA_NEE: readonly CodeWaarde[] = [
  { code: "1", label: "nee" },
  { code: "2", label: "ja" },
];
const TAALNIVEAU: readonly CodeWaarde[] = [
  { code: "1", label: "lager dan A1" },
  { code: "2", label: "A1" },
  { code: "3", label: "A2 of hoger" },
  { code: "9", label: "onbekend" },
];
const code = (...waarden: [string, string][]): Waardetype => ({
  soort: "code",
  waarden: waarden.map(([c, label]) => ({ code: c, label })),
});
const codes = (waarden: readonly CodeWaarde[]): Waardetype => ({ soort: "code", waarden });

function blad<D extends Doel>(
  doel: D,
  naam: string,
  kenmerk: number,
  veld: VeldVan<D>,
  type: Waardetype,
  minOccurs: 0 | 1,
): BladElement {
  return { soort: "blad", naam, kenmerk, type, minOccurs, maxOccurs: 1, doel, veld } as BladElement;
}

const kop = (naam: string, k: number, veld: VeldVan<"kop">, type: Waardetype) => blad("kop", naam, k, veld, type, 1);
const persoon = (naam: string, k: number, veld: VeldVan<"persoon">, type: Waardetype, min: 0 | 1 = 0) =>
  blad("persoon", naam, k, veld, type, min);

/** The whole file: SWILevering and everything in it, in document order. */
export const SWI_FORMAAT: GroepElement = {
  soort: "groep",
  naam: "SWILevering",
  minOccurs: 1,
  maxOccurs: 1,
  kinderen: [
    {
      soort: "groep",
      naam: "Levering",
      minOccurs: 1,
      maxOccurs: 1,
      maakt: "kop",
      kinderen: [
        kop("Statistiekjaar", 1, "statistiekjaar", { soort: "cijfers", minLengte: 4, maxLengte: 4, notatie: "[jjjj]" }),
        kop(
          "Statistiekkwartaal",
          2,
          "statistiekkwartaal",
          code(
            ["1", "kwartaal 1 (januari, februari, maart)"],
            ["2", "kwartaal 2 (april, mei, juni)"],
            ["3", "kwartaal 3 (juli, augustus, september)"],
            ["4", "kwartaal 4 (oktober, november, december)"],
          ),
        ),
        kop("Statistiekcode", 3, "statistiekcode", {
          soort: "vast",
          waarde: "40",
          label: "Statistiek Wet Inburgering",
        }),
        kop(
          "NaamSoftwarepakket",
          4,
          "naamSoftwarepakket",
          code(
            ["sam", "CiVision Samenlevingszaken (PinkRoccade)"],
            ["cys", "Competensys"],
            ["zna", "CVS Wet Inburgering ZorgNed Automatisering (ZorgNed)"],
            ["inf", "Inforing"],
            ["mct", "Mens Centraal"],
            ["mob", "Metaobjects"],
            ["moz", "Mozard"],
            ["rmw", "RMW RAAK"],
            ["ssd", "Suites voor het Sociaal Domein (Centric)"],
            ["wiz", "WIZportaal (Solviteers)"],
            ["xws", "X-Works (Blinqt)"],
            ["yar", "Yara"],
            ["and", "ander pakket"],
          ),
        ),
        kop("VersieSoftwarepakket", 5, "versieSoftwarepakket", {
          soort: "tekst",
          minLengte: 1,
          maxLengte: 12,
          notatie: "[abcdefghijkl]",
        }),
        kop("Berichtgevercode", 6, "berichtgevercode", {
          soort: "cijfers",
          minLengte: 4,
          maxLengte: 4,
          notatie: "[1234]",
        }),
        kop("Gemeentecode", 7, "gemeentecode", { soort: "cijfers", minLengte: 4, maxLengte: 4, notatie: "[1234]" }),
      ],
    },
    {
      soort: "groep",
      naam: "Personen",
      minOccurs: 1,
      maxOccurs: 1,
      kinderen: [
        {
          soort: "groep",
          naam: "Persoon",
          minOccurs: 0,
          maxOccurs: Infinity,
          maakt: "persoon",
          kinderen: [
            persoon(
              "Burgerservicenummer",
              8,
              "bsn",
              { soort: "cijfers", minLengte: 9, maxLengte: 9, notatie: "[123456789]" },
              1,
            ),
            persoon("Geboortedatum", 9, "geboortedatum", { soort: "datum", onbekendToegestaan: true }, 1),
            persoon("Geslacht", 10, "geslacht", code(["1", "man"], ["2", "vrouw"], ["3", "onbekend"]), 1),
            persoon(
              "TypeMigrant",
              11,
              "typeMigrant",
              code(["1", "asielmigrant"], ["2", "gezinsmigrant/overige migrant"]),
              1,
            ),
            persoon("MaatschappelijkeBegeleidingBegindatum", 12, "maatschappelijkeBegeleidingBegindatum", DATUM),
            persoon("OntzorgenBegindatum", 13, "ontzorgenBegindatum", DATUM),
            persoon("OntzorgenEinddatum", 14, "ontzorgenEinddatum", DATUM),
            persoon("BredeIntakeBegindatum", 15, "bredeIntakeBegindatum", DATUM),
            persoon("BredeIntakeUrenTaalKNM", 16, "bredeIntakeUrenTaalKNM", {
              soort: "cijfers",
              minLengte: 1,
              maxLengte: 4,
              notatie: "[1234]",
            }),
            persoon("WaarschuwingNietVerschijnenIntakeDatum", 17, "waarschuwingNietVerschijnenIntakeDatum", DATUM),
            persoon("Alfabetiseringscursus", 18, "alfabetiseringscursus", codes(JA_NEE)),
            persoon("Analfabetisme", 19, "analfabetisme", code(["1", "analfabeet"], ["2", "anders-gealfabetiseerd"])),
            persoon("PVTOndertekeningsdatum", 20, "pvtOndertekeningsdatum", DATUM),
            persoon("MAPDatumEersteActiviteit", 21, "mapDatumEersteActiviteit", DATUM),
            persoon("MAPDatumEindgesprek", 22, "mapDatumEindgesprek", DATUM),
            persoon("ZRouteInschattingTaalniveau", 23, "zRouteInschattingTaalniveau", codes(JA_NEE)),
            persoon("ZRouteLezen", 24, "zRouteLezen", codes(TAALNIVEAU)),
            persoon("ZRouteSchrijven", 25, "zRouteSchrijven", codes(TAALNIVEAU)),
            persoon("ZRouteSpreken", 26, "zRouteSpreken", codes(TAALNIVEAU)),
            persoon("ZRouteLuisteren", 27, "zRouteLuisteren", codes(TAALNIVEAU)),
            persoon(
              "EindeBegeleidingReden",
              28,
              "eindeBegeleidingReden",
              code(["1", "verhuizing binnen Nederland naar andere gemeente"], ["2", "niet meer inburgeringsplichtig"]),
            ),
            persoon("EindeBegeleidingDatum", 29, "eindeBegeleidingDatum", DATUM),
            {
              soort: "groep",
              naam: "PIP",
              minOccurs: 0,
              maxOccurs: Infinity,
              maakt: "pip",
              lijst: "pips",
              kinderen: [
                blad("pip", "PIPDatum", 30, "datum", DATUM, 1),
                blad(
                  "pip",
                  "LeerrouteRoute",
                  31,
                  "route",
                  code(["1", "B1-route"], ["2", "onderwijsroute"], ["3", "Z-route"]),
                  1,
                ),
                blad("pip", "LeerrouteNiveau", 32, "niveau", code(["1", "B1"], ["2", "A2"]), 0),
                blad("pip", "LeerrouteBegindatum", 33, "begindatum", DATUM, 0),
                blad("pip", "LeerrouteEinddatum", 34, "einddatum", DATUM, 0),
              ],
            },
            {
              soort: "groep",
              naam: "Voortgangsgesprek",
              minOccurs: 0,
              maxOccurs: 5,
              maakt: "gesprek",
              lijst: "voortgangsgesprekken",
              kinderen: [blad("gesprek", "VoortgangsgesprekDatum", 35, "datum", DATUM, 1)],
            },
            {
              soort: "groep",
              naam: "Boete",
              minOccurs: 0,
              maxOccurs: Infinity,
              maakt: "boete",
              lijst: "boetes",
              kinderen: [
                blad("boete", "BoeteDatum", 36, "datum", DATUM, 1),
                blad(
                  "boete",
                  "BoeteReden",
                  37,
                  "reden",
                  code(
                    [
                      "1",
                      "boete niet verschijnen brede intake en meewerkplicht (artikel 22, lid 1 of lid 3 Wet inburgering)",
                    ],
                    ["2", "boete tijdens het inburgeringstraject (artikel 23, lid 1 Wet inburgering)"],
                  ),
                  1,
                ),
                blad(
                  "boete",
                  "BoeteBedrag",
                  38,
                  "bedrag",
                  { soort: "cijfers", minLengte: 1, maxLengte: 4, notatie: "[1234]" },
                  1,
                ),
              ],
            },
          ],
        },
      ],
    },
  ],
};

export interface ElementPlek {
  element: FormaatElement;
  ouder: GroepElement | null;
  diepte: number;
}

/** Every element of the format in document order, with its parent. */
export function alleElementen(): ElementPlek[] {
  const uit: ElementPlek[] = [];
  const loop = (element: FormaatElement, ouder: GroepElement | null, diepte: number) => {
    uit.push({ element, ouder, diepte });
    if (element.soort === "groep") for (const kind of element.kinderen) loop(kind, element, diepte + 1);
  };
  loop(SWI_FORMAAT, null, 0);
  return uit;
}

/** All leaf elements, in document order (kenmerk 1 to 38). */
export function alleBladen(): BladElement[] {
  return alleElementen().flatMap((p) => (p.element.soort === "blad" ? [p.element] : []));
}

/** The element of a kenmerk. */
export function elementVanKenmerk(kenmerk: number): BladElement {
  const el = alleBladen().find((b) => b.kenmerk === kenmerk);
  if (!el) throw new Error(`Geen element voor kenmerk ${kenmerk}`);
  return el;
}

/** The Dutch meaning of a code of a kenmerk ("vrouw" for kenmerk 10, code 2), or undefined. */
export function codeLabel(kenmerk: number, waarde: string | number): string | undefined {
  const type = elementVanKenmerk(kenmerk).type;
  if (type.soort === "vast") return String(waarde) === type.waarde ? type.label : undefined;
  if (type.soort !== "code") return undefined;
  return type.waarden.find((w) => w.code === String(waarde))?.label;
}

/** "1 (man), 2 (vrouw) en 3 (onbekend)". */
export function toegestaneCodes(waarden: readonly CodeWaarde[]): string {
  const delen = waarden.map((w) => `${w.code} (${w.label})`);
  return delen.length <= 1 ? delen.join("") : `${delen.slice(0, -1).join(", ")} en ${delen[delen.length - 1]}`;
}
