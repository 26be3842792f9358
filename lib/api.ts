import { NextResponse } from "next/server";
import type { ZodType } from "zod";
import { huidigeActor, type Actor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/berichtgevers/toegang";

/**
 * The one wrapper around every session-authenticated JSON route: who is asking, validated
 * input, and the same answers everywhere (401 anonymous, 404 for what the actor may not see).
 */
export function apiRoute<P>(
  paramsSchema: ZodType<P>,
  handler: (ctx: { actor: Actor; params: P; req: Request }) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx: { params: Promise<unknown> }) => {
    const actor = await huidigeActor();
    if (!actor) return NextResponse.json({ fout: "Niet ingelogd" }, { status: 401 });
    const parsed = paramsSchema.safeParse(await ctx.params);
    if (!parsed.success) return NextResponse.json({ fout: "Niet gevonden" }, { status: 404 });
    try {
      const result = await handler({ actor, params: parsed.data, req });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (e instanceof NietGevonden) return NextResponse.json({ fout: "Niet gevonden" }, { status: 404 });
      throw e;
    }
  };
}
