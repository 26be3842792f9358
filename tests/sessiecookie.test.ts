import type { Adapter, AdapterUser, VerificationToken } from "next-auth/adapters";
import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The session cookie next-auth sets when a sign-in link is used, with the portal's own options
 * (lib/auth/options.ts): HttpOnly and SameSite=Lax always, Secure with the __Secure- prefix when
 * APP_URL is https. The e2e server runs on http, so the Secure half can only be proven here. Only
 * the database is replaced (an in-memory adapter); next-auth's real callback sets the cookie.
 */

const geheugen = vi.hoisted(() => ({ sessies: [] as { sessionToken: string; userId: string; expires: Date }[] }));

vi.mock("@/lib/audit", () => ({ schrijfAudit: vi.fn(async () => undefined) }));
vi.mock("@/lib/auth/adapter", async (origineel) => {
  const echt = await origineel<typeof import("@/lib/auth/adapter")>();
  const gebruiker: AdapterUser & { rol: string; berichtgeverId: string } = {
    id: "u-0153",
    email: "contactpersoon@enschede.example.nl",
    name: "Sanne Kuipers",
    emailVerified: null,
    rol: "CONTACTPERSOON",
    berichtgeverId: "b-0153",
  };
  const adapter: Adapter = {
    createUser: async () => {
      throw new Error("niet in deze test");
    },
    getUser: async () => gebruiker,
    getUserByEmail: async (email) => (email === gebruiker.email ? gebruiker : null),
    getUserByAccount: async () => null,
    updateUser: async () => gebruiker,
    linkAccount: async () => undefined,
    createSession: async (s) => {
      geheugen.sessies.push(s);
      return s;
    },
    getSessionAndUser: async () => null,
    updateSession: async () => null,
    deleteSession: async () => undefined,
    createVerificationToken: async (t) => t,
    useVerificationToken: async ({ identifier, token }): Promise<VerificationToken> => ({
      identifier,
      token,
      expires: new Date(Date.now() + 60_000),
    }),
  };
  return { ...echt, portaalAdapter: () => adapter };
});

/** Uses a sign-in link through next-auth's own handler and returns the Set-Cookie headers. */
async function gebruikInloglink(appUrl: string): Promise<string[]> {
  vi.resetModules();
  Object.assign(process.env, {
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: "test-geheim-van-minstens-32-tekens-lang!!",
    DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    SMTP_URL: "smtp://127.0.0.1:2599",
  });
  const { default: NextAuth } = await import("next-auth");
  const { authOptions } = await import("@/lib/auth/options");
  const headers = new Map<string, string | string[]>();
  const res = {
    statusCode: 200,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    getHeader: (k: string) => headers.get(k.toLowerCase()),
    setHeader(k: string, v: string | string[]) {
      headers.set(k.toLowerCase(), v);
      return this;
    },
    end: () => undefined,
    send: () => undefined,
    json: () => undefined,
  };
  const req = {
    method: "GET",
    query: {
      nextauth: ["callback", "email"],
      token: "0123456789abcdef0123456789abcdef",
      email: "contactpersoon@enschede.example.nl",
      callbackUrl: "/",
    },
    body: {},
    cookies: {},
    headers: { host: new URL(appUrl).host },
  };
  await (NextAuth as unknown as (q: unknown, r: unknown, o: unknown) => Promise<void>)(req, res, authOptions());
  expect(res.statusCode).toBe(302);
  expect(res.getHeader("location")).toBe(`${appUrl}/`);
  const gezet = res.getHeader("set-cookie");
  return Array.isArray(gezet) ? gezet : gezet ? [gezet] : [];
}

function sessieCookie(cookies: string[]): string {
  const c = cookies.find((x) => /^(__Secure-)?next-auth\.session-token=/.test(x));
  expect(c, cookies.join("\n")).toBeDefined();
  return c!;
}

beforeEach(() => {
  geheugen.sessies.length = 0;
});

describe("de sessiecookie na het gebruiken van een inloglink", () => {
  it("is bij https Secure, HttpOnly en SameSite=Lax, met het __Secure-voorvoegsel", async () => {
    const cookie = sessieCookie(await gebruikInloglink("https://swi.cbs.example.nl"));
    expect(cookie.startsWith(`__Secure-next-auth.session-token=${geheugen.sessies[0]!.sessionToken};`)).toBe(true);
    const attributen = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributen).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
  });

  it("is bij http (lokaal, e2e) HttpOnly en SameSite=Lax maar niet Secure, anders werkt inloggen daar niet", async () => {
    const cookie = sessieCookie(await gebruikInloglink("http://localhost:3999"));
    expect(cookie.startsWith("next-auth.session-token=")).toBe(true);
    const attributen = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributen).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(attributen).not.toContain("secure");
  });
});
