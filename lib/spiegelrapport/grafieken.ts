/**
 * The charts of the spiegelrapport page, as data (`Grafiek`, also rendered as a table beside each
 * chart, so no number is only in the picture) and as SVG.
 *
 * The SVG comes from Observable Plot rendered on the server into linkedom's DOM: no client-side
 * JavaScript, so it works under the portal's strict CSP and with scripting off. Recharts and
 * similar React chart libraries need client components; Plot builds plain SVG from a `document`.
 * This quarter and the previous one are told apart by text (each bar is labelled "2026 K1: 120"),
 * not by colour alone.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { kenmerkNaam } from "@/lib/swi/format";
import type { Spiegelrapport, SpiegelrapportRij, VullingRij } from "@/lib/swi/spiegelrapport";
import { huidigKwartaalTekst, vorigKwartaalTekst } from "./weergave";
import { getal, procent } from "@/lib/swi/opmaak";

export interface GrafiekPunt {
  label: string;
  huidig: number;
  vorig: number | null;
  /** For percentages: the counts behind them (shown in the table). */
  huidigAantal?: number;
  vorigAantal?: number | null;
  /** For percentages of a population: its size (the denominator), shown as "1.348 van 1.965". */
  huidigNoemer?: number;
  vorigNoemer?: number | null;
}

export interface Grafiek {
  id: string;
  titel: string;
  /** One sentence saying what is shown, for the caption and the SVG's accessible name. */
  toelichting: string;
  eenheid: "aantal" | "procent";
  huidigLabel: string;
  vorigLabel: string | null;
  punten: GrafiekPunt[];
}

function rijMap(r: Spiegelrapport): Map<string, SpiegelrapportRij> {
  return new Map(r.rijen.map((rij) => [rij.sleutel, rij]));
}

function aandeel(deel: number, geheel: number): number {
  return geheel > 0 ? (deel / geheel) * 100 : 0;
}

/** Share of the units (persons or PIPs) with a value, per kenmerk. */
function vulling(
  r: Spiegelrapport,
  id: string,
  titel: string,
  kenmerken: number[],
  noemerSleutel: string,
  eenheid: string,
): Grafiek {
  const rijen = rijMap(r);
  const noemer = rijen.get(noemerSleutel);
  const huidigNoemer = noemer?.huidig ?? 0;
  const vorigNoemer = noemer?.vorig ?? null;
  return {
    id,
    titel,
    toelichting: `Per kenmerk het deel van de ${eenheid} waarvoor een waarde is geleverd, in procenten.`,
    eenheid: "procent",
    huidigLabel: huidigKwartaalTekst(r),
    vorigLabel: vorigKwartaalTekst(r),
    punten: kenmerken.map((k) => {
      const rij = rijen.get(`kenmerk.${k}`);
      const huidigAantal = rij?.huidig ?? 0;
      const vorigAantal = rij?.vorig ?? null;
      return {
        label: `${k} ${kenmerkNaam(k)}`,
        huidig: aandeel(huidigAantal, huidigNoemer),
        vorig: vorigAantal === null || vorigNoemer === null ? null : aandeel(vorigAantal, vorigNoemer),
        huidigAantal,
        vorigAantal,
      };
    }),
  };
}

function verdeling(r: Spiegelrapport, id: string, titel: string, toelichting: string, prefix: string): Grafiek {
  return {
    id,
    titel,
    toelichting,
    eenheid: "aantal",
    huidigLabel: huidigKwartaalTekst(r),
    vorigLabel: vorigKwartaalTekst(r),
    punten: r.rijen
      .filter((rij) => rij.sleutel.startsWith(prefix))
      .map((rij) => ({ label: rij.omschrijving, huidig: rij.huidig, vorig: rij.vorig })),
  };
}

/**
 * Fill rates of k12–29, each on the persons it applies to (Tabel 1): Ontzorgen among
 * asielstatushouders, not among everyone. The label says which population.
 */
