import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakTestDatabase, type TestDatabase } from "./database.testhulp";

/** Rules the DATABASE enforces, whatever the application code does. */

let t: TestDatabase;
beforeAll(async () => {
  t = await maakTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

/** The PostgreSQL error behind a Prisma error (code 23505 unique, 23514 check, 23503 foreign key). */
function pgFout(error: unknown): { code?: string; text: string } {
  const e = error as { message?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const cause = e.meta?.driverAdapterError?.cause;
  return { code: cause?.originalCode, text: `${e.message ?? ""} ${JSON.stringify(e.meta ?? {})}` };
}

async function verwacht(promise: Promise<unknown>, code: string, naam?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected SQLSTATE ${code}`).not.toBeNull();
  const f = pgFout(error);
  expect(f.code).toBe(code);
  if (naam) expect(f.text).toContain(naam);
}

async function berichtgever(code: string, naam = `Gemeente ${code}`) {
  return t.db.berichtgever.create({ data: { code, naam } });
}

describe("berichtgever code", () => {
  it.each(["153", "01534", "ABCD", "015a", " 153", ""])("refuses %j", async (code) => {
    await verwacht(berichtgever(code), "23514", "berichtgever_code_check");
  });

  it("accepts four digits with a leading zero, once", async () => {
    const b = await berichtgever("0014");
    expect(b.code).toBe("0014");
    await verwacht(berichtgever("0014"), "23505");
  });
});

describe("contactpersoon", () => {
  it("allows exactly one per berichtgever", async () => {
    const b = await berichtgever("0518", "Gemeente 's-Gravenhage");
    const [a, c] = await Promise.all(
      ["a", "c"].map((x) =>
        t.db.user.create({
          data: { email: `${x}@denhaag.example.nl`, naam: x, rol: "CONTACTPERSOON", berichtgeverId: b.id },
        }),
      ),
    );
    await t.db.contactpersoon.create({ data: { berichtgeverId: b.id, userId: a!.id } });
    await verwacht(t.db.contactpersoon.create({ data: { berichtgeverId: b.id, userId: c!.id } }), "23505");
    expect(await t.db.contactpersoon.count({ where: { berichtgeverId: b.id } })).toBe(1);
  });

  it("must be a user of that same berichtgever", async () => {
    const eigen = await berichtgever("0344", "Gemeente Utrecht");
    const ander = await berichtgever("0599", "Gemeente Rotterdam");
    const u = await t.db.user.create({
      data: { email: "iemand@rotterdam.example.nl", naam: "Iemand", rol: "CONTACTPERSOON", berichtgeverId: ander.id },
    });
    await verwacht(t.db.contactpersoon.create({ data: { berichtgeverId: eigen.id, userId: u.id } }), "23503");
  });
});

describe("user", () => {
  it("stores e-mail in lower case only", async () => {
    await verwacht(
      t.db.user.create({ data: { email: "Beheer@CBS.example.nl", naam: "X", rol: "CBS" } }),
      "23514",
      "app_user_email_lowercase_check",
    );
  });

  it("has a berichtgever unless CBS, and CBS staff have none", async () => {
    const b = await berichtgever("0772", "Gemeente Eindhoven");
    await verwacht(
      t.db.user.create({ data: { email: "zonder@eindhoven.example.nl", naam: "X", rol: "CONTACTPERSOON" } }),
      "23514",
      "app_user_berichtgever_check",
    );
    await verwacht(
      t.db.user.create({ data: { email: "cbs@cbs.example.nl", naam: "X", rol: "CBS", berichtgeverId: b.id } }),
      "23514",
      "app_user_berichtgever_check",
    );
    const backup = await t.db.user.create({
      data: { email: "backup@eindhoven.example.nl", naam: "X", rol: "BACKUP", berichtgeverId: b.id },
    });
    expect(backup.rol).toBe("BACKUP");
  });
});

describe("berichtgever_gemeente", () => {
  it("keeps history but has one open assignment per gemeente per berichtgever", async () => {
    const b = await berichtgever("0080", "Gemeente Leeuwarden");
    await t.db.berichtgeverGemeente.create({
      data: { berichtgeverId: b.id, gemeentecode: "0080", vanafJaar: 2022, totEnMetJaar: 2023 },
    });
    await t.db.berichtgeverGemeente.create({ data: { berichtgeverId: b.id, gemeentecode: "0080", vanafJaar: 2024 } });
    await verwacht(
      t.db.berichtgeverGemeente.create({ data: { berichtgeverId: b.id, gemeentecode: "0080", vanafJaar: 2025 } }),
      "23505",
    );
    await verwacht(
      t.db.berichtgeverGemeente.create({ data: { berichtgeverId: b.id, gemeentecode: "80", vanafJaar: 2025 } }),
      "23514",
      "berichtgever_gemeente_gemeentecode_check",
    );
    await verwacht(
      t.db.berichtgeverGemeente.create({
        data: { berichtgeverId: b.id, gemeentecode: "0081", vanafJaar: 2025, totEnMetJaar: 2024 },
      }),
      "23514",
      "berichtgever_gemeente_jaren_check",
    );
  });
});

describe("audit_log", () => {
  it("is append-only", async () => {
    const regel = await t.db.auditLog.create({
      data: { actie: "login", actorEmail: "beheer@cbs.example.nl", actorRol: "CBS", details: { via: "test" } },
    });
    await expect(t.db.auditLog.update({ where: { id: regel.id }, data: { actie: "iets anders" } })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(t.db.auditLog.delete({ where: { id: regel.id } })).rejects.toThrow(/append-only: DELETE/);
    await expect(t.db.$executeRawUnsafe("TRUNCATE audit_log")).rejects.toThrow(/append-only: TRUNCATE/);

    const na = await t.db.auditLog.findUniqueOrThrow({ where: { id: regel.id } });
    expect(na.actie).toBe("login");
    await t.db.auditLog.create({ data: { actie: "download.signaleringslijst" } });
    expect(await t.db.auditLog.count()).toBe(2);
  });
});

describe("levering", () => {
  it("checks kwartaal, gemeentecode and sha256", async () => {
    const b = await berichtgever("0200", "Gemeente Apeldoorn");
    const basis = {
      berichtgeverId: b.id,
      bestandsnaam: "swi.xml",
      grootte: 1234n,
      sha256: "a".repeat(64),
      bron: "PORTAAL" as const,
    };
    const l = await t.db.levering.create({
      data: { ...basis, gemeentecode: "0200", statistiekjaar: 2026, statistiekkwartaal: 1 },
    });
    expect(l.status).toBe("ONTVANGEN");
    expect(l.grootte).toBe(1234n);
    await verwacht(
      t.db.levering.create({ data: { ...basis, statistiekkwartaal: 5 } }),
      "23514",
      "levering_kwartaal_check",
    );
    await verwacht(
      t.db.levering.create({ data: { ...basis, gemeentecode: "200" } }),
      "23514",
      "levering_gemeentecode_check",
    );
    await verwacht(
      t.db.levering.create({ data: { ...basis, sha256: "A".repeat(64) } }),
      "23514",
      "levering_sha256_check",
    );
  });
});
