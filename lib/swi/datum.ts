/**
 * Date helpers on jjjjmmdd numbers (see types.ts: dates stay small integers for memory).
 *
 * Choices:
 * - Age counts whole years by comparing (month, day) numerically, so someone born on 29 February
 *   turns a year older on 1 March in a year without 29 February.
 * - An incomplete Geboortedatum (jjjj0000, jjjjmm00, as the BRP records it) stands for a range of
 *   days; `geboortedatumBereik` gives its first and last day, `leeftijdBereik` the ages that range
 *   allows. A check that must hold "for every day the date can stand for" uses the bound that is
 *   hardest to satisfy.
 * - The aanleverperiode starts the day after the quarter and lasts 4 weeks (3.3.4 of the
 *   guidelines): its last day is the quarter's last day + 28 days.
 */
import type { Datum } from "./types";

export type Kwartaalnummer = 1 | 2 | 3 | 4;

export interface Kwartaal {
  jaar: number;
  kwartaal: Kwartaalnummer;
}

/** The first day of the Wet inburgering 2021: earlier dates fall outside the SWI population. */
export const START_WI2021: Datum = 20220101;

/** Length of the aanleverperiode in days (4 weeks, 3.3.4). */
export const AANLEVERPERIODE_DAGEN = 28;

const MS_PER_DAG = 86_400_000;

export function jaarVan(d: Datum): number {
  return Math.floor(d / 10000);
}

export function maandVan(d: Datum): number {
  return Math.floor(d / 100) % 100;
}

export function dagVan(d: Datum): number {
  return d % 100;
}

export function maakDatum(jaar: number, maand: number, dag: number): Datum {
  return jaar * 10000 + maand * 100 + dag;
}

export function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

export function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return isSchrikkeljaar(jaar) ? 29 : 28;
  return maand === 4 || maand === 6 || maand === 9 || maand === 11 ? 30 : 31;
}

/** A complete, real calendar date (year 1000–9999). */
export function isGeldigeDatum(d: number): boolean {
  if (!Number.isInteger(d) || d < 10000101 || d > 99991231) return false;
  const maand = maandVan(d);
  const dag = dagVan(d);
  return maand >= 1 && maand <= 12 && dag >= 1 && dag <= dagenInMaand(jaarVan(d), maand);
}

/** Month and/or day 00. */
export function isOnvolledig(d: Datum): boolean {
  return maandVan(d) === 0 || dagVan(d) === 0;
}

/** What T04 allows for Geboortedatum: a real date, jjjj0000 or jjjjmm00 (not jjjj00dd, not 00000000). */
export function isGeldigeGeboortedatum(d: number): boolean {
  if (isGeldigeDatum(d)) return true;
  if (!Number.isInteger(d) || d < 10000000 || d > 99999999) return false;
  const maand = maandVan(d);
  const dag = dagVan(d);
  if (dag !== 0) return false;
  return maand === 0 || maand <= 12;
}

/** The first day an (in)complete Geboortedatum can stand for. */
export function vroegsteGeboortedag(d: Datum): Datum {
  if (maandVan(d) === 0) return maakDatum(jaarVan(d), 1, 1);
  return dagVan(d) === 0 ? d + 1 : d;
}

/** The last day an (in)complete Geboortedatum can stand for. */
export function laatsteGeboortedag(d: Datum): Datum {
  const jaar = jaarVan(d);
  const maand = maandVan(d);
  if (maand === 0) return maakDatum(jaar, 12, 31);
  return dagVan(d) === 0 ? maakDatum(jaar, maand, dagenInMaand(jaar, maand)) : d;
}

/** First and last day an (in)complete Geboortedatum can stand for. */
export function geboortedatumBereik(d: Datum): { vroegst: Datum; laatst: Datum } {
  return { vroegst: vroegsteGeboortedag(d), laatst: laatsteGeboortedag(d) };
}

/** Days since 1970-01-01 of a complete date. */
export function dagnummer(d: Datum): number {
  return Math.round(Date.UTC(jaarVan(d), maandVan(d) - 1, dagVan(d)) / MS_PER_DAG);
}

export function datumVanDagnummer(dagen: number): Datum {
  const x = new Date(dagen * MS_PER_DAG);
  return maakDatum(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
}

export function plusDagen(d: Datum, dagen: number): Datum {
  return datumVanDagnummer(dagnummer(d) + dagen);
}

export function kwartaalBegin(jaar: number, kwartaal: Kwartaalnummer): Datum {
  return maakDatum(jaar, (kwartaal - 1) * 3 + 1, 1);
}

export function kwartaalEinde(jaar: number, kwartaal: Kwartaalnummer): Datum {
  const maand = kwartaal * 3;
  return maakDatum(jaar, maand, dagenInMaand(jaar, maand));
}

export function kwartaalVan(d: Datum): Kwartaal {
  return { jaar: jaarVan(d), kwartaal: (Math.floor((maandVan(d) - 1) / 3) + 1) as Kwartaalnummer };
}

/** A number that orders quarters: later quarter, larger number. */
export function kwartaalVolgnummer(jaar: number, kwartaal: number): number {
  return jaar * 4 + (kwartaal - 1);
}

export function vorigKwartaal(k: Kwartaal): Kwartaal {
  return k.kwartaal === 1
    ? { jaar: k.jaar - 1, kwartaal: 4 }
    : { jaar: k.jaar, kwartaal: (k.kwartaal - 1) as Kwartaalnummer };
}

/** The last day on which a delivery about this quarter is on time. */
export function aanleverperiodeEinde(jaar: number, kwartaal: Kwartaalnummer): Datum {
  return plusDagen(kwartaalEinde(jaar, kwartaal), AANLEVERPERIODE_DAGEN);
}

/** Whole years between a complete Geboortedatum and a date (see the 29 February note above). */
export function leeftijdOp(geboortedatum: Datum, peildatum: Datum): number {
  const jaren = jaarVan(peildatum) - jaarVan(geboortedatum);
  return peildatum % 10000 < geboortedatum % 10000 ? jaren - 1 : jaren;
}

/** The youngest and oldest age an (in)complete Geboortedatum allows on a date. */
export function leeftijdBereik(geboortedatum: Datum, peildatum: Datum): { min: number; max: number } {
  return {
    min: leeftijdOp(laatsteGeboortedag(geboortedatum), peildatum),
    max: leeftijdOp(vroegsteGeboortedag(geboortedatum), peildatum),
  };
}

function tweeCijfers(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd-mm-jjjj, the way Dutch users read a date; an unknown month or day stays 00. */
export function formatDatum(d: Datum): string {
  return `${tweeCijfers(dagVan(d))}-${tweeCijfers(maandVan(d))}-${jaarVan(d)}`;
}

/** "2026 K1". */
export function formatKwartaal(jaar: number, kwartaal: number): string {
  return `${jaar} K${kwartaal}`;
}
