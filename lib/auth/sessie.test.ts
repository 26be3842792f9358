import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { metTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";
import { portaalAdapter } from "./adapter";
import { terugpad } from "./bevestiging";
import { sessieduur } from "./sessieduur";
import { beeindigAlleSessies } from "./uitloggen";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

const UUR = 3_600_000;

async function sessie(opties: { geleden: number; verlooptOver: number }) {
  const sessionToken = crypto.randomBytes(16).toString("hex");
  await t.db.session.create({
    data: {
      sessionToken,
      userId: w.contact0153.userId,
      createdAt: new Date(Date.now() - opties.geleden),
      expires: new Date(Date.now() + opties.verlooptOver),
    },
  });
  return sessionToken;
}

describe("sessions", () => {
  it("end after the idle limit and, however active, at the absolute limit", async () => {
    const a = portaalAdapter();
    const actief = await sessie({ geleden: 2 * UUR, verlooptOver: 20 * 60_000 });
    expect(await a.getSessionAndUser!(actief)).not.toBeNull();
    const stil = await sessie({ geleden: 2 * UUR, verlooptOver: -1000 });
    expect(await a.getSessionAndUser!(stil)).toBeNull();
    // Used a minute ago, so not idle, but signed in 12 hours and a minute ago: over.
    const oud = await sessie({ geleden: 12 * UUR + 60_000, verlooptOver: 29 * 60_000 });
    expect(await a.getSessionAndUser!(oud)).toBeNull();
    expect(await t.db.session.count({ where: { sessionToken: { in: [stil, oud] } } })).toBe(0);
  });

  it("never slide past the absolute limit", async () => {
    const a = portaalAdapter();
    const token = await sessie({ geleden: 11 * UUR + 50 * 60_000, verlooptOver: 5 * 60_000 });
    const s = await a.updateSession!({ sessionToken: token, expires: new Date(Date.now() + 30 * 60_000) });
    const grens =
      (await t.db.session.findUniqueOrThrow({ where: { sessionToken: token } })).createdAt.getTime() + 12 * UUR;
    expect(s!.expires.getTime()).toBe(grens);
  });

  it("take their limits from the environment, and refuse nonsense", () => {
    expect(sessieduur({})).toEqual({ inactiefMs: 30 * 60_000, maximaalMs: 12 * UUR });
    expect(sessieduur({ SWI_SESSIE_INACTIEF_MINUTEN: "15", SWI_SESSIE_MAXIMAAL_UREN: "8" })).toEqual({
      inactiefMs: 15 * 60_000,
      maximaalMs: 8 * UUR,
    });
    expect(() => sessieduur({ SWI_SESSIE_MAXIMAAL_UREN: "0" })).toThrow(/SWI_SESSIE_MAXIMAAL_UREN/);
  });

  it("all end at once with 'overal uitloggen', which is audited", async () => {
    vi.stubEnv("SWI_VERTROUWDE_PROXIES", "0");
    await sessie({ geleden: 0, verlooptOver: UUR });
    await sessie({ geleden: 0, verlooptOver: UUR });
    expect(await beeindigAlleSessies(w.contact0153)).toBeGreaterThanOrEqual(2);
    expect(await t.db.session.count({ where: { userId: w.contact0153.userId } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { actie: "logout.overal", actorUserId: w.contact0153.userId } })).toBe(1);
    vi.unstubAllEnvs();
  });
});

describe("sign-in links", () => {
  it("a new one makes the earlier unused ones of that address worthless", async () => {
    const a = portaalAdapter();
    const email = w.contact0153.email;
    const verloopt = new Date(Date.now() + 15 * 60_000);
    await a.createVerificationToken!({ identifier: email, token: "eerste", expires: verloopt });
    await a.createVerificationToken!({ identifier: email, token: "tweede", expires: verloopt });
    expect(await a.useVerificationToken!({ identifier: email, token: "eerste" })).toBeNull();
    expect(await a.useVerificationToken!({ identifier: email, token: "tweede" })).not.toBeNull();
  });

  it("bring the person back to the path the mail pointed at, never to another site", () => {
    const app = "https://swi.cbs.example.nl";
    expect(terugpad("https://swi.cbs.example.nl/berichtgever/0153/leveringen/x/signaleringslijst", app)).toBe(
      "/berichtgever/0153/leveringen/x/signaleringslijst",
    );
    expect(terugpad("/berichtgever/0153/leveringen?jaar=2026", app)).toBe("/berichtgever/0153/leveringen?jaar=2026");
    for (const vreemd of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      expect(terugpad(vreemd, app), vreemd).toBe("/");
    }
    expect(terugpad(undefined, app)).toBe("/");
  });
});
