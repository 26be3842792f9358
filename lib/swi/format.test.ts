import { describe, expect, it } from "vitest";
import {
  alleBladen,
  alleElementen,
  codeLabel,
  elementVanKenmerk,
  KENMERK_NAMEN,
  kenmerkLabel,
  SWI_FORMAAT,
  TOEGESTANE_TEKENS,
  toegestaneCodes,
} from "./format";

describe("format.ts", () => {
  it("has kenmerk 1 to 38, each once, in document order", () => {
    expect(alleBladen().map((b) => b.kenmerk)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(Object.keys(KENMERK_NAMEN).map(Number)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
  });

  it("uses every element name once (the validator relies on it)", () => {
    const namen = alleElementen().map((p) => p.element.naam);
    expect(new Set(namen).size).toBe(namen.length);
  });

  it("maps every leaf to a distinct field of its object", () => {
    const velden = alleBladen().map((b) => `${b.doel}.${b.veld}`);
    expect(new Set(velden).size).toBe(velden.length);
    expect(alleBladen().filter((b) => b.doel === "persoon")).toHaveLength(22);
  });

  it("allows at most 5 Voortgangsgesprek and any number of PIP, Boete and Persoon", () => {
    const groep = (naam: string) => alleElementen().find((p) => p.element.naam === naam)!.element;
    expect(groep("Voortgangsgesprek")).toMatchObject({ minOccurs: 0, maxOccurs: 5 });
    for (const n of ["PIP", "Boete", "Persoon"]) expect(groep(n)).toMatchObject({ minOccurs: 0, maxOccurs: Infinity });
    expect(SWI_FORMAAT.kinderen.map((k) => k.naam)).toEqual(["Levering", "Personen"]);
  });

  it("names kenmerken and codes in Dutch", () => {
    expect(kenmerkLabel(10)).toBe("Geslacht (kenmerk 10)");
    expect(kenmerkLabel(12)).toBe("Maatschappelijke begeleiding – begindatum (kenmerk 12)");
    expect(codeLabel(10, 2)).toBe("vrouw");
    expect(codeLabel(31, "3")).toBe("Z-route");
    expect(codeLabel(3, 40)).toBe("Statistiek Wet Inburgering");
    expect(codeLabel(10, 4)).toBeUndefined();
    const geslacht = elementVanKenmerk(10).type;
    expect(geslacht.soort === "code" && toegestaneCodes(geslacht.waarden)).toBe("1 (man), 2 (vrouw) en 3 (onbekend)");
    expect(() => kenmerkLabel(39)).toThrow();
  });

  it("allows the 3.2.3 characters: digits, ASCII letters and 31 punctuation marks, no space", () => {
    expect(TOEGESTANE_TEKENS).toHaveLength(10 + 52 + 31);
    expect(new Set(TOEGESTANE_TEKENS).size).toBe(TOEGESTANE_TEKENS.length);
    expect(TOEGESTANE_TEKENS).not.toContain(" ");
    expect(TOEGESTANE_TEKENS).not.toContain("~");
  });
});
