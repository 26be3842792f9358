/**
 * Starts the SWI command-line tool (`npm run swi`) from one esbuild bundle of bin/swi.ts.
 *
 * Why: transpiling the TypeScript with tsx on every start cost about a second, more than
 * xmllint needs for a whole gemeente file. The bundle is rebuilt here whenever it is missing
 * or any file it was built from changed, so a clean clone and a freshly edited lib/swi both
 * just work; the check costs a few milliseconds of stat calls.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAP = join(ROOT, "var", "swi-cli");
const BUNDEL = join(MAP, "swi.mjs");
const INVOER = join(MAP, "invoer.json");

function isVerouderd() {
  if (!existsSync(BUNDEL) || !existsSync(INVOER)) return true;
  const gebouwd = statSync(BUNDEL).mtimeMs;
  let bestanden;
  try {
    bestanden = JSON.parse(readFileSync(INVOER, "utf8"));
  } catch {
    return true;
  }
  for (const bestand of [...bestanden, "package.json", "scripts/swi.mjs"]) {
    try {
      if (statSync(join(ROOT, bestand)).mtimeMs > gebouwd) return true;
    } catch {
      return true;
    }
  }
  return false;
}

async function bouw() {
  const { build } = await import("esbuild");
  mkdirSync(MAP, { recursive: true });
  const r = await build({
    entryPoints: [join(ROOT, "bin", "swi.ts")],
    outfile: BUNDEL,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    metafile: true,
    logLevel: "error",
    absWorkingDir: ROOT,
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: 'import { createRequire as __swiRequire } from "node:module"; const require = __swiRequire(import.meta.url);',
    },
  });
  // Written under a temporary name and renamed: two first runs at once never see half a bundle.
  const tijdelijk = `${BUNDEL}.${process.pid}.tmp`;
  writeFileSync(tijdelijk, r.outputFiles[0].contents);
  renameSync(tijdelijk, BUNDEL);
  writeFileSync(`${INVOER}.${process.pid}.tmp`, JSON.stringify(Object.keys(r.metafile.inputs)));
  renameSync(`${INVOER}.${process.pid}.tmp`, INVOER);
}

if (isVerouderd()) await bouw();
await import(pathToFileURL(BUNDEL).href);
