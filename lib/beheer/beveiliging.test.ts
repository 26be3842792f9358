import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Nobody but CBS staff reaches staff code, by any door: every page, route handler and server
 * action under /beheer is found by reading the directory tree (a new one is covered without
 * touching this test) and called as a contact person, a back-up user and an anonymous visitor.
 * The real guards run (lib/auth/actor.ts, lib/beheer/actie.ts, lib/beheer/route.ts); only the
 * session lookup is replaced. e2e/beheer.spec.ts does the same for pages over HTTP.
 */

const sessie = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.mock("next-auth", () => ({ getServerSession: vi.fn(async () => (sessie.user ? { user: sessie.user } : null)) }));
vi.mock("@/lib/auth/options", () => ({ authOptions: () => ({}) }));

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const ROOT = process.cwd();

function bestanden(map: string, filter: (naam: string) => boolean): string[] {
  const uit: string[] = [];
  for (const e of fs.readdirSync(map, { withFileTypes: true })) {
    const p = path.join(map, e.name);
    if (e.isDirectory()) uit.push(...bestanden(p, filter));
    else if (filter(e.name)) uit.push(p);
  }
  return uit.sort();
}

const beheerMap = path.join(ROOT, "app", "beheer");
const paginas = bestanden(beheerMap, (n) => n === "page.tsx");
const routes = bestanden(beheerMap, (n) => /^route\.tsx?$/.test(n));
const actieBestanden = [
  ...bestanden(path.join(ROOT, "lib", "beheer"), (n) => /\.tsx?$/.test(n) && !n.endsWith(".test.ts")),
  ...bestanden(beheerMap, (n) => /\.tsx?$/.test(n)),
].filter((p) => /^\s*["']use server["']/.test(fs.readFileSync(p, "utf8")));

const CONTACT = {
  id: "u-contact",
  email: "contactpersoon@enschede.example.nl",
  name: "Sanne",
  rol: "CONTACTPERSOON",
  berichtgeverId: "b-0153",
};
const BACKUP = { ...CONTACT, id: "u-backup", email: "backup@enschede.example.nl", rol: "BACKUP" };
const PERSONEN = [
  ["contactpersoon", CONTACT],
  ["back-up gebruiker", BACKUP],
] as const;

function digest(e: unknown): string {
  return typeof e === "object" && e !== null && "digest" in e ? String((e as { digest: unknown }).digest) : String(e);
}

/** Any value a dynamic segment could have: the guard must act before it is looked at. */
const PARAMS = { code: "0153", id: "c1" };

beforeEach(() => {
  sessie.user = null;
});

describe("the staff area is found", () => {
  it("with its pages, routes and actions", () => {
    expect(paginas.length).toBeGreaterThanOrEqual(10);
    expect(routes.length).toBeGreaterThanOrEqual(3);
    expect(actieBestanden.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(PERSONEN)("a %s", (_wie, persoon) => {
  it.each(paginas.map((p) => [path.relative(ROOT, p), p]))("gets 403 from %s", async (_naam, bestand) => {
    sessie.user = persoon;
    const mod = (await import(bestand)) as { default: (p: unknown) => Promise<unknown> };
    const e = await mod
      .default({ params: Promise.resolve(PARAMS), searchParams: Promise.resolve({}) })
      .catch((x: unknown) => x);
    // 403, or 404 for a page that answers "not found" to anyone who may not see it.
    expect(digest(e)).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;40[34]$/);
  });

  it.each(routes.map((p) => [path.relative(ROOT, p), p]))("gets 403 from route %s", async (_naam, bestand) => {
    sessie.user = persoon;
    const mod = (await import(bestand)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
    const methoden = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    expect(methoden.length).toBeGreaterThan(0);
    for (const m of methoden) {
      const res = await mod[m]!(new Request("http://portaal.test/beheer/x?kwartaal=2026-1", { method: m }), {
        params: Promise.resolve(PARAMS),
      });
      expect([403, 404], m).toContain(res.status);
      expect(await res.text()).not.toMatch(/\d{9}|;/);
    }
  });

  it.each(actieBestanden.map((p) => [path.relative(ROOT, p), p]))(
    "gets 403 from every action in %s",
    async (_naam, bestand) => {
      sessie.user = persoon;
      const mod = (await import(bestand)) as Record<string, unknown>;
      const acties = Object.entries(mod).filter(([, v]) => typeof v === "function");
      expect(acties.length).toBeGreaterThan(0);
      for (const [naam, actie] of acties) {
        const fd = new FormData();
        for (const [k, v] of Object.entries({
          berichtgeverId: "b-0153",
          userId: "u-contact",
          code: "0153",
          naam: "X",
          email: "x@y.nl",
          jaar: "2026",
          kwartaal: "1",
        })) {
          fd.set(k, v);
        }
        const e = await (actie as (a: unknown, b: FormData) => Promise<unknown>)({ status: "leeg" }, fd).catch(
          (x: unknown) => x,
        );
        expect(digest(e), naam).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
      }
    },
  );
});

describe("an anonymous visitor", () => {
  it.each(paginas.map((p) => [path.relative(ROOT, p), p]))("is sent to the login from %s", async (_naam, bestand) => {
    const mod = (await import(bestand)) as { default: (p: unknown) => Promise<unknown> };
    const e = await mod
      .default({ params: Promise.resolve(PARAMS), searchParams: Promise.resolve({}) })
      .catch((x: unknown) => x);
    expect(digest(e)).toMatch(/^NEXT_REDIRECT;[a-z]+;\/inloggen;/);
  });

  it.each(routes.map((p) => [path.relative(ROOT, p), p]))(
    "is sent to the login from route %s",
    async (_naam, bestand) => {
      const mod = (await import(bestand)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
      const res = await mod.GET!(new Request("http://portaal.test/beheer/audit/export?actie=login"), {
        params: Promise.resolve(PARAMS),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(
        "http://portaal.test/inloggen?callbackUrl=%2Fbeheer%2Faudit%2Fexport%3Factie%3Dlogin",
      );
    },
  );

  it.each(actieBestanden.map((p) => [path.relative(ROOT, p), p]))(
    "is sent to the login from every action in %s",
    async (_naam, bestand) => {
      const mod = (await import(bestand)) as Record<string, unknown>;
      for (const [naam, actie] of Object.entries(mod)) {
        if (typeof actie !== "function") continue;
        const e = await (actie as (a: unknown, b: FormData) => Promise<unknown>)(
          { status: "leeg" },
          new FormData(),
        ).catch((x: unknown) => x);
        expect(digest(e), naam).toMatch(/^NEXT_REDIRECT;[a-z]+;\/inloggen;/);
      }
    },
  );
});
