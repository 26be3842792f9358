import { Readable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { csvStroom } from "@/lib/swi/tabel";
import { schrijfAudit } from "@/lib/audit";
import { cbsRoute, csvAntwoord } from "@/lib/beheer/route";
import { alleAuditRijen, AUDIT_CSV_KOLOMMEN, auditCsvRij, auditFilterSchema } from "@/lib/beheer/auditlog";

/** The audit log as CSV, streamed in batches (it can be long), with the page's filter. */
export const GET = cbsRoute(async ({ actor, req, herkomst }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) {
    return new Response(`Ongeldig filter: ${parsed.error.issues.map((i) => i.message).join("; ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  await schrijfAudit({ actor, actie: "export.auditlog", details: { filter: parsed.data }, ...herkomst });
  const db = getDb();
  const csv = csvStroom();
  void (async () => {
    try {
      csv.write(AUDIT_CSV_KOLOMMEN);
      for await (const r of alleAuditRijen(db, parsed.data)) {
        if (!csv.write(auditCsvRij(r))) await new Promise((res) => csv.once("drain", res));
      }
      csv.end();
    } catch (e) {
      csv.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  const datum = new Date().toISOString().slice(0, 10);
  return csvAntwoord(Readable.toWeb(csv) as ReadableStream<Uint8Array>, `swi-auditlog-${datum}.csv`);
});
