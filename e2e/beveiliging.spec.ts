import { test, expect } from "@playwright/test";

test("elke pagina stuurt de beveiligingsheaders mee, met een nieuwe CSP-nonce per verzoek", async ({ request }) => {
  const a = await request.get("/inloggen");
  const b = await request.get("/inloggen");
  for (const res of [a, b]) {
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["cache-control"]).toContain("no-store");
    expect(h["x-powered-by"]).toBeUndefined();
  }
  const nonce = (r: typeof a) => r.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1];
  expect(nonce(a)).not.toBe(nonce(b));
});
