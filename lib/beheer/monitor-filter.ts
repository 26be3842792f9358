import { z } from "zod";
import { SORTEERVELDEN, type MonitorFilter } from "./monitor";
import { kwartaalUitParam } from "./kwartaalkeuze";

/** The monitor's query string (page and CSV export read the same one). */
const schema = z.object({
  status: z
    .enum(["geleverd", "afgekeurd", "verwerkt", "signaleringslijst", "ontbreekt", "te-laat"])
    .optional()
    .catch(undefined),
  provincie: z.string().max(100).optional().catch(undefined),
  zoek: z.string().max(100).optional().catch(undefined),
  sorteer: z.enum(SORTEERVELDEN).optional().catch(undefined),
  richting: z.enum(["op", "af"]).optional().catch(undefined),
});

export function monitorParams(params: Record<string, string | string[] | undefined>, nu: Date = new Date()) {
  const eerste = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const p = schema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, eerste(v) || undefined])));
  const filter: MonitorFilter = {
    status: p.status,
    provincie: p.provincie,
    zoek: p.zoek,
    sorteer: p.sorteer,
    aflopend: p.richting === "af",
  };
  return { ...kwartaalUitParam(eerste(params.kwartaal), nu), filter };
}

export function monitorZoekstring(
  k: { jaar: number; kwartaal: number },
  f: MonitorFilter,
  wijziging: Partial<Record<"status" | "provincie" | "zoek" | "sorteer" | "richting", string | undefined>> = {},
): string {
  const s = new URLSearchParams({ kwartaal: `${k.jaar}-${k.kwartaal}` });
  const waarden = {
    status: f.status,
    provincie: f.provincie,
    zoek: f.zoek,
    sorteer: f.sorteer,
    richting: f.aflopend ? "af" : undefined,
    ...wijziging,
  };
  for (const [naam, waarde] of Object.entries(waarden)) if (waarde) s.set(naam, waarde);
  return s.toString();
}
