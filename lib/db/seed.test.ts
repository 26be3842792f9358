import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BERICHTGEVERS, leesGemeenteCsv, seed, seedGemeenten } from "@/prisma/seed";
import { maakTestDatabase, type TestDatabase } from "./database.testhulp";

function regels(file: string) {
  return leesGemeenteCsv(path.join(process.cwd(), "data", "gemeenten", file));
}

describe("leesGemeenteCsv", () => {
  it("reads quoted names with commas and keeps leading zeros", () => {
    const lijst = regels("gemeenten-2025.csv");
    expect(lijst).toHaveLength(342);
    expect(lijst.find((g) => g.code === "0820")?.naam).toBe("Nuenen, Gerwen en Nederwetten");
    expect(lijst.find((g) => g.code === "0014")).toEqual({ code: "0014", naam: "Groningen", provincie: "Groningen" });
  });

  it("refuses a file with a malformed code", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "swi-csv-"));
    const file = path.join(dir, "gemeenten-2030.csv");
    fs.writeFileSync(file, 'gemeentecode,gemeentenaam,provincie\n14,"Groningen",Groningen\n');
    expect(() => leesGemeenteCsv(file)).toThrow(/regel 2/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await maakTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function tellingen() {
    const db = t.db;
    return {
      lijsten: await db.gemeenteLijst.findMany({ select: { jaar: true }, orderBy: { jaar: "asc" } }),
      gemeenten: await db.gemeente.groupBy({ by: ["jaar"], _count: true, orderBy: { jaar: "asc" } }),
      berichtgevers: await db.berichtgever.count(),
      users: await db.user.count(),
      contactpersonen: await db.contactpersoon.count(),
      historie: await db.contactpersoonHistorie.count(),
      toewijzingen: await db.berichtgeverGemeente.count(),
    };
  }

  it("loads the gemeente lists and demo accounts, and a second run changes nothing", async () => {
    const eerste = await seed(t.db);
    expect(eerste.gemeentelijstenGeladen).toEqual([2022, 2023, 2024, 2025]);
    const na1 = await tellingen();

    const tweede = await seed(t.db);
    expect(tweede.gemeentelijstenGeladen).toEqual([]);
    expect(tweede.gemeentelijstenAanwezig).toEqual([2022, 2023, 2024, 2025]);
    expect(await tellingen()).toEqual(na1);

    expect(na1.gemeenten.map((g) => [g.jaar, g._count])).toEqual([
      [2022, 345],
      [2023, 342],
      [2024, 342],
      [2025, 342],
    ]);
    expect(na1).toMatchObject({ berichtgevers: 3, users: 4, contactpersonen: 3, historie: 3, toewijzingen: 5 });
  });

  it("gives every demo berichtgever its contact person and gemeenten that exist", async () => {
    for (const demo of DEMO_BERICHTGEVERS) {
      const b = await t.db.berichtgever.findUniqueOrThrow({
        where: { code: demo.code },
        include: { contactpersoon: { include: { user: true } }, gemeenten: true, contactpersoonHistorie: true },
      });
      expect(b.contactpersoon?.user.email).toBe(demo.contactpersoon.email);
      expect(b.contactpersoon?.user.rol).toBe("CONTACTPERSOON");
      expect(b.contactpersoonHistorie.map((h) => [h.email, h.tot])).toEqual([[demo.contactpersoon.email, null]]);
      const codes = b.gemeenten.map((g) => g.gemeentecode).sort();
      expect(codes).toEqual([...demo.gemeenten].sort());
      const bestaand = await t.db.gemeente.count({ where: { jaar: 2025, code: { in: codes } } });
      expect(bestaand).toBe(codes.length);
    }
    const regionaal = DEMO_BERICHTGEVERS.find((b) => b.gemeenten.length > 1)!;
    expect(regionaal.gemeenten).not.toContain(regionaal.code);
    expect(await t.db.gemeente.count({ where: { code: regionaal.code } })).toBe(0);
    const cbs = await t.db.user.findMany({ where: { rol: "CBS" } });
    expect(cbs.map((u) => [u.naam, u.email, u.berichtgeverId])).toEqual([
      ["Femke de Vries", "beheer@cbs.example.nl", null],
    ]);
  });

  it("never replaces a gemeente list that is already loaded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "swi-lijsten-"));
    fs.writeFileSync(
      path.join(dir, "gemeenten-2025.csv"),
      'gemeentecode,gemeentenaam,provincie\n0014,"Anders",Groningen\n',
    );
    fs.writeFileSync(
      path.join(dir, "gemeenten-2031.csv"),
      'gemeentecode,gemeentenaam,provincie\n0014,"Groningen",Groningen\n',
    );
    const r = await seedGemeenten(t.db, { gemeentenDir: dir });
    expect(r).toEqual({ gemeentelijstenGeladen: [2031], gemeentelijstenAanwezig: [2025] });
    expect((await t.db.gemeente.findUniqueOrThrow({ where: { jaar_code: { jaar: 2025, code: "0014" } } })).naam).toBe(
      "Groningen",
    );
    expect(await t.db.gemeente.count({ where: { jaar: 2031 } })).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });
});
