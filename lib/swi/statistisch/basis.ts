/**
 * What every rule of one run needs to know about the delivery's period, computed once.
 */
import {
  aanleverperiodeEinde,
  formatDatum,
  formatKwartaal,
  kwartaalBegin,
  kwartaalEinde,
  type Kwartaalnummer,
} from "../datum";
import type { Datum, LeveringKop } from "../types";

/**
 * AOW age in whole years. controles.md fixes it at 67 for 2026; it is also 67 in 2024–2027.
 * Other years (66 + months before 2024, 67 + 3 months from 2028) are not modelled: the checks run
 * on current deliveries.
 */
export const AOW_LEEFTIJD = 67;

/** Below this age at the quarter's end a person is not inburgeringsplichtig (P05). */
export const MINIMUM_LEEFTIJD = 16;

export interface Basis {
  jaar: number;
  kwartaal: Kwartaalnummer;
  /** First and last day of the quarter. */
  begin: Datum;
  einde: Datum;
  ontvangen: Datum;
  /** Last day of the aanleverperiode. */
  uiterlijk: Datum;
  kwartaalTekst: string;
  eindeTekst: string;
  ontvangenTekst: string;
}

export function maakBasis(kop: LeveringKop, ontvangen: Datum): Basis {
  const { statistiekjaar: jaar, statistiekkwartaal: kwartaal } = kop;
  const einde = kwartaalEinde(jaar, kwartaal);
  return {
    jaar,
    kwartaal,
    begin: kwartaalBegin(jaar, kwartaal),
    einde,
    ontvangen,
    uiterlijk: aanleverperiodeEinde(jaar, kwartaal),
    kwartaalTekst: formatKwartaal(jaar, kwartaal),
    eindeTekst: formatDatum(einde),
    ontvangenTekst: formatDatum(ontvangen),
  };
}
