/**
 * The trend: the headline counts of every quarter a berichtgever delivered for one gemeente, up to
 * and including the report's quarter, each from that quarter's geldende levering. A table with a
 * column per quarter, and a chart of persons and PIP's per quarter drawn like the other charts.
 */
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import type { Staafgrafiek } from "./grafieken";
import { kwartaalTekst } from "./weergave";

/** What the trend reads of a quarter's report: its headline rows and signal counts. */
export type TrendRapport = Pick<Spiegelrapport, "rijen" | "signalenPerErnst">;

export interface TrendKwartaal {
  jaar: number;
  kwartaal: number;
  rapport: TrendRapport;
  /** The quarter of the report being read (its own delivery, which may since have been replaced). */
  ditRapport: boolean;
}

export interface TrendRij {
  sleutel: string;
  groep: string;
  omschrijving: string;
  /** One per quarter, in the order of the quarters; null when the report lacks the row. */
  waarden: (number | null)[];
}

export interface Trend {
  kwartalen: { tekst: string; ditRapport: boolean }[];
  rijen: TrendRij[];
}

const GROEPEN = ["Personen", "Geslacht", "Type migrant", "PIP naar leerroute"];

/**
 * The part of a report the trend shows (a few rows of ~150), so an earlier quarter can be kept in
 * memory without its whole report.
 */
export function trendUittreksel(r: TrendRapport): TrendRapport {
  return { rijen: r.rijen.filter((rij) => GROEPEN.includes(rij.groep)), signalenPerErnst: r.signalenPerErnst };
}

export function maakTrend(kwartalen: readonly TrendKwartaal[]): Trend {
  const geordend = [...kwartalen].sort((a, b) => a.jaar - b.jaar || a.kwartaal - b.kwartaal);
  const laatste = geordend[geordend.length - 1]?.rapport;
  const rijen: TrendRij[] = [];
  for (const rij of laatste?.rijen ?? []) {
    if (!GROEPEN.includes(rij.groep)) continue;
    rijen.push({
      sleutel: rij.sleutel,
      groep: rij.groep,
      omschrijving: rij.omschrijving,
      waarden: geordend.map((k) => k.rapport.rijen.find((r) => r.sleutel === rij.sleutel)?.huidig ?? null),
    });
  }
  for (const [ernst, omschrijving] of [
    ["fout", "Signalen: fout"],
    ["waarschuwing", "Signalen: waarschuwing"],
  ] as const) {
    rijen.push({
      sleutel: `signalen.${ernst}`,
      groep: "Signalen",
      omschrijving,
      waarden: geordend.map((k) => k.rapport.signalenPerErnst[ernst]),
    });
  }
  return {
    kwartalen: geordend.map((k) => ({ tekst: kwartaalTekst(k.jaar, k.kwartaal), ditRapport: k.ditRapport })),
    rijen,
  };
}

export function trendGrafiek(t: Trend): Staafgrafiek {
  const waarden = (sleutel: string) => t.rijen.find((r) => r.sleutel === sleutel)?.waarden ?? [];
  const personen = waarden("personen.totaal");
  const pips = t.rijen.filter((r) => r.groep === "PIP naar leerroute");
  return {
    titel: "Personen en PIP's per kwartaal",
    toelichting: "Per kwartaal het aantal personen en het aantal PIP's in de geldende levering van dat kwartaal.",
    eenheid: "aantal",
    reeksen: ["Personen", "PIP's"],
    punten: t.kwartalen.map((k, i) => ({
      label: k.tekst,
      waarden: [personen[i] ?? null, pips.reduce((som, r) => som + (r.waarden[i] ?? 0), 0)],
    })),
  };
}
