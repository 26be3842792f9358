import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPrefetch } from "@/lib/prefetch";

/**
 * Every route handler that hands out a file (an export, a person-level download) refuses a
 * prefetch before it reads anything: 204, no body, so no file leaves and no audit entry is
 * written for a download nobody made. The list is found on disk, so a new download route is
 * covered (or fails here) without editing this file.
 */

function downloadRoutes(map = path.resolve("app")): string[] {
  const uit: string[] = [];
  for (const e of fs.readdirSync(map, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name !== "route.ts") continue;
    const p = path.join(e.parentPath, e.name);
    const rel = path.relative(process.cwd(), p);
    if (/\/(export|[^/]+\.(csv|xlsx|pdf))\/route\.ts$/.test(rel) || rel.includes("/api/v1/leveringen/[id]/"))
      uit.push(rel);
  }
  return uit.sort();
}

const PREFETCHES: Record<string, string>[] = [
  { "next-router-prefetch": "1", rsc: "1" },
  { rsc: "1" },
  { purpose: "prefetch" },
  { "sec-purpose": "prefetch;prerender" },
  { "x-moz": "prefetch" },
];

describe("download and export routes and prefetches", () => {
  const routes = downloadRoutes();

  it("finds the download routes", () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        "app/beheer/audit/export/route.ts",
        "app/beheer/monitor/export/route.ts",
        "app/beheer/landelijke-controles/export/route.ts",
        "app/berichtgever/[code]/leveringen/[id]/fouten.csv/route.ts",
        "app/berichtgever/[code]/leveringen/[id]/signaleringslijst.csv/route.ts",
        "app/berichtgever/[code]/leveringen/[id]/signaleringslijst.xlsx/route.ts",
        "app/berichtgever/[code]/leveringen/[id]/spiegelrapport.pdf/route.ts",
        "app/api/v1/leveringen/[id]/signaleringslijst/route.ts",
      ]),
    );
  });

  it.each(routes)("%s answers a prefetch with 204 and nothing else", async (route) => {
    const mod = (await import(`@/${route}`)) as { GET: (req: Request, ctx: unknown) => Promise<Response> };
    const ctx = { params: Promise.resolve({ code: "0153", id: "l1" }) };
    for (const headers of PREFETCHES) {
      const res = await mod.GET(new Request("http://localhost/x", { headers }), ctx);
      expect(res.status, JSON.stringify(headers)).toBe(204);
      expect(await res.text()).toBe("");
      expect(res.headers.get("content-disposition")).toBeNull();
    }
  });

  it("tells a prefetch from a person's request", () => {
    expect(isPrefetch(new Headers({ accept: "text/csv" }))).toBe(false);
    expect(isPrefetch(new Headers({ purpose: "Prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch" }))).toBe(true);
  });
});
