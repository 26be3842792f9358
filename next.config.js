/** @type {import('next').NextConfig} */
const isProduction = process.env.NODE_ENV === "production";

// Headers that do not depend on the request; the CSP with its per-request nonce is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(isProduction && (process.env.APP_URL ?? "").startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
    : []),
];

const nextConfig = {
  // Parallel e2e runs (several developers' checkouts on one machine) build into their own folder.
  distDir: process.env.SWI_NEXT_DIR || ".next",
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // `npm run typecheck` checks the whole project in CI; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg-boss",
    "exceljs",
    "yauzl",
    "saxes",
    // Spiegelrapport PDF (reads its font metrics from its own package folder), server-side charts, API uploads.
    "pdfkit",
    "svg-to-pdfkit",
    "linkedom",
    "busboy",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
