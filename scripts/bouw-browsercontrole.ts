/**
 * Bundles the upload page's check (lib/browsercontrole/worker.ts with lib/swi) into one Web Worker
 * script under public/, served from the portal's own origin (CSP worker-src 'self'). Built apart
 * from Next so lib/swi's Node Buffer can be shimmed for this bundle alone and its size measured.
 * Runs before every build (npm run build/dev, scripts/lib/portaal.ts zorgVoorBuild); ~0.2 s.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { buildSync } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
export const WORKER_BESTAND = path.join(ROOT, "public", "browsercontrole", "controle-worker.js");

export function bouwBrowsercontrole(): { bytes: number; gzip: number } {
  const shim = path.join(ROOT, "lib", "browsercontrole", "buffer-shim.ts");
  buildSync({
    entryPoints: [path.join(ROOT, "lib", "browsercontrole", "worker.ts")],
    outfile: WORKER_BESTAND,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    alias: { "node:buffer": shim },
    inject: [shim],
    tsconfig: path.join(ROOT, "tsconfig.json"),
    legalComments: "none",
    logLevel: "warning",
  });
  const inhoud = fs.readFileSync(WORKER_BESTAND);
  return { bytes: inhoud.length, gzip: zlib.gzipSync(inhoud, { level: 9 }).length };
}

if (require.main === module) {
  const { bytes, gzip } = bouwBrowsercontrole();
  console.log(`browsercontrole: ${path.relative(ROOT, WORKER_BESTAND)}, ${bytes} bytes, ${gzip} bytes gzip`);
}
