import { NextResponse, type NextRequest } from "next/server";

/**
 * Keeps anonymous visitors out of the portal pages and sets the per-request CSP nonce.
 * Only the presence of a session cookie is checked here; whether the session is valid
 * (and not revoked) is decided against the database by every page and route (lib/auth).
 */
const PUBLIEK = [
  /^\/inloggen(\/|$)/,
  /^\/api\/inloggen\//,
  /^\/api\/auth\//,
  /^\/api\/v1\//, // vendor API: bearer tokens, checked by the route itself
  /^\/api\/health$/,
  /^\/ontwikkeling\/postvak$/, // exists only in embedded mode; the page itself returns 404 otherwise
  /^\/formaat(\/|$)/,
  /^\/uitloggen$/,
];

const SESSIE_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const VEILIGE_METHODEN = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request to a session route that another site made the browser send. SameSite=Lax
 * keeps the session cookie off cross-site requests, but not off those from a sibling subdomain
 * (same site) or from browsers without SameSite, and route handlers, unlike server actions, get no
 * Origin check from Next.js. Browsers always send Sec-Fetch-Site or at least Origin with such a
 * request; a request with neither does not come from a browser page and carries no one's cookie
 * unwillingly.
 */
function vanAndereHerkomst(request: NextRequest): boolean {
  if (VEILIGE_METHODEN.has(request.method)) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const eigen = [request.nextUrl.origin];
  if (process.env.APP_URL) eigen.push(new URL(process.env.APP_URL).origin);
  return !eigen.includes(origin);
}

function csp(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The upload page's check runs in a Web Worker from /browsercontrole/; 'strict-dynamic' above
    // would otherwise refuse it (workers fall back to script-src, and no nonce reaches a worker).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Server actions (POSTs to pages) get the same check from Next.js itself; /api/v1 is not matched.
  if (pathname.startsWith("/api/") && vanAndereHerkomst(request)) {
    return NextResponse.json({ fout: "Ongeldige herkomst van het verzoek." }, { status: 403 });
  }
  const ingelogd = SESSIE_COOKIES.some((c) => request.cookies.has(c));
  if (!ingelogd && !PUBLIEK.some((p) => p.test(pathname))) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ fout: "Niet ingelogd" }, { status: 401 });
    }
    const url = request.nextUrl.clone();
    url.pathname = "/inloggen";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = csp(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api/v1/: while a proxy runs, Next buffers the request body in memory to let it read it
      // (and cuts it at proxyClientMaxBodySize, 10 MB), which would break 200 MB API uploads. The
      // v1 routes check their bearer token themselves and set their own headers.
      // Prefetches are not left out: anyone can send a prefetch header, and skipping them would
      // skip the cross-site check as well.
      source: "/((?!_next/static|_next/image|favicon.ico|api/v1/).*)",
    },
  ],
};
