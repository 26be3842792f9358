import fs from "node:fs";
import path from "node:path";

/** A page or route handler as Next.js serves it, found by walking app/. */
export interface GevondenRoute {
  /** The URL with Next's dynamic segments left in: /berichtgever/[code]/leveringen/[id]. */
  patroon: string;
  soort: "pagina" | "route";
  /** GET for a page; the exported HTTP methods for a route handler. */
  methoden: string[];
  bestand: string;
}

const HTTP_METHODEN = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The HTTP methods a route.ts exports, read from its source: `export const GET =`, `export
 * async function POST(`, and `export { handler as GET, POST } [from "…"]`. Anything else is not
 * a method Next would serve, so reading the source is enough; a route without any fails loudly.
 */
export function geexporteerdeMethoden(bron: string): string[] {
  const gevonden = new Set<string>();
  for (const m of bron.matchAll(/export\s+(?:async\s+)?(?:const|let|var|function)\s+([A-Z]+)\b/g)) gevonden.add(m[1]!);
  for (const m of bron.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const deel of m[1]!.split(",")) {
      const naam = deel
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (naam) gevonden.add(naam);
    }
  }
  return HTTP_METHODEN.filter((m) => gevonden.has(m));
}

/** Folder names that are not part of the URL: route groups, private folders, parallel slots. */
function telMeeInUrl(segment: string): boolean {
  return !/^\(.*\)$/.test(segment) && !segment.startsWith("@");
}

export function routesInApp(appMap = path.resolve("app")): GevondenRoute[] {
  const uit: GevondenRoute[] = [];
  const loop = (map: string) => {
    for (const e of fs.readdirSync(map, { withFileTypes: true })) {
      const p = path.join(map, e.name);
      if (e.isDirectory()) {
        // Next.js serves nothing from a folder whose name starts with an underscore.
        if (!e.name.startsWith("_")) loop(p);
        continue;
      }
      const pagina = /^page\.(tsx|ts|jsx|js|mdx)$/.test(e.name);
      const route = /^route\.(ts|js)$/.test(e.name);
      if (!pagina && !route) continue;
      const segmenten = path.relative(appMap, map).split(path.sep).filter(Boolean).filter(telMeeInUrl);
      const bestand = path.relative(process.cwd(), p);
      const methoden = pagina ? ["GET"] : geexporteerdeMethoden(fs.readFileSync(p, "utf8"));
      if (methoden.length === 0) throw new Error(`${bestand} exporteert geen HTTP-methode`);
      uit.push({ patroon: `/${segmenten.join("/")}`, soort: pagina ? "pagina" : "route", methoden, bestand });
    }
  };
  loop(appMap);
  return uit.sort((a, b) => a.patroon.localeCompare(b.patroon));
}

/** Fills in the dynamic segments; a segment without a value is an error, not a silent guess. */
export function vulIn(patroon: string, waarden: Record<string, string>): string {
  return patroon.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, naam: string) => {
    const w = waarden[naam];
    if (w === undefined) throw new Error(`Geen waarde voor het segment [${naam}] in ${patroon}`);
    return w;
  });
}
