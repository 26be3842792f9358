import { getDb } from "@/lib/db/client";
import { csvTekst } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { cbsRoute, csvAntwoord } from "@/lib/beheer/route";
import { filterMonitor, MONITOR_CSV_KOLOMMEN, monitorCsvRijen, monitorVoorKwartaal } from "@/lib/beheer/monitor";
import { monitorParams } from "@/lib/beheer/monitor-filter";

/** The monitor as CSV, with the same quarter, filters and order as on screen. Counts only, no BSN. */
export const GET = cbsRoute(async ({ actor, req, herkomst }) => {
  const { jaar, kwartaal, filter } = monitorParams(Object.fromEntries(new URL(req.url).searchParams));
  const monitor = await monitorVoorKwartaal(getDb(), jaar, kwartaal);
  const rijen = filterMonitor(monitor.rijen, filter);
  await schrijfAudit({
    actor,
    actie: "export.monitor",
    details: { jaar, kwartaal, filter, aantal: rijen.length },
    ...herkomst,
  });
  const csv = csvTekst([[...MONITOR_CSV_KOLOMMEN], ...monitorCsvRijen(rijen)]);
  return csvAntwoord(csv, `swi-monitor-${jaar}-k${kwartaal}.csv`);
});
