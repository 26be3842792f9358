import { vereisActor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/berichtgevers/toegang";
import { weigerPrefetch } from "@/lib/prefetch";
import { GeenSpiegelrapport, spiegelrapportVoorActor } from "./data";
import type { SpiegelrapportGegevens } from "./gegevens";
import { spiegelrapportParams } from "./parameters";
import { bestandsnaamStam } from "./weergave";

/**
 * A session route handler that downloads the spiegelrapport in one format. Counts only, no
 * person-level data, so no audit entry (the signaleringslijst has one).
 */
export function spiegelrapportDownload(
  extensie: "pdf" | "csv",
  contentType: string,
  maak: (g: SpiegelrapportGegevens) => Promise<Buffer | string> | Buffer | string,
) {
  return async (req: Request, ctx: { params: Promise<unknown> }): Promise<Response> => {
    const prefetch = weigerPrefetch(req);
    if (prefetch) return prefetch;
    const actor = await vereisActor();
    const params = spiegelrapportParams.safeParse(await ctx.params);
    if (!params.success) return nietGevonden();
    let gegevens: SpiegelrapportGegevens;
    try {
      gegevens = await spiegelrapportVoorActor(actor, params.data.id, params.data.code);
    } catch (e) {
      if (e instanceof NietGevonden || e instanceof GeenSpiegelrapport) return nietGevonden();
      throw e;
    }
    const inhoud = await maak(gegevens);
    const naam = `spiegelrapport_${bestandsnaamStam(gegevens.levering.bestandsnaam)}.${extensie}`;
    return new Response(typeof inhoud === "string" ? inhoud : new Uint8Array(inhoud), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${naam}"`,
        "Cache-Control": "private, no-store",
      },
    });
  };
}

function nietGevonden(): Response {
  return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
