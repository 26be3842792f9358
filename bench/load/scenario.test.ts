import { describe, expect, it } from "vitest";
import { aantallenPersonen, KLEIN, percentiel, uploadMomenten, vatSamen, VOLLEDIG } from "./scenario";

describe("the deadline scenario", () => {
  it("draws every size within bounds, reproducibly, mostly small", () => {
    const a = aantallenPersonen(VOLLEDIG);
    expect(a).toHaveLength(340);
    expect(aantallenPersonen(VOLLEDIG)).toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...a)).toBeLessThanOrEqual(20_000);
    const mediaan = percentiel(a, 50);
    expect(mediaan).toBeGreaterThan(1000);
    expect(mediaan).toBeLessThan(4000);
    expect(a.filter((n) => n > 15_000).length).toBeGreaterThan(0);
  });

  it("starts every upload inside the window, most of them in its second half", () => {
    const m = uploadMomenten(VOLLEDIG);
    expect(m).toHaveLength(340);
    expect(m).toEqual([...m].sort((x, y) => x - y));
    expect(m[0]).toBeGreaterThanOrEqual(0);
    expect(m.at(-1)).toBeLessThanOrEqual(180_000);
    const tweedeHelft = m.filter((t) => t > 90_000).length;
    expect(tweedeHelft / m.length).toBeGreaterThan(0.65);
    expect(uploadMomenten(KLEIN)).toHaveLength(KLEIN.berichtgevers);
  });
});

describe("percentiles", () => {
  it("use the nearest rank", () => {
    const w = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiel(w, 50)).toBe(50);
    expect(percentiel(w, 95)).toBe(95);
    expect(percentiel(w, 99)).toBe(99);
    expect(percentiel(w, 100)).toBe(100);
    expect(percentiel([7], 99)).toBe(7);
    expect(percentiel([], 50)).toBeNaN();
    expect(vatSamen([3, 1, 2])).toEqual({ aantal: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });
});
