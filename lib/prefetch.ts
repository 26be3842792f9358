/**
 * Requests made ahead of a person's click: Next's router prefetch (and its RSC fetches, which never
 * save a file), the browser's prefetch/prerender (Speculation Rules, <link rel=prefetch>), and
 * Firefox's older X-Moz. A download or export answered to one of these would be written to the
 * audit log for a download that never happened, so they are refused before anything is read.
 */
export function isPrefetch(h: Headers): boolean {
  if (h.has("next-router-prefetch") || h.has("rsc") || h.has("next-router-state-tree")) return true;
  const doel = `${h.get("purpose") ?? ""} ${h.get("sec-purpose") ?? ""} ${h.get("x-purpose") ?? ""} ${h.get("x-moz") ?? ""}`;
  return /prefetch|prerender|preview/i.test(doel);
}

/**
 * The answer of a download or export route to a prefetch: 204 without a body, not cached, so the
 * real click later fetches the file itself. Null for a real request.
 */
export function weigerPrefetch(req: Request): Response | null {
  if (!isPrefetch(req.headers)) return null;
  return new Response(null, {
    status: 204,
    headers: { "Cache-Control": "no-store", Vary: "Next-Router-Prefetch, RSC, Purpose, Sec-Purpose" },
  });
}
