/** Calendar facts on jjjjmmdd numbers (types.ts Datum). */
import type { Datum } from "../types";

export function isSchrikkeljaar(jaar: number): boolean {
  return jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0);
}

export function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return isSchrikkeljaar(jaar) ? 29 : 28;
  return maand === 4 || maand === 6 || maand === 9 || maand === 11 ? 30 : 31;
}

/** A real day of the Gregorian calendar, year 1 to 9999. */
export function isKalenderdatum(datum: Datum): boolean {
  const jaar = Math.floor(datum / 10000);
  const maand = Math.floor(datum / 100) % 100;
  const dag = datum % 100;
  return jaar >= 1 && jaar <= 9999 && maand >= 1 && maand <= 12 && dag >= 1 && dag <= dagenInMaand(jaar, maand);
}

/**
 * A Geboortedatum as the BRP records it: a real date, or jjjjmm00 (day unknown), or jjjj0000
 * (month and day unknown); never jjjj00dd and never 00000000.
 */
export function isGeboortedatum(datum: Datum): boolean {
  const jaar = Math.floor(datum / 10000);
  const maand = Math.floor(datum / 100) % 100;
  const dag = datum % 100;
  if (jaar < 1) return false;
  if (maand === 0) return dag === 0;
  if (dag === 0) return maand <= 12;
  return isKalenderdatum(datum);
}

export function eersteDagKwartaal(jaar: number, kwartaal: number): Datum {
  return jaar * 10000 + ((kwartaal - 1) * 3 + 1) * 100 + 1;
}

export function laatsteDagKwartaal(jaar: number, kwartaal: number): Datum {
  const maand = kwartaal * 3;
  return jaar * 10000 + maand * 100 + dagenInMaand(jaar, maand);
}

/** The first day after the quarter: from then on it has ended. */
export function eersteDagNaKwartaal(jaar: number, kwartaal: number): Datum {
  return kwartaal === 4 ? (jaar + 1) * 10000 + 101 : eersteDagKwartaal(jaar, kwartaal + 1);
}

/** jjjjmmdd of a JavaScript Date in local time (the day a file is received). */
export function datumVan(d: Date): Datum {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}
