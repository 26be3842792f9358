/**
 * The statistische controle of a technically accepted delivery (controles.md): person rules
 * P01–P24, the comparison with earlier deliveries Q01–Q06, and the file-level signals F01–F04.
 * Findings never reject a file; they become the signaleringslijst.
 *
 * Cost: one pass to index the earlier deliveries by BSN, one pass over the current persons, one
 * pass over the previous quarter's persons (Q01), and one sort of the signals.
 */
import { vatSamen, type Eerder } from "../eerdere-levering";
import type { Datum, GeparsteLevering, LeveringKop, StatistischeUitkomst } from "../types";
import { maakBasis } from "./basis";
import { bestandSignalen, bestandTelling, type BestandTelling } from "./bestand";
import { bouwEerdereIndex, eerdereOpVolgorde, zoekEerder } from "./eerdere";
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
 * them is "the previous quarter" for Q01–Q03 and F01/F03. Parsed deliveries are summarised here
 * (vatSamen); a caller that keeps them for long should summarise them itself and drop the parse.
 */
export function statistischeControle(
  huidig: GeparsteLevering,
  eerdere: readonly Eerder[],
  ctx: StatistischeContext,
): StatistischeUitkomst {
  const basis = maakBasis(huidig.kop, ctx.received);
  const samengevat = eerdereOpVolgorde(huidig, eerdere).map(vatSamen);
  const idx = bouwEerdereIndex(huidig, samengevat);
  const out = new Signalen();

  for (const p of huidig.personen) {
    const e = zoekEerder(idx, p.bsn);
    if (e >= 0) idx.gezien[e] = 1;
    controleerPersoon(p, basis, idx, e, out);
    controleerTegenEerdere(p, idx, e, out);
  }
  verdwenenPersonen(idx, out);

  const vorige = samengevat[samengevat.length - 1];
  const fileSignals = bestandSignalen(
    ctx.telling ?? bestandTelling(huidig),
    vorige
      ? { personen: vorige.aantalPersonen, toepasselijk: vorige.vulgraad.toepasselijk, gevuld: vorige.vulgraad.gevuld }
      : undefined,
    vorige ? (idx.labels[idx.vorige] as string) : "",
    basis,
  );
  return { signals: sorteerEnOntdubbel(out.lijst), fileSignals };
}

/** The previous quarter's delivery as statistischeControle chooses it, for the spiegelrapport. */
export function vorigeLevering<T extends { kop: LeveringKop }>(
  huidig: { kop: LeveringKop },
  eerdere: readonly T[],
): T | undefined {
  const leveringen = eerdereOpVolgorde(huidig, eerdere);
  return leveringen[leveringen.length - 1];
}

export { AOW_LEEFTIJD, MINIMUM_LEEFTIJD } from "./basis";
