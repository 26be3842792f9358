/**
 * Q01–Q06: the comparison with earlier deliveries. The current delivery is 2026 Q1.
 */
import { describe, expect, it } from "vitest";
import type { Persoon } from "../types";
import { boete, bsn, controleer, gesprek, gezinsmigrant, levering, persoon, pip, signalenVan } from "./test-builder";

const q4 = (personen: Persoon[]) => levering(personen, { jaar: 2025, kwartaal: 4 });
const q3 = (personen: Persoon[]) => levering(personen, { jaar: 2025, kwartaal: 3 });

describe("Q01 verdwenen", () => {
  it("flags a person of the previous quarter without EindeBegeleidingReden who is missing now, with that BSN", () => {
    const weg = persoon({ bsn: bsn(7) });
    const blijft = persoon({ bsn: bsn(8) });
    const s = controleer([blijft], { eerdere: [q4([weg, blijft])] }).signals.filter((x) => x.rule === "Q01");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ bsn: bsn(7), kenmerken: [8, 28], severity: "waarschuwing" });
    expect(s[0]?.message).toContain("2025 K4");
  });
  it("does not flag a person who left with a reden, or who is still there", () => {
    const vertrokken = persoon({ bsn: bsn(7), eindeBegeleidingReden: 1, eindeBegeleidingDatum: 20251120 });
    expect(
      controleer([persoon({ bsn: bsn(8) })], { eerdere: [q4([vertrokken, persoon({ bsn: bsn(8) })])] }).signals.filter(
        (x) => x.rule === "Q01",
      ),
    ).toHaveLength(0);
  });
  it("compares with the latest earlier quarter only", () => {
    const alleenInQ3 = persoon({ bsn: bsn(7) });
    const uit = controleer([persoon()], { eerdere: [q3([alleenInQ3, persoon()]), q4([persoon()])] });
    expect(uit.signals.filter((x) => x.rule === "Q01")).toHaveLength(0);
  });
  it("ignores deliveries for the same or a later quarter", () => {
    const zelfde = levering([persoon({ bsn: bsn(7) })], { jaar: 2026, kwartaal: 1 });
    const later = levering([persoon({ bsn: bsn(9) })], { jaar: 2026, kwartaal: 2 });
    expect(controleer([persoon()], { eerdere: [zelfde, later] }).signals).toEqual([]);
  });
});

describe("Q02 vaste-gegevens", () => {
  it("flags a changed Geslacht or Geboortedatum, both in one row", () => {
    expect(signalenVan(persoon({ geslacht: 1 }), "Q02", { eerdere: [q4([persoon()])] })).toMatchObject([
      {
        kenmerken: [10],
        waarden: "Geslacht (10) = 1 (man) (vorig kwartaal (2025 K4): 2 (vrouw))",
        severity: "waarschuwing",
      },
    ]);
    expect(
      signalenVan(persoon({ geslacht: 1, geboortedatum: 19910515 }), "Q02", { eerdere: [q4([persoon()])] }),
    ).toMatchObject([{ kenmerken: [9, 10] }]);
  });
  it("does not flag unchanged values, nor a difference with an older quarter than the previous", () => {
    expect(signalenVan(persoon(), "Q02", { eerdere: [q4([persoon()])] })).toHaveLength(0);
    expect(signalenVan(persoon(), "Q02", { eerdere: [q3([persoon({ geslacht: 1 })]), q4([persoon()])] })).toHaveLength(
      0,
    );
  });
  it("treats a completed incomplete Geboortedatum as a change", () => {
    expect(
      signalenVan(persoon({ geboortedatum: 19910514 }), "Q02", {
        eerdere: [q4([persoon({ geboortedatum: 19910500 })])],
      }),
    ).toHaveLength(1);
  });
});

describe("Q03 datum-gewijzigd", () => {
  it("flags a changed and a disappeared date in one row", () => {
    const s = signalenVan(persoon({ bredeIntakeBegindatum: 20250911, pvtOndertekeningsdatum: undefined }), "Q03", {
      eerdere: [q4([persoon({ pvtOndertekeningsdatum: 20251215 })])],
    });
    expect(s).toMatchObject([{ kenmerken: [15, 20], severity: "waarschuwing" }]);
    expect(s[0]?.waarden).toBe(
      "BredeIntakeBegindatum (15) = 11-09-2025 (vorig kwartaal (2025 K4): 10-09-2025); PVTOndertekeningsdatum (20) = leeg (vorig kwartaal (2025 K4): 15-12-2025)",
    );
  });
  it("does not flag a date that is new now, or kenmerken outside 12, 13, 15, 17, 20, 21", () => {
    expect(
      signalenVan(persoon({ mapDatumEersteActiviteit: 20260201 }), "Q03", { eerdere: [q4([persoon()])] }),
    ).toHaveLength(0);
    expect(
      signalenVan(persoon({ ontzorgenBegindatum: 20250910, ontzorgenEinddatum: 20260310 }), "Q03", {
        eerdere: [q4([persoon({ ontzorgenBegindatum: 20250910, ontzorgenEinddatum: 20260301 })])],
      }),
    ).toHaveLength(0);
  });
});

