import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGELS_DOC, regelsDoc } from "../../scripts/gen-docs-regels";
import { ernstTekst, ernstVan, regel, REGELS } from "./regels";
import type { RegelCode } from "./types";

/** The codes of the union types in types.ts, read from the source (the types vanish at run time). */
function codesUitTypes(): string[] {
  const bron = readFileSync(path.join(__dirname, "types.ts"), "utf8");
  const codes = new Set<string>();
  for (const naam of ["TechnischeRegelCode", "PersoonRegelCode", "EerdereRegelCode", "BestandRegelCode"]) {
    const m = new RegExp(`export type ${naam} =([^;]*);`).exec(bron);
    expect(m, naam).not.toBeNull();
    for (const c of (m?.[1] ?? "").matchAll(/"([A-Z]\d\d)"/g)) codes.add(c[1] as string);
  }
  return [...codes].sort();
}

// Compile-time check as well: a missing or extra key here is a type error.
const ALLE_CODES: Record<RegelCode, true> = Object.fromEntries(REGELS.map((r) => [r.code, true])) as Record<
  RegelCode,
  true
>;

describe("REGELS", () => {
  it("covers exactly the rule codes of types.ts, each once", () => {
    const codes = REGELS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codesUitTypes());
    expect(Object.keys(ALLE_CODES).sort()).toEqual(codesUitTypes());
    expect(codesUitTypes()).toHaveLength(44);
  });

  it("gives every rule a kind that fits its code, a title and Dutch texts", () => {
    const soort = { T: "technisch", P: "persoon", Q: "eerdere-levering", F: "bestand" } as const;
    for (const r of REGELS) {
      expect(r.soort, r.code).toBe(soort[r.code[0] as keyof typeof soort]);
      expect(r.titel).toBe(`${r.code} ${r.naam}`);
      expect(r.omschrijving.length, r.code).toBeGreaterThan(20);
      expect(r.watTeDoen.length, r.code).toBeGreaterThan(20);
      expect(
        r.kenmerken.every((k) => k >= 1 && k <= 38),
        r.code,
      ).toBe(true);
    }
  });

  it("has the severities of controles.md", () => {
    const verwacht: Record<string, string> = {
      P01: "fout",
      P02: "waarschuwing",
      P03: "waarschuwing",
      P04: "fout",
      P05: "waarschuwing",
      P06: "info",
      P07: "fout",
      P08: "fout",
      P09: "fout",
      P10: "fout",
      P11: "fout",
      P12: "waarschuwing",
      P13: "fout",
      P14: "fout",
      P15: "fout",
      P16: "fout",
      P17: "waarschuwing",
      P18: "waarschuwing",
      P19: "waarschuwing",
      P21: "fout",
      P23: "waarschuwing",
      P24: "waarschuwing",
      Q01: "waarschuwing",
      Q02: "waarschuwing",
      Q03: "waarschuwing",
      Q04: "fout",
      Q05: "fout",
      Q06: "waarschuwing",
      F01: "waarschuwing",
      F02: "waarschuwing",
      F03: "waarschuwing",
      F04: "info",
    };
    for (const [code, ernst] of Object.entries(verwacht)) expect(ernstVan(code as RegelCode), code).toBe(ernst);
    for (const r of REGELS.filter((x) => x.soort === "technisch")) expect(r.ernst).toBe("afkeur");
  });

  it("models the two cases of P20 and P22", () => {
    for (const code of ["P20", "P22"] as const) {
      expect(ernstVan(code, "na-kwartaal")).toBe("waarschuwing");
      expect(ernstVan(code, "nagekomen")).toBe("info");
      expect(() => ernstVan(code)).toThrow();
      expect(ernstTekst(regel(code))).toMatch(/^waarschuwing \(.+\); info \(.+\)$/);
    }
    expect(ernstTekst(regel("P09"))).toBe("fout");
  });

  it("refuses an unknown code", () => {
    expect(() => regel("X99" as RegelCode)).toThrow();
  });
});

describe("docs/regels.md", () => {
  it("is what `npm run docs:regels` generates from the catalogue", async () => {
    const vastgelegd = readFileSync(REGELS_DOC, "utf8");
    expect(vastgelegd).toBe(await regelsDoc());
    for (const r of REGELS) expect(vastgelegd).toContain(`| ${r.code} `);
  });
});
