import { describe, expect, it } from "vitest";
import { aantal, datum, datumLang, getal, moment, momentLang, procent, swiDatum } from "./opmaak";

describe("Dutch formatting, one way everywhere", () => {
  it("writes numbers with a thousands point and percentages with a decimal comma", () => {
    expect(getal(2839)).toBe("2.839");
    expect(getal(200000)).toBe("200.000");
    expect(getal(12)).toBe("12");
    expect(procent(68.57)).toBe("68,6%");
    expect(procent(100)).toBe("100%");
  });

  it("chooses singular for exactly one, plural otherwise", () => {
    expect(aantal(1, "berichtgever", "berichtgevers")).toBe("1 berichtgever");
    expect(aantal(0, "berichtgever", "berichtgevers")).toBe("0 berichtgevers");
    expect(aantal(2923, "berichtgever", "berichtgevers")).toBe("2.923 berichtgevers");
  });

  it("writes moments in Dutch time, also across the change to winter time", () => {
    const zomer = new Date("2026-07-01T11:05:00Z");
    const winter = new Date("2026-11-23T12:05:00Z");
    expect(datum(zomer)).toBe("01-07-2026");
    expect(moment(zomer)).toBe("01-07-2026 13:05");
    expect(moment(winter)).toBe("23-11-2026 13:05");
    expect(moment(winter.toISOString())).toBe("23-11-2026 13:05");
    expect(datumLang(winter)).toBe("23 november 2026");
    expect(momentLang(winter)).toBe("23 november 2026 om 13:05");
    expect(moment("2026-07-01T22:30:00Z")).toBe("02-07-2026 00:30");
    // Just before midnight UTC is the next day in Amsterdam.
    expect(datum(new Date("2026-12-31T23:30:00Z"))).toBe("01-01-2027");
  });

  it("writes dates from the file as dd-mm-jjjj", () => {
    expect(swiDatum(20260315)).toBe("15-03-2026");
    expect(swiDatum(20260000)).toBe("00-00-2026");
  });
});
