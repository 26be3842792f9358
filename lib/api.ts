import { NextResponse } from "next/server";
import type { ZodType } from "zod";
import { huidigeActor, type Actor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/berichtgevers/toegang";
import { databaseOnbereikbaar, databaseStoring, storingAntwoord, storingVan } from "@/lib/storing";

/** next-auth's session cookie, with or without the __Secure- prefix. */
const SESSIECOOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/**
 * The one wrapper around every session-authenticated JSON route: who is asking, validated
 * input, and the same answers everywhere (401 anonymous, 404 for what the actor may not see, 503
 * with a Dutch message while the database is unreachable).
 */
export function apiRoute<P>(
  paramsSchema: ZodType<P>,
  handler: (ctx: { actor: Actor; params: P; req: Request }) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx: { params: Promise<unknown> }) => {
    try {
      const actor = await huidigeActor();
      if (!actor) {
        // next-auth reports a session it could not look up as "no session"; with a session cookie
        // that may be the database, and "log in again" would then be the wrong advice.
        if (SESSIECOOKIE.test(req.headers.get("cookie") ?? "") && (await databaseOnbereikbaar())) {
          return storingAntwoord(databaseStoring());
        }
        return NextResponse.json({ fout: "Niet ingelogd" }, { status: 401 });
      }
      const parsed = paramsSchema.safeParse(await ctx.params);
      if (!parsed.success) return NextResponse.json({ fout: "Niet gevonden" }, { status: 404 });
      const result = await handler({ actor, params: parsed.data, req });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (e instanceof NietGevonden) return NextResponse.json({ fout: "Niet gevonden" }, { status: 404 });
      const storing = storingVan(e);
      if (storing) {
        console.error(
          `${req.method} ${new URL(req.url).pathname}: ${storing.code}:`,
          e instanceof Error ? e.message : e,
        );
        return storingAntwoord(storing);
      }
      throw e;
    }
  };
}
