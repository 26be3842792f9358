import { describe, expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { GeenRecht, NietGevonden } from "@/lib/http/fouten";
import { metTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";
import { seedDemo } from "@/prisma/seed";
import { apiTokensVanBerichtgever, maakApiToken, trekApiTokenIn } from "./beheer";
import { DEMO_TOKEN_NAAM, zorgVoorDemoToken } from "./demo";
import { bearerUit, hashToken } from "./tokenwaarde";
import { verifieerBearer, verifieerToken } from "./verificatie";
import { voerActieUit } from "@/lib/acties/context";

let t: TestDatabase;
let w: Testwereld;
metTestwereld((td, tw) => {
  t = td;
  w = tw;
});

/** Every text value of every row, as one string: to prove a secret is nowhere in a table. */
async function alleTekst(tabel: "api_token" | "audit_log"): Promise<string> {
  const rijen = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM ${tabel}`);
  return JSON.stringify(rijen, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

describe("bearerUit", () => {
  it("takes the token from a Bearer header and nothing else", () => {
    expect(bearerUit("Bearer swi_abc")).toBe("swi_abc");
    expect(bearerUit("bearer   swi_abc ")).toBe("swi_abc");
    expect(bearerUit("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerUit("Bearer")).toBeNull();
    expect(bearerUit(null)).toBeNull();
  });
});

describe("API tokens", () => {
  it("creates a token that verifies as its berichtgever's contact-person actor, storing only its hash", async () => {
    const { token, id, prefix } = await voerActieUit(w.contact0153, (ctx) =>
      maakApiToken(ctx, "0153", "  Leverancier Alfa  "),
    );
    expect(token).toMatch(/^swi_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(token.length / 2);

    const rij = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(rij.naam).toBe("Leverancier Alfa");
    expect(rij.tokenHash).toBe(hashToken(token));
    expect(rij.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rij.createdById).toBe(w.contact0153.userId);
    // The secret is in no column of the token table and in no audit entry.
    expect(await alleTekst("api_token")).not.toContain(token);
    expect(await alleTekst("audit_log")).not.toContain(token);

    const actor = await verifieerBearer(`Bearer ${token}`);
    expect(actor).toMatchObject({
      rol: "CONTACTPERSOON",
      berichtgeverId: w.berichtgever["0153"],
      berichtgeverCode: "0153",
      apiToken: { id, prefix, naam: "Leverancier Alfa" },
    });
    expect(actor?.email).toBe(`api-token:${prefix}`);

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { actie: "apitoken.aangemaakt", doelId: id } });
    expect(audit.berichtgeverId).toBe(w.berichtgever["0153"]);
    expect(audit.actorUserId).toBe(w.contact0153.userId);
  });

  it("rejects unknown tokens and tokens that differ in one character", async () => {
    const { token } = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Beta"));
    const anders = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await verifieerToken(anders)).toBeNull();
    expect(await verifieerBearer("Bearer swi_bestaatniet")).toBeNull();
    expect(await verifieerBearer(undefined)).toBeNull();
  });

  it("a revoked token no longer verifies; revoking is audited once", async () => {
    const { token, id } = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Gamma"));
    expect(await verifieerToken(token)).not.toBeNull();
    await voerActieUit(w.contact0153, (ctx) => trekApiTokenIn(ctx, "0153", id));
    await voerActieUit(w.contact0153, (ctx) => trekApiTokenIn(ctx, "0153", id));
    expect(await verifieerToken(token)).toBeNull();
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect(await t.db.auditLog.count({ where: { actie: "apitoken.ingetrokken", doelId: id } })).toBe(1);
  });

  it("records use, at most once a minute", async () => {
    const { token, id } = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Delta"));
    const t0 = new Date("2030-01-01T10:00:00Z");
    await verifieerToken(token, t0);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    await verifieerToken(token, new Date(t0.getTime() + 30_000));
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await verifieerToken(token, t2);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t2);
  });

  it("a token of an inactive berichtgever does not verify", async () => {
    const { token } = await voerActieUit(w.contact0363, (ctx) => maakApiToken(ctx, "0363", "Epsilon"));
    await t.db.berichtgever.update({ where: { code: "0363" }, data: { actief: false } });
    try {
      expect(await verifieerToken(token)).toBeNull();
    } finally {
      await t.db.berichtgever.update({ where: { code: "0363" }, data: { actief: true } });
    }
    expect(await verifieerToken(token)).not.toBeNull();
  });

  it("only the berichtgever's contact person and CBS staff manage its tokens", async () => {
    await expect(voerActieUit(w.contact0363, (ctx) => maakApiToken(ctx, "0153", "Inbreker"))).rejects.toBeInstanceOf(
      NietGevonden,
    );
    await expect(apiTokensVanBerichtgever(w.contact0363, "0153")).rejects.toBeInstanceOf(NietGevonden);
    await expect(voerActieUit(w.backup0153, (ctx) => maakApiToken(ctx, "0153", "Backup"))).rejects.toBeInstanceOf(
      GeenRecht,
    );
    const { id } = await voerActieUit(w.cbs, (ctx) => maakApiToken(ctx, "0153", "Door het CBS"));
    await expect(voerActieUit(w.contact0363, (ctx) => trekApiTokenIn(ctx, "0153", id))).rejects.toBeInstanceOf(
      NietGevonden,
    );
    // A token id of one berichtgever under another's URL does not exist either.
    await expect(voerActieUit(w.contact0363, (ctx) => trekApiTokenIn(ctx, "0363", id))).rejects.toBeInstanceOf(
      NietGevonden,
    );

    const lijst = await apiTokensVanBerichtgever(w.contact0153, "0153");
    expect(lijst.tokens.map((x) => x.naam)).toContain("Door het CBS");
    expect(lijst.tokens.every((x) => !("tokenHash" in x))).toBe(true);
    expect((await apiTokensVanBerichtgever(w.contact0363, "0363")).tokens.map((x) => x.naam)).not.toContain(
      "Door het CBS",
    );
  });

  it("refuses an empty or overlong name", async () => {
    await expect(voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "   "))).rejects.toThrow(/naam/);
    await expect(voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "x".repeat(101)))).rejects.toThrow(
      /100 tekens/,
    );
  });
});

describe("demo token", () => {
  it("uses SWI_DEMO_TOKEN as the token, once, and verifies it for 0153", async () => {
    const waarde = "swi_demo_waarde_voor_de_test_0123456789";
    const eerste = await zorgVoorDemoToken(t.db, "0153", waarde);
    expect(eerste).toEqual({ berichtgever: "0153", token: waarde, uitOmgeving: true });
    expect(await zorgVoorDemoToken(t.db, "0153", waarde)).toEqual({
      berichtgever: "0153",
      token: null,
      uitOmgeving: true,
    });
    expect(await t.db.apiToken.count({ where: { tokenHash: hashToken(waarde) } })).toBe(1);
    expect((await verifieerToken(waarde))?.berichtgeverCode).toBe("0153");
    await expect(zorgVoorDemoToken(t.db, "0363", waarde)).rejects.toThrow(/andere berichtgever/);
    await expect(zorgVoorDemoToken(t.db, "0153", "kort")).rejects.toThrow(/20 tekens/);
  });

  it("without a value makes a random token once; the seed reports it only then", async () => {
    // maakTestwereld seeded with an explicit value; a berichtgever without a demo token gets a random one.
    const eerste = await zorgVoorDemoToken(t.db, "9012");
    expect(eerste?.token).toMatch(/^swi_/);
    expect((await verifieerToken(eerste!.token!))?.berichtgeverCode).toBe("9012");
    expect(await zorgVoorDemoToken(t.db, "9012")).toEqual({ berichtgever: "9012", token: null, uitOmgeving: false });
    expect(await t.db.apiToken.count({ where: { naam: DEMO_TOKEN_NAAM, berichtgever: { code: "9012" } } })).toBe(1);

    const vorige = process.env.SWI_DEMO_TOKEN;
    delete process.env.SWI_DEMO_TOKEN;
    try {
      const r1 = await seedDemo(t.db);
      // 0153 already has a demo token (seeded by maakTestwereld), so nothing new is made or shown.
      expect(r1.demoApiToken).toEqual({ berichtgever: "0153", token: null, uitOmgeving: false });
    } finally {
      if (vorige !== undefined) process.env.SWI_DEMO_TOKEN = vorige;
    }
  });
});
