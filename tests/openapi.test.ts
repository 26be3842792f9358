import fs from "node:fs";
import path from "node:path";
import { validate, compileErrors } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { OPENAPI_DOCUMENT } from "@/lib/api-v1/openapi";

const METHODEN = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file under app/api/v1 with the HTTP methods it exports, as OpenAPI paths. */
function geimplementeerdeRoutes(): Map<string, Set<string>> {
  const wortel = path.join(process.cwd(), "app", "api", "v1");
  const routes = new Map<string, Set<string>>();
  const loop = (map: string) => {
    for (const e of fs.readdirSync(map, { withFileTypes: true })) {
      const p = path.join(map, e.name);
      if (e.isDirectory()) loop(p);
      else if (e.name === "route.ts") {
        const bron = fs.readFileSync(p, "utf8");
        const pad =
          "/api/v1/" +
          path
            .relative(wortel, map)
            .split(path.sep)
            .map((deel) => deel.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
        const methoden = new Set(
          METHODEN.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(bron)).map((m) =>
            m.toLowerCase(),
          ),
        );
        routes.set(pad.replace(/\/$/, ""), methoden);
      }
    }
  };
  loop(wortel);
  return routes;
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const resultaat = await validate(structuredClone(OPENAPI_DOCUMENT) as never);
    expect(resultaat.valid, resultaat.valid ? "" : compileErrors(resultaat)).toBe(true);
    expect(OPENAPI_DOCUMENT.openapi).toBe("3.1.0");
  });

  it("describes exactly the implemented routes and methods", () => {
    const routes = geimplementeerdeRoutes();
    expect(routes.size).toBeGreaterThanOrEqual(5);
    const beschreven = new Map(
      Object.entries(OPENAPI_DOCUMENT.paths ?? {}).map(([pad, item]) => [
        pad,
        new Set(Object.keys(item ?? {}).filter((k) => (METHODEN as readonly string[]).includes(k.toUpperCase()))),
      ]),
    );
    for (const [pad, methoden] of routes) {
      expect(beschreven.has(pad), `${pad} ontbreekt in het OpenAPI-document`).toBe(true);
      expect([...(beschreven.get(pad) ?? [])].sort(), pad).toEqual([...methoden].sort());
    }
    for (const pad of beschreven.keys()) expect(routes.has(pad), `${pad} is beschreven maar bestaat niet`).toBe(true);
  });

  it("requires the bearer token everywhere except on the document itself", () => {
    expect(OPENAPI_DOCUMENT.security).toEqual([{ bearerAuth: [] }]);
    for (const [pad, item] of Object.entries(OPENAPI_DOCUMENT.paths ?? {})) {
      for (const [methode, operatie] of Object.entries(item ?? {})) {
        const op = operatie as { security?: unknown[]; responses: Record<string, unknown> };
        if (pad === "/api/v1/openapi.json") expect(op.security).toEqual([]);
        else expect(op.responses["401"], `${methode} ${pad}`).toBeDefined();
      }
    }
  });

  it("is served as JSON by its route", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
  });
});
