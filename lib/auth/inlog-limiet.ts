import { clientAdres } from "@/lib/client-adres";
import { env } from "@/lib/env";
import { tel } from "@/lib/limieten";
import { foutJson } from "@/lib/http/antwoord";
import { normaliseerEmail } from "@/lib/auth/adapter";
import { portaalUrl } from "@/lib/http/adres";

/**
 * next-auth reads a JSON body as well as a form (the type is matched by substring, JSON first) and
 * keeps the last of duplicate fields. The limit must count the very address next-auth will mail,
 * so only a plain form is let through, and no field may appear twice. The browser's sign-in form
 * sends exactly that.
 */
const FORMULIER = /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A sign-in request is a few hundred bytes; more is not a person asking for a link. */
const MAX_BODY_TEKENS = 8_192;

function weiger(status: number, melding: string): Response {
  return foutJson(status, melding);
}

/**
 * Limits requests for a sign-in mail, per address and per client address (lib/client-adres.ts).
 * Every address counts alike, known or not, so the limit tells nothing about which addresses
 * exist. `nextauth` is the route's catch-all segment as next-auth itself reads it (decoded), so no
 * spelling of the path escapes the count. A refused limit answers in the shape next-auth's client
 * expects (`{ url }` with an error code), with status 429 and Retry-After.
 */
export async function beperkInlogverzoek(req: Request, nextauth: string[] | undefined): Promise<Response | null> {
  if (req.method !== "POST" || nextauth?.[0] !== "signin" || nextauth[1] !== "email") return null;
  if (!FORMULIER.test(req.headers.get("content-type") ?? "")) {
    return weiger(415, "Een inloglink vraagt u aan met het inlogformulier (application/x-www-form-urlencoded).");
  }
  const tekst = await req.clone().text();
  if (tekst.length > MAX_BODY_TEKENS) return weiger(413, "Het verzoek om een inloglink is te groot.");
  const velden = new URLSearchParams(tekst);
  const namen = [...velden.keys()];
  if (new Set(namen).size !== namen.length) {
    return weiger(400, "Het verzoek om een inloglink bevat een veld meer dan één keer.");
  }
  const email = normaliseerEmail(velden.get("email") ?? "");
  const oordelen = await Promise.all([
    tel("inlogPerIp", clientAdres(req.headers, env().SWI_VERTROUWDE_PROXIES) ?? "onbekend"),
    email ? tel("inlogPerAdres", email) : Promise.resolve({ toegestaan: true, wachtSeconden: 0 }),
  ]);
  const geweigerd = oordelen.find((o) => !o.toegestaan);
  if (!geweigerd) return null;
  return Response.json(
    { url: portaalUrl("/inloggen/fout?error=TeVeelPogingen") },
    { status: 429, headers: { "Retry-After": String(geweigerd.wachtSeconden) } },
  );
}
