import { weigerPrefetch } from "@/lib/prefetch";
import { tel } from "@/lib/limieten";
import type { ZodType } from "zod";
import { verifieerBearer, type ApiTokenActor } from "@/lib/api-tokens/verificatie";
import { NietGevonden } from "@/lib/berichtgevers/toegang";
import { storingVan } from "@/lib/storing";
import { ApiFout, foutAntwoord } from "./antwoord";

const REALM = 'Bearer realm="SWI berichtgeversportaal"';

/** RFC 6750: 401 with a challenge; `invalid_token` when a token was sent but is unknown or revoked. */
export function nietGeautoriseerd(tokenMeegestuurd: boolean): Response {
  return foutAntwoord(
    401,
    tokenMeegestuurd
      ? "De API-token is ongeldig of ingetrokken. Vraag de contactpersoon van uw berichtgever om een nieuwe token."
      : 'Stuur een API-token mee in de header "Authorization: Bearer <token>".',
    {},
    { "WWW-Authenticate": tokenMeegestuurd ? `${REALM}, error="invalid_token"` : REALM },
  );
}

export interface V1Context<P> {
  actor: ApiTokenActor;
  params: P;
  req: Request;
}

/**
 * The one wrapper around every token-authenticated v1 route: 401 without a valid token, 404 for
 * unparsable ids and for anything outside the token's berichtgever (NietGevonden), ApiFout as its
 * status, 503/507 with Retry-After during an outage (lib/storing.ts), and a generic 500 that
 * tells nothing about the data.
 */
export function v1Route<P>(paramsSchema: ZodType<P>, handler: (ctx: V1Context<P>) => Promise<Response>) {
  // Next passes no params object to routes without dynamic segments.
  return async (req: Request, ctx?: { params?: Promise<unknown> }): Promise<Response> => {
    try {
      const prefetch = weigerPrefetch(req);
      if (prefetch) return prefetch;
      const authorization = req.headers.get("authorization");
      const actor = await verifieerBearer(authorization);
      if (!actor) return nietGeautoriseerd(Boolean(authorization));
      const limiet = await tel("api", actor.apiToken.id);
      if (!limiet.toegestaan) {
        return foutAntwoord(
          429,
          "Te veel verzoeken met dit token. Probeer het later opnieuw.",
          {},
          {
            "Retry-After": String(limiet.wachtSeconden),
          },
        );
      }
      const parsed = paramsSchema.safeParse((await ctx?.params) ?? {});
      if (!parsed.success) return foutAntwoord(404, "Niet gevonden");
      return await handler({ actor, params: parsed.data, req });
    } catch (e) {
      if (e instanceof NietGevonden) return foutAntwoord(404, "Niet gevonden");
      if (e instanceof ApiFout) return foutAntwoord(e.status, e.melding, e.extra);
      console.error(`API ${req.method} ${new URL(req.url).pathname}:`, e instanceof Error ? e.message : e);
      // The token lookup itself needs the database: an outage is a 503 to retry, not a 500.
      const storing = storingVan(e);
      if (storing) return foutAntwoord(storing.status, storing.melding, { code: storing.code }, storing.headers);
      return foutAntwoord(500, "Er ging iets mis bij het verwerken van uw verzoek. Probeer het later opnieuw.");
    }
  };
}
