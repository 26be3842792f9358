/**
 * An earlier delivery as the checks of a later one need it: its header, its counts for the
 * spiegelrapport and F01/F03, and its persons packed into typed arrays (statistisch/eerdere.ts).
 *
 * Why: a parsed national delivery is ~150 MB of Persoon objects. Kept whole beside the current
 * one, `swi validate --previous` peaked well above 256 MB; summarised as soon as it is read, the
 * objects can go and the summary costs ~12 MB. The outcome of every check is the same either way.
 */
import { telRijen } from "./spiegelrapport";
import { vulgraad, type Vulgraad } from "./statistisch/bestand";
import { compacteer, type CompactePersonen } from "./statistisch/eerdere";
import type { GeparsteLevering, LeveringKop } from "./types";

export interface EerdereLevering {
  fileName: string;
  kop: LeveringKop;
  aantalPersonen: number;
  compact: CompactePersonen;
  /** The spiegelrapport's counts per row. */
  tellingen: Float64Array;
  vulgraad: Vulgraad;
}

/** What callers may give as an earlier delivery: parsed, or already summarised. */
export type Eerder = GeparsteLevering | EerdereLevering;

export function isSamengevat(l: Eerder): l is EerdereLevering {
  return "compact" in l;
}

export function vatSamen(l: Eerder): EerdereLevering {
  if (isSamengevat(l)) return l;
  return {
    fileName: l.fileName,
    kop: l.kop,
    aantalPersonen: l.personen.length,
    compact: compacteer(l.personen),
    tellingen: telRijen(l),
    vulgraad: vulgraad(l),
  };
}
