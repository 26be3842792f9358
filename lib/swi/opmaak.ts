/**
 * How the portal writes numbers, counts and moments in Dutch: one module for every page, mail,
 * PDF, CSV caption and engine message, so "2.923" and "1 berichtgever" read the same everywhere.
 * Pure (lib/swi), so the engine's own messages use it too. Moments are in Dutch time.
 */
import { formatDatum } from "./datum";
import type { Datum } from "./types";

const TIJDZONE = "Europe/Amsterdam";

const GETAL = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const PROCENT = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const DAG = new Intl.DateTimeFormat("nl-NL", { timeZone: TIJDZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const DAG_LANG = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIJDZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const TIJD = new Intl.DateTimeFormat("nl-NL", { timeZone: TIJDZONE, hour: "2-digit", minute: "2-digit" });

/** "2.923": thousands with a point, as Dutch readers expect. */
export function getal(n: number): string {
  return GETAL.format(n);
}

/** "68,6%". */
export function procent(p: number): string {
  return `${PROCENT.format(p)}%`;
}

/** "1 berichtgever", "2.923 berichtgevers", "0 berichtgevers". */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${getal(n)} ${n === 1 ? enkelvoud : meervoud}`;
}

function delen(f: Intl.DateTimeFormat, d: Date): (t: Intl.DateTimeFormatPartTypes) => string {
  const p = f.formatToParts(d);
  return (t) => p.find((x) => x.type === t)?.value ?? "";
}

function alsDatum(d: Date | string): Date {
  return typeof d === "string" ? new Date(d) : d;
}

/** "23-11-2026". */
export function datum(d: Date | string): string {
  const deel = delen(DAG, alsDatum(d));
  return `${deel("day")}-${deel("month")}-${deel("year")}`;
}

/** "7 december 2026", for running text (mails, the PDF). */
export function datumLang(d: Date | string): string {
  return DAG_LANG.format(alsDatum(d));
}

/** "23-11-2026 13:05", for tables. */
export function moment(d: Date | string): string {
  const m = alsDatum(d);
  return `${datum(m)} ${TIJD.format(m)}`;
}

/** "7 december 2026 om 14:05", for running text. */
export function momentLang(d: Date | string): string {
  const m = alsDatum(d);
  return `${datumLang(m)} om ${TIJD.format(m)}`;
}

/** A date from the file (jjjjmmdd) as "23-11-2026"; an unknown month or day stays 00. */
export function swiDatum(d: Datum): string {
  return formatDatum(d);
}

const MAANDEN = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** "31 maart 2026"; incomplete Geboortedatum: "maart 1985", "1985". */
export function swiDatumLang(datum: Datum): string {
  const jaar = Math.floor(datum / 10000);
  const maand = Math.floor(datum / 100) % 100;
  const dag = datum % 100;
  if (maand < 1 || maand > 12) return String(jaar);
  return dag === 0 ? `${MAANDEN[maand - 1]} ${jaar}` : `${dag} ${MAANDEN[maand - 1]} ${jaar}`;
}
