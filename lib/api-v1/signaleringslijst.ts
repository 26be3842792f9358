import { Readable } from "node:stream";
import type { ApiTokenActor } from "@/lib/api-tokens/verificatie";
import { leveringFilter } from "@/lib/berichtgevers/toegang";
import { NietGevonden } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import { openSignaleringslijst } from "@/lib/leveringen/signaleringslijst-download";
import { isEindstatus } from "@/lib/leveringen/status";
import { bijlage } from "@/lib/http/antwoord";
import { geenUitkomstFout } from "./leveringen";

/**
 * GET /api/v1/leveringen/{id}/signaleringslijst: the CSV, through the portal's own download
 * (tenant first → 404, then the right → 403, then availability → 410; audited before the first
 * byte, with the token as actor).
 */
export async function signaleringslijstCsv(actor: ApiTokenActor, id: string): Promise<Response> {
  let download;
  try {
    download = await openSignaleringslijst(actor, id, "csv");
  } catch (e) {
    if (e instanceof NietGevonden) throw await waaromGeenLijst(actor, id);
    throw e;
  }
  return bijlage(
    Readable.toWeb(download.stroom) as unknown as ReadableStream<Uint8Array>,
    download.bestandsnaam,
    download.contentType,
  );
}

/** A visible delivery without a list is either still in progress (409) or has none (404). */
async function waaromGeenLijst(actor: ApiTokenActor, id: string): Promise<Error> {
  const l = await getDb().levering.findFirst({ where: { id, ...leveringFilter(actor) }, select: { status: true } });
  if (l && (!isEindstatus(l.status) || l.status === "AFGEKEURD"))
    return geenUitkomstFout(l.status, "signaleringslijst");
  return new NietGevonden();
}
