import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Only the person's press on the confirmation page may use a sign-in token. That POST
 * (app/api/inloggen/bevestigen) sets a short-lived SameSite=Strict cookie bound to the token and
 * redirects to next-auth's callback; the callback is refused without it. A GET of the callback
 * made by another site (login CSRF: the attacker's token in the victim's browser), by a link
 * scanner or by a pasted link carries no such cookie and lands on the confirmation page instead,
 * with the token still unused.
 */
export const BEVESTIGING_COOKIE = "swi-inlogbevestiging";
export const CALLBACK_PAD = "/api/auth/callback/email";
const GELDIG_SECONDEN = 120;

function waarde(token: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`inlogbevestiging:${token}`).digest("hex");
}

export function bevestigingsCookie(token: string): string {
  const veilig = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${BEVESTIGING_COOKIE}=${waarde(token)}; Path=${CALLBACK_PAD}; Max-Age=${GELDIG_SECONDEN}; HttpOnly; SameSite=Strict${veilig}`;
}

export function wisBevestigingsCookie(): string {
  return `${BEVESTIGING_COOKIE}=; Path=${CALLBACK_PAD}; Max-Age=0; HttpOnly; SameSite=Strict`;
}

function cookieWaarde(req: Request, naam: string): string | null {
  for (const deel of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = deel.trim().split("=");
    if (k === naam) return v.join("=");
  }
  return null;
}

/** The callback request comes from the confirmation page's POST for this very token. */
export function isBevestigd(req: Request): boolean {
  const token = new URL(req.url).searchParams.get("token");
  const cookie = cookieWaarde(req, BEVESTIGING_COOKIE);
  if (!token || !cookie) return false;
  const verwacht = Buffer.from(waarde(token));
  const gekregen = Buffer.from(cookie);
  return verwacht.length === gekregen.length && timingSafeEqual(verwacht, gekregen);
}

/**
 * Where to go after signing in: a path of the portal. next-auth hands the callback on as an
 * absolute URL (http://portal/berichtgever/…), so one on the portal's own origin is reduced to its
 * path; anything else (another site, "//evil", "/\evil") goes to the start page.
 */
export function terugpad(callbackUrl: string | null | undefined, appUrl: string = env().APP_URL): string {
  if (!callbackUrl) return "/";
  const basis = new URL(appUrl);
  let url: URL;
  try {
    url = new URL(callbackUrl, basis);
  } catch {
    return "/";
  }
  if (url.origin !== basis.origin) return "/";
  if (callbackUrl.startsWith("/") && /^\/[/\\]/.test(callbackUrl)) return "/";
  return `${url.pathname}${url.search}${url.hash}` || "/";
}
