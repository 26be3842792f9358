/**
 * Route handlers for the file downloads under /berichtgever/[code]/leveringen/[id]/, on the one
 * request layer (lib/http/route.ts): 404 for what the actor may not see, a Dutch sentence for a
 * refusal, and the file itself as an attachment that no cache keeps.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { schrijfAudit } from "@/lib/audit";
import { bijlage } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { csvTekst } from "@/lib/swi/tabel";
import { alleFouten } from "./data";
import { openSignaleringslijst, type DownloadFormaat } from "./signaleringslijst-download";
import { vereisRecht } from "@/lib/auth/actor";

const leveringParams = z.object({ code: z.string(), id: z.string() });

export function signaleringslijstDownloadRoute(formaat: DownloadFormaat) {
  return route({ toegang: "sessie", vorm: "tekst", params: leveringParams }, async ({ actor, params }) => {
    const d = await openSignaleringslijst(actor, params.id, formaat, { code: params.code });
    return bijlage(Readable.toWeb(d.stroom) as ReadableStream, d.bestandsnaam, d.contentType);
  });
}

/**
 * fouten.csv: every stored technical error of a delivery. Messages can quote a BSN from the file,
 * so this is a person-level download: contact person and staff only, and audited. The tenant
 * comes first (another berichtgever's delivery is "niet gevonden" whatever the role).
 */
export const foutenCsvRoute = route(
  { toegang: "sessie", vorm: "tekst", params: leveringParams },
  async ({ actor, params, herkomst }) => {
    const r = await alleFouten(actor, params.id, params.code);
    vereisRecht(actor, "persoonsgegevensDownloaden");
    const csv = csvTekst([
      ["Nr.", "Regelnummer", "Kenmerk", "Controle", "Melding"],
      ...r.fouten.map((f) => [f.volgnummer, f.regelnummer, f.kenmerk, f.regel, f.bericht]),
    ]);
    await schrijfAudit({
      actor,
      actie: "download.fouten",
      doelType: "levering",
      doelId: r.levering.id,
      berichtgeverId: r.levering.berichtgeverId,
      details: { bestandsnaam: r.levering.bestandsnaam, aantal: r.fouten.length },
      ...herkomst,
    });
    const naam = `fouten_${r.levering.bestandsnaam.replace(/\.xml$/i, "").replace(/[^A-Za-z0-9_-]/g, "_")}.csv`;
    return bijlage(csv, naam, "text/csv; charset=utf-8");
  },
);
