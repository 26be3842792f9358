import { describe, expect, it } from "vitest";
import { eersteDagNaKwartaal, isGeboortedatum, isKalenderdatum, laatsteDagKwartaal } from "./datum";
import { swiDatumLang } from "../opmaak";

describe("datum", () => {
  it("knows real calendar dates, leap years included", () => {
    for (const d of [20240229, 20000229, 20261231, 20260131, 20260430])
      expect(isKalenderdatum(d), String(d)).toBe(true);
    for (const d of [20260229, 19000229, 20260431, 20261301, 20260100, 20260001, 0, 20260132])
      expect(isKalenderdatum(d), String(d)).toBe(false);
  });

  it("accepts the BRP's unknown month/day only in the allowed shapes", () => {
    for (const d of [19850000, 19850300, 19850314, 19841200]) expect(isGeboortedatum(d), String(d)).toBe(true);
    for (const d of [19850015, 0, 19851300, 19850230, 19850001]) expect(isGeboortedatum(d), String(d)).toBe(false);
  });

  it("knows the quarters", () => {
    expect(laatsteDagKwartaal(2026, 1)).toBe(20260331);
    expect(laatsteDagKwartaal(2026, 2)).toBe(20260630);
    expect(laatsteDagKwartaal(2026, 4)).toBe(20261231);
    expect(eersteDagNaKwartaal(2026, 1)).toBe(20260401);
    expect(eersteDagNaKwartaal(2025, 4)).toBe(20260101);
  });

  it("writes dates in Dutch", () => {
    expect(swiDatumLang(20260331)).toBe("31 maart 2026");
    expect(swiDatumLang(19850300)).toBe("maart 1985");
    expect(swiDatumLang(19850000)).toBe("1985");
  });
});