function vullingNaarPopulatie(r: Spiegelrapport, vulling: readonly VullingRij[]): Grafiek {
  return {
    id: "vulling-personen",
    titel: "Vulling van de kenmerken per persoon",
    toelichting:
      "Per kenmerk het deel van de personen voor wie het kenmerk geldt (Tabel 1 van de richtlijnen) waarvoor een waarde is geleverd, in procenten. Achter elk kenmerk staat voor wie het geldt; tussen haakjes het aantal met een waarde van het aantal voor wie het geldt.",
    eenheid: "procent",
    huidigLabel: huidigKwartaalTekst(r),
    vorigLabel: vorigKwartaalTekst(r),
    punten: vulling.map((v) => ({
      label: `${v.kenmerk} ${kenmerkNaam(v.kenmerk)} (${v.populatie})`,
      huidig: aandeel(v.huidig.gevuld, v.huidig.populatie),
      vorig: v.vorig === null ? null : aandeel(v.vorig.gevuld, v.vorig.populatie),
      huidigAantal: v.huidig.gevuld,
      vorigAantal: v.vorig?.gevuld ?? null,
      huidigNoemer: v.huidig.populatie,
      vorigNoemer: v.vorig?.populatie ?? null,
    })),
  };
}

/** The charts the page shows: fill rates, persons by type migrant, PIPs by leerroute. */
export function spiegelrapportGrafieken(r: Spiegelrapport): Grafiek[] {
  const pipKenmerken = rijMap(r).get("kenmerk.30");
  const grafieken = [
    // Reports stored before the populations were kept fall back to all persons.
    r.vulling
      ? vullingNaarPopulatie(r, r.vulling)
      : vulling(
          r,
          "vulling-personen",
          "Vulling van de kenmerken per persoon",
          Array.from({ length: 18 }, (_, i) => 12 + i),
          "personen.totaal",
          "personen",
        ),
  ];
  if ((pipKenmerken?.huidig ?? 0) > 0 || (pipKenmerken?.vorig ?? 0) > 0) {
    grafieken.push(
      vulling(r, "vulling-pips", "Vulling van de leerroute-kenmerken", [32, 33, 34], "kenmerk.30", "PIP's"),
    );
  }
  grafieken.push(
    verdeling(r, "type-migrant", "Personen naar type migrant", "Aantal personen per type migrant.", "typeMigrant."),
    verdeling(r, "leerroute", "PIP's naar leerroute", "Aantal PIP's per leerroute.", "pip.route."),
  );
  return grafieken;
}

export function waardeTekst(g: Pick<Grafiek, "eenheid">, waarde: number): string {
  return g.eenheid === "procent" ? procent(waarde) : getal(waarde);
}

const KLEUR_HUIDIG = "#01689b"; // hemelblauw donker (contrast 5.7:1 on white)
const KLEUR_VORIG = "#696969"; // grijs 5 (5.5:1)
const KLEUR_DERDE = "#a90061"; // violet (7.4:1)

/**
 * A bar chart of one or more series per category: the shape every chart of the spiegelrapport is
 * drawn from (this quarter against the previous one, a trend over quarters, a comparison with
 * other gemeenten), so the page and the PDF draw all of them the same way.
 */
export interface Staafgrafiek {
  titel: string;
  toelichting: string;
  eenheid: "aantal" | "procent";
  /** Series names, in the order of the bars within a category (at most three). */
  reeksen: string[];
  punten: { label: string; waarden: (number | null)[] }[];
  /**
   * Written after the series name where a value is missing (e.g. "niet getoond"), for all series or
   * per series; without it a missing value has no bar.
   */
  leegTekst?: string | readonly (string | undefined)[];
}

export function alsStaafgrafiek(g: Grafiek): Staafgrafiek {
  return {
    titel: g.titel,
    toelichting: g.toelichting,
    eenheid: g.eenheid,
    reeksen: g.vorigLabel ? [g.huidigLabel, g.vorigLabel] : [g.huidigLabel],
    punten: g.punten.map((p) => ({ label: p.label, waarden: g.vorigLabel ? [p.huidig, p.vorig] : [p.huidig] })),
  };
}

