import { csvTekst } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { csvBijlage } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { filterMonitor, MONITOR_CSV_KOLOMMEN, monitorCsvRijen, monitorVoorKwartaal } from "@/lib/beheer/monitor";
import { monitorParams } from "@/lib/beheer/monitor-filter";

/** The monitor as CSV, with the same quarter, filters and order as on screen. Counts only, no BSN. */
export const GET = route({ toegang: "cbs", vorm: "tekst" }, async ({ actor, req, herkomst }) => {
  const { jaar, kwartaal, filter } = monitorParams(Object.fromEntries(new URL(req.url).searchParams));
  const monitor = await monitorVoorKwartaal(actor, jaar, kwartaal);
  const rijen = filterMonitor(monitor.rijen, filter);
  await schrijfAudit({
    actor,
    actie: "export.monitor",
    details: { jaar, kwartaal, filter, aantal: rijen.length },
    ...herkomst,
  });
  const csv = csvTekst([[...MONITOR_CSV_KOLOMMEN], ...monitorCsvRijen(rijen)]);
  return csvBijlage(csv, `swi-monitor-${jaar}-k${kwartaal}.csv`);
});
