/**
 * The whole check of one uploaded file: intake and technische controle per delivery, then for an
 * accepted delivery the statistische controle against the earlier deliveries of the same
 * berichtgever and gemeente, and the spiegelrapport. Used by the portal, the API and the CLI.
 */
import { vatSamen, type Eerder } from "./eerdere-levering";
import { leesAanlevering } from "./intake";
import { maakSpiegelrapport, type Spiegelrapport } from "./spiegelrapport";
import { statistischeControle, vorigeLevering } from "./statistisch";
import { bestandTelling, tellingOpslaan, type OpgeslagenTelling } from "./statistisch/bestand";
import type { BestandSignaal, ControleContext, LeveringKop, Signaal, TechnischeFout } from "./types";

/** The outcome for one delivery (one XML; a zip gives one per member). */
export interface LeveringResultaat {
  file: string;
  accepted: boolean;
  /** Technical failures, capped (see errorCount); empty when accepted. */
  errors: TechnischeFout[];
  errorCount: number;
  /** Person-level signals (the signaleringslijst); empty when rejected. */
  signals: Signaal[];
  fileSignals: BestandSignaal[];
  /** Null when rejected. */
  spiegelrapport: Spiegelrapport | null;
  /** What the next quarter's F01/F03 compare with, stored with the delivery; null when rejected. */
  telling: OpgeslagenTelling | null;
  /** The header as read; partial or null when the file could not be read that far. */
  kop: Partial<LeveringKop> | null;
  aantalPersonen: number;
}

/**
 * The accepted deliveries the caller has for this berichtgever and gemeente. May return more than
 * needed: only earlier quarters of the same berichtgever and gemeente are used.
 */
export type EerdereLeveringen = (kop: LeveringKop) => Promise<Eerder[]> | Eerder[];

export function kwartaalIndex(kop: Pick<LeveringKop, "statistiekjaar" | "statistiekkwartaal">): number {
  return kop.statistiekjaar * 4 + (kop.statistiekkwartaal - 1);
}

/**
 * The earlier deliveries that count for `kop`, oldest first; of two for the same quarter the later
 * one in the list wins (a re-delivery replaces the earlier one).
 */
export function eerdereVan<T extends { kop: LeveringKop }>(kop: LeveringKop, kandidaten: readonly T[]): T[] {
  const huidig = kwartaalIndex(kop);
  const perKwartaal = new Map<number, T>();
  for (const l of kandidaten) {
    if (l.kop.berichtgevercode !== kop.berichtgevercode || l.kop.gemeentecode !== kop.gemeentecode) continue;
    const index = kwartaalIndex(l.kop);
    if (index < huidig) perKwartaal.set(index, l);
  }
  return [...perKwartaal.entries()].sort(([a], [b]) => a - b).map(([, l]) => l);
}

export async function controleerAanlevering(
  bestand: { naam: string; pad: string },
  ctx: ControleContext,
  eerdereVoor: EerdereLeveringen,
): Promise<LeveringResultaat[]> {
  const resultaten: LeveringResultaat[] = [];
  for await (const uitkomst of leesAanlevering(bestand, ctx)) {
    const basis = {
      file: uitkomst.fileName,
      errors: uitkomst.errors,
      errorCount: uitkomst.errorCount,
      kop: uitkomst.kop ?? null,
      aantalPersonen: uitkomst.aantalPersonen,
    };
    const huidig = uitkomst.levering;
    if (!uitkomst.accepted || !huidig) {
      resultaten.push({ ...basis, accepted: false, signals: [], fileSignals: [], spiegelrapport: null, telling: null });
      continue;
    }
    // Summarised once for the statistische controle and the spiegelrapport both.
    const eerdere = eerdereVan(huidig.kop, await eerdereVoor(huidig.kop)).map(vatSamen);
    const vorige = vorigeLevering(huidig, eerdere);
    const telling = bestandTelling(huidig);
    const statistisch = statistischeControle(huidig, eerdere, { received: ctx.received, telling });
    resultaten.push({
      ...basis,
      kop: huidig.kop,
      accepted: true,
      signals: statistisch.signals,
      fileSignals: statistisch.fileSignals,
      spiegelrapport: maakSpiegelrapport(huidig, vorige, statistisch),
      telling: tellingOpslaan(telling),
    });
    // The parsed delivery (the bulk of the memory) is not kept: a zip may hold many gemeenten.
  }
  return resultaten;
}
