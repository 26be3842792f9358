import { describe, expect, it } from "vitest";
import { isNegenCijfers, voldoetAanElfproef } from "./bsn";

describe("BSN eleven-test", () => {
  it("weights 9..2 and -1", () => {
    expect(voldoetAanElfproef("111222333")).toBe(true);
    expect(voldoetAanElfproef("123456782")).toBe(true);
    expect(voldoetAanElfproef("012345672")).toBe(true);
    expect(voldoetAanElfproef("111222334")).toBe(false);
    expect(voldoetAanElfproef("123456789")).toBe(false);
  });

  it("refuses 000000000 and anything not 9 ASCII digits", () => {
    expect(voldoetAanElfproef("000000000")).toBe(false);
    for (const s of ["11122233", "1112223333", "11122233a", "１１１２２２３３３", ""]) {
      expect(isNegenCijfers(s), s).toBe(false);
      expect(voldoetAanElfproef(s), s).toBe(false);
    }
  });
});
