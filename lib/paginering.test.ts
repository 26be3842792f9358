import { describe, expect, it } from "vitest";
import { pagina, paginanummers } from "./paginering";

describe("pagina", () => {
  it("cuts 2,911 rows into pages of 100 and keeps the number in range", () => {
    expect(pagina(2911, "1", 100)).toEqual({ nummer: 1, aantal: 30, van: 0, tot: 100, totaal: 2911 });
    expect(pagina(2911, "30", 100)).toEqual({ nummer: 30, aantal: 30, van: 2900, tot: 2911, totaal: 2911 });
    expect(pagina(2911, "31", 100).nummer).toBe(30);
    expect(pagina(2911, "0", 100).nummer).toBe(1);
    expect(pagina(2911, "-3", 100).nummer).toBe(1);
    expect(pagina(2911, "abc", 100).nummer).toBe(1);
    expect(pagina(2911, ["2", "3"], 100).nummer).toBe(1);
    expect(pagina(2911, undefined, 100).nummer).toBe(1);
  });

  it("an empty list is one empty page", () => {
    expect(pagina(0, "4", 100)).toEqual({ nummer: 1, aantal: 1, van: 0, tot: 0, totaal: 0 });
  });
});

describe("paginanummers", () => {
  it("first, last and two around the current one, gaps as null", () => {
    expect(paginanummers({ nummer: 10, aantal: 30 })).toEqual([1, null, 8, 9, 10, 11, 12, null, 30]);
    expect(paginanummers({ nummer: 1, aantal: 30 })).toEqual([1, 2, 3, null, 30]);
    expect(paginanummers({ nummer: 2, aantal: 4 })).toEqual([1, 2, 3, 4]);
    expect(paginanummers({ nummer: 1, aantal: 1 })).toEqual([1]);
  });
});
