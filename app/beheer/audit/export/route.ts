import { Readable } from "node:stream";
import { csvStroom } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { csvBijlage } from "@/lib/http/antwoord";
import { PortaalFout } from "@/lib/http/fouten";
import { route } from "@/lib/http/route";
import { alleAuditRijen, AUDIT_CSV_KOLOMMEN, auditCsvRij, auditFilterSchema } from "@/lib/beheer/auditlog";

/** The audit log as CSV, streamed in batches (it can be long), with the page's filter. */
export const GET = route({ toegang: "cbs", vorm: "tekst" }, async ({ actor, req, herkomst }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) {
    throw new PortaalFout("ongeldig", `Ongeldig filter: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  await schrijfAudit({ actor, actie: "export.auditlog", details: { filter: parsed.data }, ...herkomst });
  const csv = csvStroom();
  void (async () => {
    try {
      csv.write(AUDIT_CSV_KOLOMMEN);
      for await (const r of alleAuditRijen(actor, parsed.data)) {
        if (!csv.write(auditCsvRij(r))) await new Promise((res) => csv.once("drain", res));
      }
      csv.end();
    } catch (e) {
      csv.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  const datum = new Date().toISOString().slice(0, 10);
  return csvBijlage(Readable.toWeb(csv) as ReadableStream<Uint8Array>, `swi-auditlog-${datum}.csv`);
});
