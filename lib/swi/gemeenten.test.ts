import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  beschikbareJaren,
  codelijstVoorControle,
  codelijstVoorJaar,
  GEMEENTEN_MAP,
  GeenCodelijst,
  laadCodelijst,
} from "./gemeenten";
import { tijdelijkeMap } from "./technisch/fixtures.testhulp";

describe("CBS codelijst of gemeenten", () => {
  it("finds the project's CSVs", () => {
    expect(fs.existsSync(path.join(GEMEENTEN_MAP, "gemeenten-2025.csv"))).toBe(true);
    expect(beschikbareJaren()).toEqual(expect.arrayContaining([2022, 2023, 2024, 2025]));
  });

  it("loads a year's own list", () => {
    const l = laadCodelijst(2022);
    expect(l).toMatchObject({ jaar: 2022, lijstJaar: 2022, eigenLijst: true });
    expect(l.codes.size).toBe(345);
    expect(l.gemeenten.get("0014")).toEqual({ code: "0014", naam: "Groningen", provincie: "Groningen" });
    expect(l.toelichting).toContain("2022");
  });

  it("uses the latest earlier list for a year without one, and says so", () => {
    const l = laadCodelijst(2026);
    expect(l).toMatchObject({ jaar: 2026, lijstJaar: 2025, eigenLijst: false });
    expect(l.bestand).toMatch(/gemeenten-2025\.csv$/);
    expect(l.toelichting).toBe(
      `Er is (nog) geen CBS-codelijst van gemeenten voor 2026; de lijst van 2025 (${l.codes.size} gemeenten) is gebruikt.`,
    );
  });

  it("refuses a year before every list", () => {
    expect(() => laadCodelijst(2019)).toThrow(GeenCodelijst);
    expect(codelijstVoorControle(GEMEENTEN_MAP)(2019).size).toBe(0);
  });

  it("serves ControleContext.codelijst, telling once per year which list it used", () => {
    const gemeld: string[] = [];
    const codelijst = codelijstVoorControle(GEMEENTEN_MAP, (l) => gemeld.push(`${l.jaar}:${l.lijstJaar}`));
    expect(codelijst(2026).has("0363")).toBe(true);
    codelijst(2026);
    codelijst(2023);
    expect(gemeld).toEqual(["2026:2025", "2023:2023"]);
    expect(codelijstVoorJaar(2025).has("0014")).toBe(true);
  });

  it("reads quoted names with commas and quotes, and refuses a malformed file", () => {
    const map = tijdelijkeMap();
    fs.writeFileSync(
      path.join(map, "gemeenten-2030.csv"),
      'gemeentecode,gemeentenaam,provincie\r\n0001,"Aa, ""Bb""",Utrecht\r\n',
    );
    expect(laadCodelijst(2031, map).gemeenten.get("0001")!.naam).toBe('Aa, "Bb"');
    fs.writeFileSync(path.join(map, "gemeenten-2032.csv"), "gemeentecode,gemeentenaam,provincie\n1,Kort,Utrecht\n");
    expect(() => laadCodelijst(2032, map)).toThrow(/regel 2/);
    fs.rmSync(map, { recursive: true, force: true });
  });
});
