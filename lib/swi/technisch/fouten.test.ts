import { describe, expect, it } from "vitest";
import { Foutenlijst } from "./fouten";

describe("Foutenlijst", () => {
  it("prefixes the line, caps the list and counts everything", () => {
    const f = new Foutenlijst(3);
    for (let i = 5; i >= 1; i--) f.voeg(i, 10, "T03", `fout ${i}.`, true);
    expect(f.aantal).toBe(5);
    const r = f.resultaat();
    expect(r.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(r[0]!.message).toBe("Regel 3: fout 3.");
  });

  it("groups a repeated structural failure into one with a count and example lines", () => {
    const f = new Foutenlijst();
    for (let i = 1; i <= 10; i++) f.voegGegroepeerd("x", i * 10, null, "T03", "Onbekend element.", true);
    f.voeg(null, null, "T01", "Naam.", false);
    const r = f.resultaat();
    expect(f.aantal).toBe(2);
    expect(r.map((e) => e.message)).toEqual([
      "Naam.",
      "Regel 10: Onbekend element. Dit komt nog 9 keer voor, onder meer op regel 20, 30, 40, 50 en 60.",
    ]);
  });

  it("tracks whether the XSD would also have failed", () => {
    const f = new Foutenlijst();
    f.voeg(1, 9, "T04", "datum", false);
    expect(f.schemaGeldig).toBe(true);
    f.voeg(1, 10, "T03", "code", true);
    expect(f.schemaGeldig).toBe(false);
  });
});
