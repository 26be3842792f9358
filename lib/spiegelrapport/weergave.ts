/**
 * How spiegelrapport numbers read, the same on the page, in the PDF and in the charts' tables.
 * A difference always carries its sign in text (+12, −3), so its meaning never rests on colour.
 */
import { formatKwartaal } from "@/lib/swi/datum";
import { REGELS } from "@/lib/swi/regels";
import type { Spiegelrapport, SpiegelrapportRij, Vulgetal } from "@/lib/swi/spiegelrapport";
import type { SpiegelrapportGegevens } from "./gegevens";
import { getal, procent } from "@/lib/swi/opmaak";

/** "68,6% (1.348 van 1.965)", or "-" when nobody is in the population. */
export function vulgetalTekst(v: Vulgetal | null): string {
  if (v === null) return "-";
  if (v.populatie === 0) return "- (0 van 0)";
  return `${procent((v.gevuld / v.populatie) * 100)} (${getal(v.gevuld)} van ${getal(v.populatie)})`;
}

/**
 * "+12", "−3" or "0". `minteken` is U+2212 on screen; the PDF's standard fonts (WinAnsi) lack
 * it and use a hyphen.
 */
export function verschilTekst(v: number, minteken = "\u2212"): string {
  if (v > 0) return `+${getal(v)}`;
  if (v < 0) return `${minteken}${getal(-v)}`;
  return "0";
}

/** "2026 K1". */
export function kwartaalTekst(jaar: number, kwartaal: number): string {
  return formatKwartaal(jaar, kwartaal);
}

export function huidigKwartaalTekst(r: Spiegelrapport): string {
  return kwartaalTekst(r.statistiekjaar, r.statistiekkwartaal);
}

export function vorigKwartaalTekst(r: Spiegelrapport): string | null {
  return r.vorigKwartaal ? kwartaalTekst(r.vorigKwartaal.jaar, r.vorigKwartaal.kwartaal) : null;
}

export interface RijGroep {
  groep: string;
  rijen: SpiegelrapportRij[];
}

/** The rows by section, in the report's own order (sections and rows as the engine defines them). */
export function groepeerRijen(rijen: readonly SpiegelrapportRij[]): RijGroep[] {
  const groepen: RijGroep[] = [];
  for (const rij of rijen) {
    const laatste = groepen[groepen.length - 1];
    if (laatste && laatste.groep === rij.groep) laatste.rijen.push(rij);
    else {
      const eerder = groepen.find((g) => g.groep === rij.groep);
      if (eerder) eerder.rijen.push(rij);
      else groepen.push({ groep: rij.groep, rijen: [rij] });
    }
  }
  return groepen;
}

const CATALOGUSVOLGORDE = new Map(REGELS.map((r, i) => [r.code as string, i]));

/** Rule codes with at least one signal, in the rule catalogue's order (P, Q, then F). */
export function regelsMetSignalen(r: Spiegelrapport): { code: string; aantal: number }[] {
  const plek = (code: string) => CATALOGUSVOLGORDE.get(code) ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(r.signalenPerRegel)
    .filter(([, aantal]) => aantal > 0)
    .map(([code, aantal]) => ({ code, aantal }))
    .sort((a, b) => plek(a.code) - plek(b.code) || a.code.localeCompare(b.code, "en"));
}

/** Safe file name stem for downloads: "SWI_0153_0153_20261". */
export function bestandsnaamStam(bestandsnaam: string): string {
  return bestandsnaam.replace(/\.xml$/i, "").replace(/[^A-Za-z0-9_.-]/g, "_");
}

/** "Spiegelrapport 2026 K1, gemeente 0153 Enschede". */
export function spiegelrapportTitelTekst(g: Pick<SpiegelrapportGegevens, "gemeente" | "rapport">): string {
  const gemeente = g.gemeente.naam ? `${g.gemeente.code} ${g.gemeente.naam}` : g.gemeente.code;
  return `Spiegelrapport ${huidigKwartaalTekst(g.rapport)}, gemeente ${gemeente}`;
}
