import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { ActieFout } from "@/lib/acties/context";
import { codelijstUitDb, codelijstVoorbeeld, laadCodelijst, leesCodelijstCsv, vergelijkCodelijst } from "./codelijst";

describe("reading a codelijst CSV", () => {
  it("takes commas or semicolons, quoted names, CBS's GM codes and an optional provincie", () => {
    expect(
      leesCodelijstCsv('gemeentecode,gemeentenaam\n0153,"Enschede"\nGM0820,"Nuenen, Gerwen en Nederwetten"\n'),
    ).toEqual({
      gemeenten: [
        { code: "0153", naam: "Enschede", provincie: null },
        { code: "0820", naam: "Nuenen, Gerwen en Nederwetten", provincie: null },
      ],
      fouten: [],
    });
    expect(leesCodelijstCsv("\uFEFFCode;Naam;Provincie\r\n0014;Groningen;Groningen\r\n").gemeenten).toEqual([
      { code: "0014", naam: "Groningen", provincie: "Groningen" },
    ]);
  });

  it("says per line what is wrong", () => {
    const { fouten } = leesCodelijstCsv(
      "gemeentecode,gemeentenaam\n14,Groningen\n0153,\n0153,Enschede\n0153,Enschede\nAB12,X\n",
    );
    expect(fouten).toEqual([
      expect.stringMatching(/^Regel 2: .*voorloopnullen/),
      "Regel 3: de gemeentenaam ontbreekt.",
      "Regel 5: gemeentecode 0153 staat ook al op regel 4.",
      expect.stringMatching(/^Regel 6: gemeentecode "AB12"/),
    ]);
    expect(leesCodelijstCsv("a,b\n0153,Enschede\n").fouten[0]).toMatch(/kolomnamen/);
    expect(leesCodelijstCsv("gemeentecode,gemeentenaam\n").fouten).toEqual(["Het bestand bevat geen gemeenten."]);
  });

  it("compares with the previous year: additions, removals, renames", () => {
    const vorige = new Map([
      ["0001", { code: "0001", naam: "A", provincie: null }],
      ["0002", { code: "0002", naam: "B", provincie: null }],
      ["0003", { code: "0003", naam: "C", provincie: null }],
    ]);
    const v = vergelijkCodelijst(vorige, [
      { code: "0001", naam: "A", provincie: null },
      { code: "0003", naam: "C-dorp", provincie: null },
      { code: "0004", naam: "AB", provincie: null },
    ]);
    expect(v).toEqual({
      toegevoegd: [{ code: "0004", naam: "AB", provincie: null }],
      verwijderd: [{ code: "0002", naam: "B", provincie: null }],
      hernoemd: [{ code: "0003", oud: "C", nieuw: "C-dorp" }],
      ongewijzigd: 1,
    });
  });
});

describe("loading a year", () => {
  let h: BeheerTest;
  beforeAll(async () => {
    h = await beheerTest();
  });
  afterAll(async () => {
    await h?.close();
  });

  // 2026: Enschede and Hengelo stay, Borne is gone, a new gemeente appears, Amsterdam renamed.
  const CSV =
    "gemeentecode,gemeentenaam,provincie\n0153,Enschede,Overijssel\n0164,Hengelo,Overijssel\n0363,Amsterdam-Weesp,Noord-Holland\n1999,Nieuwgemeente,Utrecht\n";

  it("previews the differences with the previous year and the assignments it affects", async () => {
    const v = await codelijstVoorbeeld(h.db, 2026, leesCodelijstCsv(CSV).gemeenten);
    expect(v.vergelekenMet).toBe(2025);
    expect(v.bestaatAl).toBe(false);
    expect(v.verschil.toegevoegd.map((g) => g.code)).toEqual(["1999"]);
    expect(v.verschil.hernoemd).toEqual([
      { code: "0164", oud: "Hengelo (O.)", nieuw: "Hengelo" },
      { code: "0363", oud: "Amsterdam", nieuw: "Amsterdam-Weesp" },
    ]);
    expect(v.verschil.verwijderd).toHaveLength(342 - 3);
    // 9012 reports for Borne (0147) and Hof van Twente (1735), which this list does not have.
    expect(v.getroffenToewijzingen).toEqual([
      { berichtgeverCode: "9012", berichtgeverNaam: "Inburgering Midden-Twente", gemeentecode: "0147" },
      { berichtgeverCode: "9012", berichtgeverNaam: "Inburgering Midden-Twente", gemeentecode: "1735" },
    ]);
  });

  it("loads it, refuses to replace an existing year unless asked, and logs it", async () => {
    await h.als((ctx) =>
      laadCodelijst(ctx, { jaar: 2026, csv: CSV, bestandsnaam: "gemeenten-2026.csv", vervang: false }),
    );
    const lijst = await codelijstUitDb(h.db, 2026);
    expect(lijst).toMatchObject({ lijstJaar: 2026, eigenLijst: true });
    expect(lijst.gemeenten.get("0363")?.naam).toBe("Amsterdam-Weesp");
    expect((await codelijstUitDb(h.db, 2027)).lijstJaar).toBe(2026);

    const e = await h
      .als((ctx) => laadCodelijst(ctx, { jaar: 2026, csv: CSV, bestandsnaam: "x.csv", vervang: false }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ActieFout);
    await h.als((ctx) =>
      laadCodelijst(ctx, { jaar: 2026, csv: "code;naam\n0153;Enschede\n", bestandsnaam: "klein.csv", vervang: true }),
    );
    expect((await codelijstUitDb(h.db, 2026)).gemeenten.size).toBe(1);
    const acties = (
      await h.db.auditLog.findMany({ where: { actie: { startsWith: "codelijst." } }, orderBy: { id: "asc" } })
    ).map((a) => a.actie);
    expect(acties).toEqual(["codelijst.laad", "codelijst.vervang"]);
  });

  it("refuses a broken file with every problem, and loads nothing", async () => {
    const e = await h
      .als((ctx) =>
        laadCodelijst(ctx, {
          jaar: 2027,
          csv: "gemeentecode,gemeentenaam\n153,Enschede\n",
          bestandsnaam: "x.csv",
          vervang: false,
        }),
      )
      .catch((x: unknown) => x);
    expect((e as ActieFout).fouten[0]?.bericht).toMatch(/Regel 2/);
    expect(await h.db.gemeenteLijst.count({ where: { jaar: 2027 } })).toBe(0);
  });
});
