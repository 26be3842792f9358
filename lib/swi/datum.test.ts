import { describe, expect, it } from "vitest";
import {
  aanleverperiodeEinde,
  formatDatum,
  formatKwartaal,
  geboortedatumBereik,
  isGeldigeDatum,
  isGeldigeGeboortedatum,
  isOnvolledig,
  kwartaalBegin,
  kwartaalEinde,
  kwartaalVan,
  kwartaalVolgnummer,
  leeftijdBereik,
  leeftijdOp,
  plusDagen,
  vorigKwartaal,
} from "./datum";

describe("isGeldigeDatum", () => {
  it("accepts real calendar dates, including 29 February in a leap year", () => {
    for (const d of [20260101, 20261231, 20240229, 20000229, 19991231]) expect(isGeldigeDatum(d), String(d)).toBe(true);
  });
  it("refuses impossible dates and incomplete ones", () => {
    for (const d of [
      20260229, 19000229, 20260231, 20260431, 20261301, 20260001, 20260100, 20260000, 0, 2026010, 202601011, 20260101.5,
    ])
      expect(isGeldigeDatum(d), String(d)).toBe(false);
  });
});

describe("Geboortedatum with 00", () => {
  it("allows jjjj0000 and jjjjmm00, not jjjj00dd or 00000000", () => {
    expect(isGeldigeGeboortedatum(19850000)).toBe(true);
    expect(isGeldigeGeboortedatum(19850300)).toBe(true);
    expect(isGeldigeGeboortedatum(19850514)).toBe(true);
    expect(isGeldigeGeboortedatum(19850014)).toBe(false);
    expect(isGeldigeGeboortedatum(0)).toBe(false);
    expect(isGeldigeGeboortedatum(19851300)).toBe(false);
    expect(isGeldigeGeboortedatum(19850231)).toBe(false);
  });
  it("knows which dates are incomplete", () => {
    expect(isOnvolledig(19850000)).toBe(true);
    expect(isOnvolledig(19850300)).toBe(true);
    expect(isOnvolledig(19850301)).toBe(false);
  });
  it("gives the range of days an incomplete date stands for", () => {
    expect(geboortedatumBereik(19850000)).toEqual({ vroegst: 19850101, laatst: 19851231 });
    expect(geboortedatumBereik(19840200)).toEqual({ vroegst: 19840201, laatst: 19840229 });
    expect(geboortedatumBereik(19850200)).toEqual({ vroegst: 19850201, laatst: 19850228 });
    expect(geboortedatumBereik(19850514)).toEqual({ vroegst: 19850514, laatst: 19850514 });
  });
});

describe("plusDagen", () => {
  it("crosses months, years and leap days", () => {
    expect(plusDagen(20260331, 28)).toBe(20260428);
    expect(plusDagen(20251231, 1)).toBe(20260101);
    expect(plusDagen(20240228, 1)).toBe(20240229);
    expect(plusDagen(20250228, 1)).toBe(20250301);
    expect(plusDagen(20260101, -1)).toBe(20251231);
  });
});

describe("quarters", () => {
  it("has first and last days", () => {
    expect([kwartaalBegin(2026, 1), kwartaalEinde(2026, 1)]).toEqual([20260101, 20260331]);
    expect([kwartaalBegin(2026, 2), kwartaalEinde(2026, 2)]).toEqual([20260401, 20260630]);
    expect([kwartaalBegin(2026, 3), kwartaalEinde(2026, 3)]).toEqual([20260701, 20260930]);
    expect([kwartaalBegin(2026, 4), kwartaalEinde(2026, 4)]).toEqual([20261001, 20261231]);
  });
  it("finds the quarter of a date and the previous quarter", () => {
    expect(kwartaalVan(20260331)).toEqual({ jaar: 2026, kwartaal: 1 });
    expect(kwartaalVan(20260401)).toEqual({ jaar: 2026, kwartaal: 2 });
    expect(vorigKwartaal({ jaar: 2026, kwartaal: 1 })).toEqual({ jaar: 2025, kwartaal: 4 });
    expect(vorigKwartaal({ jaar: 2026, kwartaal: 3 })).toEqual({ jaar: 2026, kwartaal: 2 });
    expect(kwartaalVolgnummer(2025, 4) + 1).toBe(kwartaalVolgnummer(2026, 1));
  });
  it("ends the aanleverperiode 4 weeks after the quarter", () => {
    expect(aanleverperiodeEinde(2026, 1)).toBe(20260428);
    expect(aanleverperiodeEinde(2025, 4)).toBe(20260128);
    expect(aanleverperiodeEinde(2026, 2)).toBe(20260728);
  });
});

describe("leeftijdOp", () => {
  it("turns a year older on the birthday itself", () => {
    expect(leeftijdOp(20100331, 20260330)).toBe(15);
    expect(leeftijdOp(20100331, 20260331)).toBe(16);
  });
  it("lets someone born on 29 February turn older on 1 March in a common year", () => {
    expect(leeftijdOp(20080229, 20260228)).toBe(17);
    expect(leeftijdOp(20080229, 20260301)).toBe(18);
    expect(leeftijdOp(20080229, 20280229)).toBe(20);
  });
  it("gives the age range of an incomplete Geboortedatum", () => {
    expect(leeftijdBereik(20100000, 20260331)).toEqual({ min: 15, max: 16 });
    expect(leeftijdBereik(20100300, 20260331)).toEqual({ min: 16, max: 16 });
    expect(leeftijdBereik(20100400, 20260331)).toEqual({ min: 15, max: 15 });
    expect(leeftijdBereik(19850514, 20260331)).toEqual({ min: 40, max: 40 });
  });
});

describe("formatting", () => {
  it("writes dd-mm-jjjj and keeps 00", () => {
    expect(formatDatum(20260110)).toBe("10-01-2026");
    expect(formatDatum(19850300)).toBe("00-03-1985");
    expect(formatKwartaal(2025, 4)).toBe("2025 K4");
  });
});
