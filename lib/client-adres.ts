/**
 * The address a request came from, for the audit log and the per-IP limits. X-Forwarded-For is
 * written by whoever sends the request: only the entries that our own proxies appended can be
 * believed, so the configured number of trusted hops (SWI_VERTROUWDE_PROXIES) decides which entry
 * counts, counted from the right. Without trusted proxies the TCP peer is the client.
 *
 * Next.js gives route handlers and server actions no socket; `next start` only fills in
 * X-Forwarded-For when the client sent none, so the peer is lost exactly when it matters. Our own
 * server (scripts/server.ts) therefore puts the peer in SOCKET_ADRES_HEADER, overwriting any copy
 * the client sent.
 */
import { env } from "@/lib/env";

export const SOCKET_ADRES_HEADER = "x-swi-socket-adres";

/** Maximum stored length of a user agent: the client chooses it, the audit log keeps it forever. */
export const MAX_USER_AGENT = 512;

interface Kopregels {
  get(naam: string): string | null;
}

/**
 * `vertrouwdeProxies` 0: the socket peer. N > 0: the Nth address from the right of
 * X-Forwarded-For (each trusted proxy appends the address it saw, so the rightmost N were written
 * by us); a shorter list was written by our proxies alone, so its leftmost entry is the client.
 * Null when the address cannot be known (a request that did not come through our server).
 */
export function clientAdres(headers: Kopregels, vertrouwdeProxies: number): string | null {
  if (vertrouwdeProxies <= 0) return schoon(headers.get(SOCKET_ADRES_HEADER));
  const keten = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (keten.length === 0) return schoon(headers.get(SOCKET_ADRES_HEADER));
  return schoon(keten[Math.max(0, keten.length - vertrouwdeProxies)]);
}

/** `::ffff:192.0.2.1` (IPv4 on a dual-stack socket) is the same client as `192.0.2.1`. */
function schoon(adres: string | null | undefined): string | null {
  const a = adres?.trim();
  if (!a) return null;
  return a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 100);
}

export function userAgent(headers: Kopregels): string | null {
  return headers.get("user-agent")?.slice(0, MAX_USER_AGENT) ?? null;
}

/** Where a request came from, as the audit log records it. */
export interface Herkomst {
  ip: string | null;
  userAgent: string | null;
}

/** Where the current request came from, as the audit log records it. */
export function herkomst(headers: Kopregels): Herkomst {
  return { ip: clientAdres(headers, env().SWI_VERTROUWDE_PROXIES), userAgent: userAgent(headers) };
}
