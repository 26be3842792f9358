/** The statistiekjaar a page shows by default: the current calendar year (Europe/Amsterdam). */
export function huidigStatistiekjaar(nu: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", year: "numeric" }).format(nu));
}
