import { NextResponse } from "next/server";
import { huidigeActor, type Actor } from "@/lib/auth/actor";
import { herkomst } from "@/lib/client-adres";
import { weigerPrefetch } from "@/lib/prefetch";
import type { Herkomst } from "./context";

/**
 * The guard of every route handler under app/beheer (downloads, exports). The /beheer layout
 * guards pages only; a route handler runs without it, so it checks here: anonymous visitors go to
 * the login page, anyone signed in who is not CBS staff gets 403.
 */
export function cbsRoute(handler: (ctx: { actor: Actor; req: Request; herkomst: Herkomst }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    // Every route here is an export or download that is audited: never for a prefetch.
    const prefetch = weigerPrefetch(req);
    if (prefetch) return prefetch;
    const actor = await huidigeActor();
    if (!actor) {
      const url = new URL(req.url);
      const login = new URL("/inloggen", url);
      login.searchParams.set("callbackUrl", url.pathname + url.search);
      return NextResponse.redirect(login, 303);
    }
    if (actor.rol !== "CBS") {
      return new NextResponse("Geen toegang: deze pagina is alleen voor medewerkers van het CBS.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    return handler({ actor, req, herkomst: herkomst(req.headers) });
  };
}

/** A CSV download: UTF-8 with BOM so Excel shows é and ë, and never cached. */
export function csvAntwoord(body: ReadableStream<Uint8Array> | string, bestandsnaam: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bestandsnaam}"`,
      "Cache-Control": "no-store",
    },
  });
}
