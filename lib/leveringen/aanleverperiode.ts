/**
 * The aanleverperiode of a quarter (guidelines 3.3.4): from the day after the quarter until its
 * last day + 4 weeks, and whether a gemeente delivered in it.
 *
 * Choices:
 * - Dates are Europe/Amsterdam calendar days: a file received at 00:30 Dutch time on the day after
 *   the deadline is late, even though it is still the deadline's date in UTC.
 * - A delivery counts as "geleverd" unless it was afgekeurd: a file still being checked counts
 *   provisionally (its receipt date is what the deadline is about), a vervangen one was delivered
 *   all the same. Only a rejected file leaves the gemeente "nog niet geleverd".
 * - Timeliness is decided by the first delivery that counts: a later herlevering does not make an
 *   on-time quarter late.
 */
import { aanleverperiodeEinde, kwartaalEinde, plusDagen, type Kwartaalnummer } from "@/lib/swi/datum";
import type { Datum } from "@/lib/swi/types";

export type AanleverStaat = "tijdig" | "te-laat" | "nog-niet-geleverd" | "nog-niet-begonnen";

export const AANLEVERSTAAT_TEKST: Record<AanleverStaat, string> = {
  tijdig: "Tijdig geleverd",
  "te-laat": "Te laat geleverd",
  "nog-niet-geleverd": "Nog niet geleverd",
  "nog-niet-begonnen": "Aanleverperiode nog niet begonnen",
};

export interface Aanleverperiode {
  jaar: number;
  kwartaal: Kwartaalnummer;
  /** The first day of the period: the day after the quarter. */
  begin: Datum;
  /** The last day on which a delivery is on time. */
  einde: Datum;
}

export interface AanleverBeoordeling extends Aanleverperiode {
  staat: AanleverStaat;
  /** Receipt day of the delivery the verdict rests on, when there is one. */
  geleverdOp: Datum | null;
  /** Not delivered and the period is over: the deadline has passed. */
  termijnVerstreken: boolean;
  /** Days left in the period (including today) while it runs and nothing was delivered. */
  dagenOver: number | null;
}

/** Only what the verdict needs from a delivery. */
export interface LeveringMoment {
  ontvangenOp: Date;
  status: string;
  /** A proeflevering was not delivered; a released one has its release moment as ontvangenOp. */
  proef?: string | null;
}

export function aanleverperiode(jaar: number, kwartaal: Kwartaalnummer): Aanleverperiode {
  return {
    jaar,
    kwartaal,
    begin: plusDagen(kwartaalEinde(jaar, kwartaal), 1),
    einde: aanleverperiodeEinde(jaar, kwartaal),
  };
}

const amsterdamDag = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Dutch calendar day of a moment, as jjjjmmdd. */
export function datumInNederland(moment: Date): Datum {
  return Number(amsterdamDag.format(moment).replaceAll("-", ""));
}

function dagenTussen(van: Datum, tot: Datum): number {
  const ms = (d: Datum) => Date.UTC(Math.floor(d / 10000), (Math.floor(d / 100) % 100) - 1, d % 100);
  return Math.round((ms(tot) - ms(van)) / 86_400_000);
}

export function telt(levering: LeveringMoment): boolean {
  return levering.status !== "AFGEKEURD" && !levering.proef;
}

/** The verdict for one gemeente and quarter on `vandaag`, given that gemeente's deliveries for it. */
export function beoordeelAanlevering(
  jaar: number,
  kwartaal: Kwartaalnummer,
  leveringen: readonly LeveringMoment[],
  nu: Date = new Date(),
): AanleverBeoordeling {
  const periode = aanleverperiode(jaar, kwartaal);
  const vandaag = datumInNederland(nu);
  const eerste = leveringen
    .filter(telt)
    .map((l) => datumInNederland(l.ontvangenOp))
    .sort((a, b) => a - b)[0];
  if (eerste !== undefined) {
    return {
      ...periode,
      staat: eerste <= periode.einde ? "tijdig" : "te-laat",
      geleverdOp: eerste,
      termijnVerstreken: false,
      dagenOver: null,
    };
  }
  if (vandaag < periode.begin) {
    return { ...periode, staat: "nog-niet-begonnen", geleverdOp: null, termijnVerstreken: false, dagenOver: null };
  }
  const verstreken = vandaag > periode.einde;
  return {
    ...periode,
    staat: "nog-niet-geleverd",
    geleverdOp: null,
    termijnVerstreken: verstreken,
    dagenOver: verstreken ? null : dagenTussen(vandaag, periode.einde) + 1,
  };
}
