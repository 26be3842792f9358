/**
 * The statistische controle of a technically accepted delivery (controles.md): person rules
 * P01–P24, the comparison with earlier deliveries Q01–Q06, and the file-level signals F01–F04.
 * Findings never reject a file; they become the signaleringslijst.
 *
 * Cost: one pass to index the earlier deliveries by BSN, one pass over the current persons, one
 * pass over the previous quarter's persons (Q01), and one sort of the signals.
 */
import type { Datum, GeparsteLevering, StatistischeUitkomst } from "../types";
import { maakBasis } from "./basis";
import { bestandSignalen, bestandTelling, type BestandTelling } from "./bestand";
import { bouwEerdereIndex, eerdereOpVolgorde } from "./eerdere";
import { controleerTegenEerdere, verdwenenPersonen } from "./eerdere-regels";
import { controleerPersoon } from "./persoon";
import { Signalen, sorteerEnOntdubbel } from "./signalen";

export interface StatistischeContext {
  /** The day the file was received (jjjjmmdd). */
  received: Datum;
  /** The counts of `huidig` when the caller has them already (it stores them with the delivery). */
  telling?: BestandTelling;
}

/**
 * `eerdere`: the accepted deliveries of the same berichtgever and gemeente for earlier quarters
 * (any order; deliveries for the same or a later quarter than `huidig` are ignored). The latest of
 * them is "the previous quarter" for Q01–Q03 and F01/F03.
 */
export function statistischeControle(
  huidig: GeparsteLevering,
  eerdere: readonly GeparsteLevering[],
  ctx: StatistischeContext,
): StatistischeUitkomst {
  const basis = maakBasis(huidig.kop, ctx.received);
  const idx = bouwEerdereIndex(huidig, eerdere);
  const out = new Signalen();

  for (const p of huidig.personen) {
    const e = idx.perBsn.get(p.bsn);
    if (e !== undefined) e.gezien = true;
    controleerPersoon(p, basis, idx, e, out);
    controleerTegenEerdere(p, idx, e, out);
  }
  verdwenenPersonen(idx, out);

  const vorige = idx.vorige >= 0 ? idx.leveringen[idx.vorige] : undefined;
  const fileSignals = bestandSignalen(
    ctx.telling ?? bestandTelling(huidig),
    vorige ? bestandTelling(vorige) : undefined,
    vorige ? (idx.labels[idx.vorige] as string) : "",
    basis,
  );
  return { signals: sorteerEnOntdubbel(out.lijst), fileSignals };
}

/** The previous quarter's delivery as statistischeControle chooses it, for the spiegelrapport. */
export function vorigeLevering(
  huidig: GeparsteLevering,
  eerdere: readonly GeparsteLevering[],
): GeparsteLevering | undefined {
  const leveringen = eerdereOpVolgorde(huidig, eerdere);
  return leveringen[leveringen.length - 1];
}

export { AOW_LEEFTIJD, MINIMUM_LEEFTIJD } from "./basis";