describe("Q04 gesprek-herhaald", () => {
  it("flags a gesprek date delivered in any earlier delivery", () => {
    const eerdere = [
      q3([gezinsmigrant({ voortgangsgesprekken: [gesprek(20250815)] })]),
      q4([gezinsmigrant({ voortgangsgesprekken: [gesprek(20251110)] })]),
    ];
    const s = signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20250815), gesprek(20260204)] }), "Q04", {
      eerdere,
    });
    expect(s).toMatchObject([
      { kenmerken: [35], waarden: "VoortgangsgesprekDatum (35) = 15-08-2025", severity: "fout" },
    ]);
    expect(s[0]?.message).toContain("2025 K3");
  });
  it("does not flag a new date", () => {
    expect(
      signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260204)] }), "Q04", {
        eerdere: [q4([gezinsmigrant({ voortgangsgesprekken: [gesprek(20251110)] })])],
      }),
    ).toHaveLength(0);
  });
});

describe("Q05 boete-correctie", () => {
  const eerder = q4([persoon({ boetes: [boete(20251120, 2, 250)] })]);

  it("flags a reden that matches none of the earlier boetes on that date", () => {
    expect(signalenVan(persoon({ boetes: [boete(20251120, 1, 250)] }), "Q05", { eerdere: [eerder] })).toMatchObject([
      { kenmerken: [36, 37], severity: "fout" },
    ]);
  });
  it("flags a higher amount", () => {
    const s = signalenVan(persoon({ boetes: [boete(20251120, 2, 251)] }), "Q05", { eerdere: [eerder] });
    expect(s).toMatchObject([{ kenmerken: [36, 37, 38] }]);
    expect(s[0]?.waarden).toContain("eerder geleverd: BoeteBedrag 250");
  });
  it("accepts a lower amount, 0, an unchanged re-delivery and a boete on a new date", () => {
    for (const b of [
      boete(20251120, 2, 100),
      boete(20251120, 2, 0),
      boete(20251120, 2, 250),
      boete(20260212, 1, 500),
    ]) {
      expect(signalenVan(persoon({ boetes: [b] }), "Q05", { eerdere: [eerder] }), JSON.stringify(b)).toHaveLength(0);
    }
  });
  it("compares the amount with the latest correction", () => {
    const eerdere = [
      q3([persoon({ boetes: [boete(20250820, 2, 250)] })]),
      q4([persoon({ boetes: [boete(20250820, 2, 100)] })]),
    ];
    expect(signalenVan(persoon({ boetes: [boete(20250820, 2, 150)] }), "Q05", { eerdere })).toHaveLength(1);
    expect(signalenVan(persoon({ boetes: [boete(20250820, 2, 100)] }), "Q05", { eerdere })).toHaveLength(0);
  });
  it("is the one finding for a changed reden: no P22 'nagekomen, geen actie nodig' or P23 beside it", () => {
    for (const b of [boete(20251120, 1, 250), boete(20251120, 1, 0)]) {
      const regels = controleer([persoon({ boetes: [b] })], { eerdere: [eerder] })
        .signals.filter((s) => s.kenmerken.some((k) => k >= 36 && k <= 38))
        .map((s) => s.rule);
      expect(regels, JSON.stringify(b)).toEqual(["Q05"]);
    }
  });
  it("accepts a reden that matches one of several earlier boetes on the date", () => {
    const eerdere = [q4([persoon({ boetes: [boete(20251120, 1, 100), boete(20251120, 2, 300)] })])];
    expect(signalenVan(persoon({ boetes: [boete(20251120, 2, 300)] }), "Q05", { eerdere })).toHaveLength(0);
    expect(signalenVan(persoon({ boetes: [boete(20251120, 1, 300)] }), "Q05", { eerdere })).toHaveLength(1);
  });
});

describe("Q06 leerroute-begindatum", () => {
  it("flags a LeerrouteBegindatum that differs from the last one delivered", () => {
    const eerdere = [q3([persoon({ pips: [pip({ begindatum: 20251001 })] })]), q4([persoon()])];
    const s = signalenVan(persoon({ pips: [pip({ begindatum: 20251104 })] }), "Q06", { eerdere });
    expect(s).toMatchObject([{ kenmerken: [33], severity: "waarschuwing" }]);
    expect(s[0]?.waarden).toContain("eerder geleverd: 03-11-2025 in de levering over 2025 K4");
  });
  it("accepts the same begindatum on a new PIP with another route, and a first begindatum", () => {
    const eerdere = [q4([persoon()])];
    expect(
      signalenVan(persoon({ pips: [pip(), pip({ datum: 20260120, route: 3, niveau: undefined })] }), "Q06", {
        eerdere,
      }),
    ).toHaveLength(0);
    expect(
      signalenVan(persoon(), "Q06", { eerdere: [q4([persoon({ pips: [pip({ begindatum: undefined })] })])] }),
    ).toHaveLength(0);
  });
});
