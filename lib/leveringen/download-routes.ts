/**
 * Route handlers for the file downloads under /berichtgever/[code]/leveringen/[id]/. They answer
 * like the pages: 404 for what the actor may not see, plain Dutch text for refusals, and the file
 * itself as an attachment that no cache keeps.
 */
import { Readable } from "node:stream";
import { heeftRecht, huidigeActor } from "@/lib/auth/actor";
import { schrijfAudit } from "@/lib/audit";
import { NietGevonden } from "@/lib/berichtgevers/toegang";
import { weigerPrefetch } from "@/lib/prefetch";
import { csvTekst } from "@/lib/swi/tabel";
import { alleFouten } from "./data";
import {
  GeenDownloadRecht,
  openSignaleringslijst,
  SignaleringslijstVerlopen,
  type DownloadFormaat,
} from "./signaleringslijst-download";

type Context = { params: Promise<{ code: string; id: string }> };

function tekst(status: number, bericht: string): Response {
  return new Response(bericht, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function bijlage(body: BodyInit, bestandsnaam: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${bestandsnaam}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const NIET_GEVONDEN = "Niet gevonden.";

export function signaleringslijstDownloadRoute(formaat: DownloadFormaat) {
  return async (req: Request, ctx: Context): Promise<Response> => {
    const prefetch = weigerPrefetch(req);
    if (prefetch) return prefetch;
    const actor = await huidigeActor();
    if (!actor) return tekst(401, "U bent niet ingelogd.");
    const { code, id } = await ctx.params;
    try {
      const d = await openSignaleringslijst(actor, id, formaat, { code });
      return bijlage(Readable.toWeb(d.stroom) as ReadableStream, d.bestandsnaam, d.contentType);
    } catch (e) {
      if (e instanceof NietGevonden) return tekst(404, NIET_GEVONDEN);
      if (e instanceof GeenDownloadRecht) return tekst(403, e.message);
      if (e instanceof SignaleringslijstVerlopen) return tekst(410, e.message);
      throw e;
    }
  };
}

/**
 * fouten.csv: every stored technical error of a delivery. Messages can quote a BSN from the file,
 * so this is a person-level download: contact person and staff only, and audited.
 */
export async function foutenCsvRoute(req: Request, ctx: Context): Promise<Response> {
  const prefetch = weigerPrefetch(req);
  if (prefetch) return prefetch;
  const actor = await huidigeActor();
  if (!actor) return tekst(401, "U bent niet ingelogd.");
  const { code, id } = await ctx.params;
  let r;
  try {
    r = await alleFouten(actor, id, code);
  } catch (e) {
    if (e instanceof NietGevonden) return tekst(404, NIET_GEVONDEN);
    throw e;
  }
  if (!heeftRecht(actor, "persoonsgegevensDownloaden")) {
    return tekst(403, "Alleen de contactpersoon kan de foutmeldingen downloaden, omdat ze BSN's kunnen bevatten.");
  }
  const csv = csvTekst([
    ["Nr.", "Regelnummer", "Kenmerk", "Controle", "Melding"],
    ...r.fouten.map((f) => [f.volgnummer, f.regelnummer, f.kenmerk, f.regel, f.bericht]),
  ]);
  await schrijfAudit({
    actor: { userId: actor.userId, email: actor.email, rol: actor.rol },
    actie: "download.fouten",
    doelType: "levering",
    doelId: r.levering.id,
    berichtgeverId: r.levering.berichtgeverId,
    details: { bestandsnaam: r.levering.bestandsnaam, aantal: r.fouten.length },
  });
  const naam = `fouten_${r.levering.bestandsnaam.replace(/\.xml$/i, "").replace(/[^A-Za-z0-9_-]/g, "_")}.csv`;
  return bijlage(csv, naam, "text/csv; charset=utf-8");
}
