import { describe, expect, it } from "vitest";
import { aanleverperiode, beoordeelAanlevering, datumInNederland } from "./aanleverperiode";

// Europe/Amsterdam: CEST (UTC+2) until 25 October 2026, CET (UTC+1) after.
const nlTijd = (iso: string) => new Date(iso);

describe("aanleverperiode", () => {
  it("runs from the day after the quarter to the quarter end + 28 days", () => {
    expect(aanleverperiode(2026, 3)).toMatchObject({ begin: 20261001, einde: 20261028 });
    expect(aanleverperiode(2026, 4)).toMatchObject({ begin: 20270101, einde: 20270128 });
    expect(aanleverperiode(2024, 1)).toMatchObject({ begin: 20240401, einde: 20240428 });
  });
});

describe("datumInNederland", () => {
  it("takes the Dutch calendar day, not the UTC one", () => {
    expect(datumInNederland(nlTijd("2026-10-28T22:30:00Z"))).toBe(20261028); // 23:30 CET
    expect(datumInNederland(nlTijd("2026-10-28T23:30:00Z"))).toBe(20261029); // 00:30 CET next day
    expect(datumInNederland(nlTijd("2026-07-28T22:30:00Z"))).toBe(20260729); // 00:30 CEST
  });
});

describe("beoordeelAanlevering", () => {
  const verwerkt = (iso: string) => ({ ontvangenOp: nlTijd(iso), status: "VERWERKT" });

  it("is tijdig up to and including the last day (Dutch time)", () => {
    const r = beoordeelAanlevering(2026, 3, [verwerkt("2026-10-28T22:59:00Z")], nlTijd("2026-11-23T10:00:00Z"));
    expect(r.staat).toBe("tijdig");
    expect(r.geleverdOp).toBe(20261028);
  });

  it("is te laat from the next day on", () => {
    const r = beoordeelAanlevering(2026, 3, [verwerkt("2026-10-28T23:01:00Z")], nlTijd("2026-11-23T10:00:00Z"));
    expect(r.staat).toBe("te-laat");
    expect(r.geleverdOp).toBe(20261029);
  });

  it("judges by the first delivery that counts: a late herlevering keeps an on-time quarter tijdig", () => {
    const r = beoordeelAanlevering(
      2026,
      3,
      [verwerkt("2026-11-20T10:00:00Z"), { ontvangenOp: nlTijd("2026-10-10T10:00:00Z"), status: "VERVANGEN" }],
      nlTijd("2026-11-23T10:00:00Z"),
    );
    expect(r.staat).toBe("tijdig");
    expect(r.geleverdOp).toBe(20261010);
  });

  it("does not count a rejected file: the gemeente has not delivered", () => {
    const afgekeurd = { ontvangenOp: nlTijd("2026-10-10T10:00:00Z"), status: "AFGEKEURD" };
    const open = beoordeelAanlevering(2026, 3, [afgekeurd], nlTijd("2026-10-20T10:00:00Z"));
    expect(open).toMatchObject({ staat: "nog-niet-geleverd", termijnVerstreken: false, dagenOver: 9 });
    const later = beoordeelAanlevering(
      2026,
      3,
      [afgekeurd, verwerkt("2026-11-02T10:00:00Z")],
      nlTijd("2026-11-23T10:00:00Z"),
    );
    expect(later.staat).toBe("te-laat");
  });

  it("counts a file still being checked, by its receipt date", () => {
    const r = beoordeelAanlevering(
      2026,
      3,
      [{ ontvangenOp: nlTijd("2026-10-05T08:00:00Z"), status: "TECHNISCHE_CONTROLE" }],
      nlTijd("2026-10-05T08:00:05Z"),
    );
    expect(r.staat).toBe("tijdig");
  });

  it("says nog niet begonnen before the quarter has ended, and counts days left while the period runs", () => {
    expect(beoordeelAanlevering(2026, 4, [], nlTijd("2026-11-23T10:00:00Z")).staat).toBe("nog-niet-begonnen");
    expect(beoordeelAanlevering(2026, 4, [], nlTijd("2026-12-31T22:59:00Z")).staat).toBe("nog-niet-begonnen");
    const eersteDag = beoordeelAanlevering(2026, 4, [], nlTijd("2026-12-31T23:30:00Z")); // 1 January, 00:30
    expect(eersteDag).toMatchObject({ staat: "nog-niet-geleverd", dagenOver: 28, termijnVerstreken: false });
    const laatsteDag = beoordeelAanlevering(2026, 4, [], nlTijd("2027-01-28T12:00:00Z"));
    expect(laatsteDag).toMatchObject({ staat: "nog-niet-geleverd", dagenOver: 1, termijnVerstreken: false });
  });

  it("marks the deadline as passed when nothing was delivered in time", () => {
    const r = beoordeelAanlevering(2026, 3, [], nlTijd("2026-11-23T10:00:00Z"));
    expect(r).toMatchObject({ staat: "nog-niet-geleverd", termijnVerstreken: true, dagenOver: null });
  });
});
