/**
 * The one wrapper around every route handler. It decides, in this order and the same way
 * everywhere: a prefetch never runs the handler (lib/prefetch.ts), who is asking (a session, CBS
 * staff, or a vendor's API token), whether the route's parameters are valid (else 404), what their
 * role may do (RECHTEN), and how every refusal or outage is answered (lib/http/antwoord.ts).
 *
 * `vorm` says who reads the answer: "json" a script (errors as `{ melding, code? }`), "tekst" a
 * browser following a download link (errors as a Dutch sentence; without a session, the sign-in
 * page and back).
 */
import type { ZodType } from "zod";
import { heeftRecht, huidigeActor, WEIGERING, type Actor, type Recht } from "@/lib/auth/actor";
import { verifieerBearer, type ApiTokenActor } from "@/lib/api-tokens/verificatie";
import { herkomst, type Herkomst } from "@/lib/client-adres";
import { tel } from "@/lib/limieten";
import { weigerPrefetch } from "@/lib/prefetch";
import { databaseOnbereikbaar, databaseStoring, type StoringBij } from "@/lib/storing";
import { foutAntwoord, foutJson, json, type Vorm } from "./antwoord";
import { GeenRecht, NietGevonden, PortaalFout } from "./fouten";

/** Who may ask: anyone signed in, CBS staff (the right "beheer"), or a vendor's API token. */
export type Toegang = "sessie" | "cbs" | "token";

type ActorVoor<T extends Toegang> = T extends "token" ? ApiTokenActor : Actor;

export interface RouteOpties<T extends Toegang, P> {
  toegang: T;
  vorm: Vorm;
  /** The dynamic segments; a value that does not parse is "niet gevonden". */
  params?: ZodType<P>;
  /** What the role must be allowed (RECHTEN); without it, GeenRecht (403). */
  recht?: Recht;
  /** What an outage interrupted, for its message (a chunked upload keeps its parts). */
  storingBij?: StoringBij;
}

export interface VerzoekContext<A extends Actor, P> {
  actor: A;
  params: P;
  req: Request;
  herkomst: Herkomst;
}

type RouteContext = { params?: Promise<unknown> };

/** next-auth's session cookie, with or without the __Secure- prefix. */
const SESSIECOOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

const REALM = 'Bearer realm="SWI berichtgeversportaal"';

export function route<T extends Toegang, P = Record<string, never>>(
  opties: RouteOpties<T, P>,
  handler: (ctx: VerzoekContext<ActorVoor<T>, P>) => Promise<Response | unknown>,
) {
  // Next passes no params object to routes without dynamic segments.
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const prefetch = weigerPrefetch(req);
    if (prefetch) return prefetch;
    try {
      const actor = await wieVraagt(req, opties);
      if (actor instanceof Response) return actor;
      for (const recht of opties.toegang === "cbs" ? ["beheer" as const, opties.recht] : [opties.recht]) {
        if (recht && !heeftRecht(actor, recht)) throw new GeenRecht(WEIGERING[recht]);
      }
      const ruw = (await ctx?.params) ?? {};
      const params = opties.params ? opties.params.safeParse(ruw) : { success: true as const, data: ruw as P };
      if (!params.success) throw new NietGevonden();
      const uitkomst = await handler({
        actor: actor as ActorVoor<T>,
        params: params.data,
        req,
        herkomst: herkomst(req.headers),
      });
      return uitkomst instanceof Response ? uitkomst : json(uitkomst);
    } catch (e) {
      return foutAntwoord(e, req, opties.vorm, opties.storingBij);
    }
  };
}

/** The actor, or the answer for someone who is not signed in (or whose token is not valid). */
async function wieVraagt(req: Request, opties: RouteOpties<Toegang, unknown>): Promise<Actor | Response> {
  if (opties.toegang === "token") return tokenActor(req);
  const actor = await huidigeActor();
  if (actor) return actor;
  if (opties.vorm === "tekst") {
    const url = new URL(req.url);
    const login = new URL("/inloggen", url);
    login.searchParams.set("callbackUrl", url.pathname + url.search);
    return Response.redirect(login, 303);
  }
  // next-auth reports a session it could not look up as "no session"; with a session cookie that
  // may be the database, and "log in again" would then be the wrong advice.
  if (SESSIECOOKIE.test(req.headers.get("cookie") ?? "") && (await databaseOnbereikbaar())) {
    const s = databaseStoring();
    return foutJson(s.status, s.melding, { code: s.code }, s.headers);
  }
  return foutJson(401, "U bent niet ingelogd.");
}

/** RFC 6750: 401 with a challenge, `invalid_token` when a token was sent but is unknown or revoked. */
async function tokenActor(req: Request): Promise<ApiTokenActor | Response> {
  const authorization = req.headers.get("authorization");
  const actor = await verifieerBearer(authorization);
  if (!actor) {
    return foutJson(
      401,
      authorization
        ? "De API-token is ongeldig of ingetrokken. Vraag de contactpersoon van uw berichtgever om een nieuwe token."
        : 'Stuur een API-token mee in de header "Authorization: Bearer <token>".',
      {},
      { "WWW-Authenticate": authorization ? `${REALM}, error="invalid_token"` : REALM },
    );
  }
  const limiet = await tel("api", actor.apiToken.id);
  if (!limiet.toegestaan) {
    throw new PortaalFout("te-veel", "Te veel verzoeken met dit token. Probeer het later opnieuw.", {
      headers: { "Retry-After": String(limiet.wachtSeconden) },
    });
  }
  return actor;
}
