import { describe, expect, it } from "vitest";
import { ernstVan, regel } from "../regels";
import { boete, bsn, controleer, gesprek, gezinsmigrant, levering, persoon, pip } from "./test-builder";
import { vorigeLevering } from "./index";

describe("statistischeControle", () => {
  it("finds nothing in clean, plausible persons", () => {
    const uit = controleer([
      persoon({ bsn: bsn(1), boetes: [boete(20260212)] }),
      gezinsmigrant({ bsn: bsn(2), voortgangsgesprekken: [gesprek(20260115), gesprek(20260310)] }),
      persoon({
        bsn: bsn(3),
        geboortedatum: 19800229,
        geslacht: 1,
        ontzorgenBegindatum: 20250905,
        ontzorgenEinddatum: 20260305,
        alfabetiseringscursus: 2,
        analfabetisme: 2,
        mapDatumEersteActiviteit: 20260110,
        zRouteInschattingTaalniveau: 2,
        zRouteLezen: 1,
        zRouteSchrijven: 1,
        zRouteSpreken: 2,
        zRouteLuisteren: 9,
        pips: [pip({ route: 3, niveau: undefined, einddatum: 20260301 })],
        eindeBegeleidingReden: 2,
        eindeBegeleidingDatum: 20260320,
      }),
    ]);
    expect(uit).toEqual({ signals: [], fileSignals: [] });
  });

  it("finds nothing in a clean person delivered again next quarter", () => {
    const vorige = levering(
      [
        persoon({ boetes: [boete(20251120)] }),
        gezinsmigrant({ bsn: bsn(2), voortgangsgesprekken: [gesprek(20251105)] }),
      ],
      { jaar: 2025, kwartaal: 4 },
    );
    const uit = controleer(
      [
        persoon({ boetes: [boete(20260212)] }),
        gezinsmigrant({ bsn: bsn(2), voortgangsgesprekken: [gesprek(20260203)] }),
      ],
      { eerdere: [vorige] },
    );
    expect(uit).toEqual({ signals: [], fileSignals: [] });
  });

  it("sorts by BSN, then first kenmerk, then rule", () => {
    const a = persoon({ bsn: "200000002", pvtOndertekeningsdatum: 20260420, ontzorgenEinddatum: 20260101 });
    const b = persoon({ bsn: "100000009", geboortedatum: 19910500, bredeIntakeUrenTaalKNM: 700 });
    const uit = controleer([a, b]).signals.map((s) => `${s.bsn} ${s.kenmerken[0]} ${s.rule}`);
    expect(uit).toEqual(["100000009 9 P06", "100000009 16 P19", "200000002 13 P09", "200000002 20 P01"]);
  });

  it("never repeats an identical row (a gesprek delivered twice)", () => {
    const p = persoon({ voortgangsgesprekken: [gesprek(20260204), gesprek(20260204)] });
    const uit = controleer([p]).signals;
    expect(uit.filter((s) => s.rule === "P08")).toHaveLength(1);
    expect(uit.filter((s) => s.rule === "P21")).toHaveLength(1);
    const sleutels = uit.map((s) => JSON.stringify(s));
    expect(new Set(sleutels).size).toBe(sleutels.length);
  });

  it("takes severity and default advice from the rule catalogue", () => {
    const uit = controleer([
      persoon({ ontzorgenEinddatum: 20260101, bredeIntakeUrenTaalKNM: 700, boetes: [boete(20251231)] }),
    ]).signals;
    expect(uit.length).toBeGreaterThanOrEqual(3);
    for (const s of uit) {
      const r = regel(s.rule);
      if (typeof r.ernst === "string") expect(s.severity).toBe(r.ernst);
      else expect(r.ernst.map((g) => g.ernst)).toContain(s.severity);
    }
    expect(uit.find((s) => s.rule === "P09")?.advies).toBe(regel("P09").watTeDoen);
    expect(uit.find((s) => s.rule === "P22")?.severity).toBe(ernstVan("P22", "nagekomen"));
  });

  it("keeps a BSN's leading zero", () => {
    const uit = controleer([persoon({ bsn: "012345672", bredeIntakeUrenTaalKNM: 601 })]).signals;
    expect(uit[0]?.bsn).toBe("012345672");
  });
});

describe("vorigeLevering", () => {
  it("is the latest delivery for an earlier quarter, whatever the order given", () => {
    const q3 = levering([], { jaar: 2025, kwartaal: 3 });
    const q4 = levering([], { jaar: 2025, kwartaal: 4 });
    const q1 = levering([], { jaar: 2026, kwartaal: 1 });
    expect(vorigeLevering(q1, [q4, q3, q1])).toBe(q4);
    expect(vorigeLevering(q1, [q1])).toBeUndefined();
  });
});
