/**
 * format.ts compiled into what the streaming validator needs per element: parent, position in
 * the parent's sequence, value kind and allowed codes as a Map. Every element name occurs once
 * in the format, so a name alone identifies its definition — also when it turns up in the
 * wrong place, which lets the validator keep checking a misplaced subtree.
 */
import { kenmerkLabel, SWI_FORMAAT, type CodeWaarde, type Doel, type FormaatElement } from "../format";

export const SOORT_GROEP = 0;
export const SOORT_DATUM = 1;
export const SOORT_GEBOORTEDATUM = 2;
export const SOORT_CODE = 3;
export const SOORT_CIJFERS = 4;
export const SOORT_BSN = 5;
export const SOORT_TEKST = 6;
export const SOORT_VAST = 7;

/** types.ts fields that hold text; every other value is a number. */
const TEKSTVELDEN = new Set(["bsn", "naamSoftwarepakket", "versieSoftwarepakket", "berichtgevercode", "gemeentecode"]);

export interface Knoop {
  naam: string;
  soort: number;
  ouder: Knoop | null;
  /** Position in the parent's xs:sequence. */
  index: number;
  kinderen: Knoop[];
  /** Children with minOccurs 1. */
  verplicht: Knoop[];
  min: number;
  max: number;
  /** 0 for a group. */
  kenmerk: number;
  veld: string;
  /** Leaf: the object its value goes into. Group: the object an occurrence becomes. */
  doel: Doel | null;
  lijst: "pips" | "voortgangsgesprekken" | "boetes" | null;
  codes: Map<string, string | number> | null;
  /**
   * For a numeric code list of one-character codes: value per byte (-1 for none), so the byte
   * scanner can read the value without making a string.
   */
  codeVanByte: Int16Array | null;
  codeWaarden: readonly CodeWaarde[];
  minLengte: number;
  maxLengte: number;
  vast: string;
  /** "<Geslacht> (kenmerk 10)" or "<Persoon>": for messages about structure. */
  element: string;
  /** "Geslacht (kenmerk 10)": for messages about a value. */
  label: string;
}

function compileer(el: FormaatElement, ouder: Knoop | null, index: number, alle: Map<string, Knoop>): Knoop {
  const knoop: Knoop = {
    naam: el.naam,
    soort: SOORT_GROEP,
    ouder,
    index,
    kinderen: [],
    verplicht: [],
    min: el.minOccurs,
    max: el.maxOccurs,
    kenmerk: 0,
    veld: "",
    doel: null,
    lijst: null,
    codes: null,
    codeVanByte: null,
    codeWaarden: [],
    minLengte: 0,
    maxLengte: 0,
    vast: "",
    element: `<${el.naam}>`,
    label: `<${el.naam}>`,
  };
  if (alle.has(el.naam)) throw new Error(`Elementnaam ${el.naam} komt twee keer voor in format.ts`);
  alle.set(el.naam, knoop);
  if (el.soort === "groep") {
    knoop.doel = el.maakt ?? null;
    knoop.lijst = el.lijst ?? null;
    el.kinderen.forEach((kind, i) => knoop.kinderen.push(compileer(kind, knoop, i, alle)));
    knoop.verplicht = knoop.kinderen.filter((k) => k.min > 0);
    return knoop;
  }
  knoop.kenmerk = el.kenmerk;
  knoop.veld = el.veld;
  knoop.doel = el.doel;
  knoop.element = `<${el.naam}> (kenmerk ${el.kenmerk})`;
  knoop.label = kenmerkLabel(el.kenmerk);
  const alsTekst = TEKSTVELDEN.has(el.veld);
  const t = el.type;
  switch (t.soort) {
    case "datum":
      knoop.soort = t.onbekendToegestaan ? SOORT_GEBOORTEDATUM : SOORT_DATUM;
      break;
    case "code":
      knoop.soort = SOORT_CODE;
      knoop.codeWaarden = t.waarden;
      knoop.codes = new Map(t.waarden.map((w) => [w.code, alsTekst ? w.code : Number(w.code)]));
      if (!alsTekst && t.waarden.every((w) => w.code.length === 1)) {
        knoop.codeVanByte = new Int16Array(256).fill(-1);
        for (const w of t.waarden) knoop.codeVanByte[w.code.charCodeAt(0)] = Number(w.code);
      }
      break;
    case "cijfers":
      knoop.soort = el.veld === "bsn" ? SOORT_BSN : SOORT_CIJFERS;
      knoop.minLengte = t.minLengte;
      knoop.maxLengte = t.maxLengte;
      break;
    case "tekst":
      knoop.soort = SOORT_TEKST;
      knoop.minLengte = t.minLengte;
      knoop.maxLengte = t.maxLengte;
      break;
    case "vast":
      knoop.soort = SOORT_VAST;
      knoop.vast = t.waarde;
      break;
  }
  return knoop;
}

const ALLE = new Map<string, Knoop>();
export const WORTEL: Knoop = compileer(SWI_FORMAAT, null, 0, ALLE);
export const KNOPEN: ReadonlyMap<string, Knoop> = ALLE;

/** Whether a field of types.ts holds text rather than a number. */
export function isTekstveld(veld: string): boolean {
  return TEKSTVELDEN.has(veld);
}

/** The deepest nesting of groups (for preallocating the validator's stack). */
export function maxDiepte(knoop: Knoop = WORTEL): number {
  return knoop.soort === SOORT_GROEP ? 1 + Math.max(0, ...knoop.kinderen.map((k) => maxDiepte(k))) : 0;
}
