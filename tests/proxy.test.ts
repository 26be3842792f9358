import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

/**
 * The proxy refuses a state-changing request to a session route (/api/…) that another site made a
 * browser send. Route handlers get no Origin check from Next.js (server actions do), and
 * SameSite=Lax lets the session cookie through from a sibling subdomain. e2e/toegangsmatrix.spec.ts
 * proves the same against the production build.
 */

const PORTAAL = "https://swi.cbs.example.nl";
const COOKIE = "next-auth.session-token=abc";

function verzoek(pad: string, method: string, headers: Record<string, string> = {}) {
  return new NextRequest(`${PORTAAL}${pad}`, { method, headers: { cookie: COOKIE, ...headers } });
}

function geweigerd(res: Response): boolean {
  return res.status === 403;
}

afterEach(() => {
  delete process.env.APP_URL;
});

describe("proxy: cross-site requests to session routes", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a %s sent from another site", async (method) => {
    for (const site of ["cross-site", "same-site"]) {
      const res = proxy(verzoek("/api/uploads", method, { "sec-fetch-site": site, origin: "https://evil.example" }));
      expect(res.status, site).toBe(403);
      expect(await res.json()).toEqual({ fout: "Ongeldige herkomst van het verzoek." });
    }
  });

  it("refuses on the Origin alone when the browser sends no Sec-Fetch-Site", () => {
    expect(geweigerd(proxy(verzoek("/api/uploads", "POST", { origin: "https://evil.example" })))).toBe(true);
    expect(geweigerd(proxy(verzoek("/api/uploads", "POST", { origin: "null" })))).toBe(true);
    expect(geweigerd(proxy(verzoek("/api/uploads/u1/voltooien", "POST", { origin: PORTAAL })))).toBe(false);
  });

  it("accepts the portal's own public address as Origin behind a proxy that rewrites the host", () => {
    process.env.APP_URL = "https://portaal.example.nl";
    const intern = new NextRequest("http://10.0.0.5:3000/api/uploads", {
      method: "POST",
      headers: { cookie: COOKIE, origin: "https://portaal.example.nl" },
    });
    expect(geweigerd(proxy(intern))).toBe(false);
  });

  it("lets the portal's own pages, typed addresses and non-browser clients through", () => {
    for (const site of ["same-origin", "none"]) {
      expect(geweigerd(proxy(verzoek("/api/uploads", "POST", { "sec-fetch-site": site, origin: PORTAAL }))), site).toBe(
        false,
      );
    }
    expect(geweigerd(proxy(verzoek("/api/uploads", "POST")))).toBe(false);
  });

  it("does not refuse reads, which change nothing", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const res = proxy(verzoek("/api/berichtgever/0153", method, { "sec-fetch-site": "cross-site" }));
      expect(geweigerd(res), method).toBe(false);
    }
  });

  it("leaves POSTs to pages to Next.js's own server-action check", () => {
    const res = proxy(verzoek("/berichtgever/0153/api-tokens", "POST", { "sec-fetch-site": "cross-site" }));
    expect(geweigerd(res)).toBe(false);
  });
});

describe("proxy: the session cookie", () => {
  it("recognises the __Secure- cookie that an https set-up uses", () => {
    const zonder = proxy(new NextRequest(`${PORTAAL}/berichtgever/0153`));
    expect(zonder.headers.get("location")).toBe(`${PORTAAL}/inloggen?callbackUrl=%2Fberichtgever%2F0153`);
    const met = proxy(
      new NextRequest(`${PORTAAL}/berichtgever/0153`, {
        headers: { cookie: "__Secure-next-auth.session-token=abc" },
      }),
    );
    expect(met.headers.get("location")).toBeNull();
    expect(met.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("proxy: the content security policy", () => {
  it("lets the upload page start its check's worker from the portal itself, and nothing else", () => {
    const beleid = proxy(verzoek("/berichtgever/0153/leveringen/nieuw", "GET")).headers.get("content-security-policy")!;
    const richtlijnen = new Map(beleid.split("; ").map((r) => [r.split(" ")[0], r] as const));
    expect(richtlijnen.get("worker-src")).toBe("worker-src 'self'");
    expect(richtlijnen.get("script-src")).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
    expect(richtlijnen.get("connect-src")).toBe("connect-src 'self'");
  });
});

describe("proxy: which requests it sees", () => {
  const loopt = (url: string, headers: Record<string, string> = {}) =>
    unstable_doesMiddlewareMatch({ config, url, headers });

  it("checks the origin of a state-changing request even when it carries prefetch headers", () => {
    const prefetches: Record<string, string>[] = [
      { "next-router-prefetch": "1" },
      { purpose: "prefetch" },
      { "sec-purpose": "prefetch" },
    ];
    for (const prefetch of prefetches) {
      const headers: Record<string, string> = {
        ...prefetch,
        "sec-fetch-site": "cross-site",
        origin: "https://evil.example",
      };
      expect(loopt("/api/uploads", headers), JSON.stringify(prefetch)).toBe(true);
      expect(geweigerd(proxy(verzoek("/api/uploads", "POST", headers)))).toBe(true);
    }
  });

  it("leaves static files and the vendor API (bearer tokens, large bodies) alone", () => {
    expect(loopt("/_next/static/chunks/app.js")).toBe(false);
    expect(loopt("/api/v1/leveringen")).toBe(false);
    expect(loopt("/berichtgever/0153")).toBe(true);
  });
});