interface Balk {
  label: string;
  periode: string;
  waarde: number;
  tekst: string;
}

/** Rendered charts by their data: at most this many are kept (a few KB each). */
const CACHE_GROOTTE = 500;
const cache = new Map<string, string>();

/** The chart as SVG (role="img", named by its title; the table beside it has the numbers). */
export function grafiekSvg(g: Grafiek): string {
  return staafgrafiekSvg(alsStaafgrafiek(g));
}

/**
 * Plot in linkedom takes 40–250 ms per chart, which made the spiegelrapport the slowest page
 * under bench:load; a chart is a pure function of its data (counts, no personal data, and a
 * delivery's spiegelrapport never changes), so renders are kept by that data.
 */
export function staafgrafiekSvg(g: Staafgrafiek): string {
  const sleutel = JSON.stringify(g);
  const bekend = cache.get(sleutel);
  if (bekend !== undefined) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(sleutel);
    cache.set(sleutel, bekend);
    return bekend;
  }
  const svg = tekenGrafiek(g);
  cache.set(sleutel, svg);
  if (cache.size > CACHE_GROOTTE) cache.delete(cache.keys().next().value!);
  return svg;
}

function tekenGrafiek(g: Staafgrafiek): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const perioden = g.reeksen;
  const balken: Balk[] = g.punten.flatMap((p) =>
    perioden.flatMap((periode, i): Balk[] => {
      const waarde = p.waarden[i] ?? null;
      if (waarde !== null) return [{ label: p.label, periode, waarde, tekst: `${periode}: ${waardeTekst(g, waarde)}` }];
      const leeg = typeof g.leegTekst === "string" ? g.leegTekst : g.leegTekst?.[i];
      return leeg ? [{ label: p.label, periode, waarde: 0, tekst: `${periode}: ${leeg}` }] : [];
    }),
  );
  const max = Math.max(1, ...balken.map((b) => b.waarde));
  const rijHoogte = perioden.length * 20 + 12;

  const svg = Plot.plot({
    document: document as unknown as Document,
    // About the width it gets beside its table on a wide screen, so the text is not scaled down.
    width: 600,
    height: 40 + g.punten.length * rijHoogte,
    marginLeft: 240,
    marginRight: 115,
    marginTop: 30,
    style: { fontSize: "13px" },
    x: {
      label: g.eenheid === "procent" ? "Procent" : "Aantal",
      domain: g.eenheid === "procent" ? [0, 100] : [0, max],
      grid: true,
      axis: "top",
      tickFormat: (d: number) => (g.eenheid === "procent" ? `${d}%` : getal(d)),
    },
    fy: { label: null, domain: g.punten.map((p) => p.label), padding: 0.15 },
    y: { axis: null, domain: perioden, padding: 0.1 },
    color: { domain: perioden, range: [KLEUR_HUIDIG, KLEUR_VORIG, KLEUR_DERDE].slice(0, perioden.length) },
    marks: [
      Plot.axisFy({ anchor: "left", lineWidth: 17, label: null, fontSize: 13, tickSize: 0 }),
      Plot.barX(balken, { x: "waarde", y: "periode", fy: "label", fill: "periode" }),
      Plot.text(balken, {
        x: "waarde",
        y: "periode",
        fy: "label",
        text: "tekst",
        dx: 4,
        textAnchor: "start",
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as SVGSVGElement;

  // Plot names its mark groups (aria-label on <g>); inside role="img" they are presentational, and
  // a label on a generic element is not allowed (axe: aria-prohibited-attr).
  for (const el of Array.from(svg.querySelectorAll("[aria-label], [aria-description]"))) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${g.titel}. ${g.toelichting} De getallen staan in de tabel bij de grafiek.`);
  svg.removeAttribute("aria-description");
  svg.setAttribute("focusable", "false");
  return svg.outerHTML;
}
