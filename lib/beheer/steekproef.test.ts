import { describe, expect, it } from "vitest";
import { grootteklasse, trekSteekproef } from "./steekproef";

const kandidaten = Array.from({ length: 60 }, (_, i) => ({
  id: `b${String(i).padStart(2, "0")}`,
  personen: i < 30 ? 10 + i : i < 50 ? 200 + i : 5000 + i,
}));

describe("the sample of a kwaliteitsonderzoek", () => {
  it("draws the asked number per size class, never one twice", () => {
    const s = trekSteekproef(kandidaten, { groot: 3, middel: 4, klein: 5 }, "2026-najaar");
    expect(s.filter((x) => x.klasse === "groot")).toHaveLength(3);
    expect(s.filter((x) => x.klasse === "middel")).toHaveLength(4);
    expect(s.filter((x) => x.klasse === "klein")).toHaveLength(5);
    expect(new Set(s.map((x) => x.id)).size).toBe(12);
    for (const x of s) expect(grootteklasse(x.personen)).toBe(x.klasse);
  });
  it("is reproducible: the same seed gives the same sample whatever the order of the candidates", () => {
    const a = trekSteekproef(kandidaten, { groot: 3, middel: 4, klein: 5 }, "zaad");
    const b = trekSteekproef([...kandidaten].reverse(), { groot: 3, middel: 4, klein: 5 }, "zaad");
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
    const c = trekSteekproef(kandidaten, { groot: 3, middel: 4, klein: 5 }, "ander zaad");
    expect(c.map((x) => x.id)).not.toEqual(a.map((x) => x.id));
  });
  it("takes a whole class when it asks more than there are", () => {
    expect(trekSteekproef(kandidaten, { groot: 50, middel: 0, klein: 0 }, "x")).toHaveLength(10);
  });
  it("classes by persons delivered", () => {
    expect([99, 100, 999, 1000].map(grootteklasse)).toEqual(["klein", "middel", "middel", "groot"]);
  });
});
