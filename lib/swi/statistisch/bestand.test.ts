/**
 * F01–F04: signals about the file as a whole, with their thresholds exactly on the boundary.
 */
import { describe, expect, it } from "vitest";
import type { Persoon } from "../types";
import { controleer, levering, persoon, personen, pip } from "./test-builder";

const vorigKwartaal = (lijst: Persoon[]) => levering(lijst, { jaar: 2025, kwartaal: 4 });

function bestandCodes(huidig: Persoon[], opties: Parameters<typeof controleer>[1] = {}): string[] {
  return controleer(huidig, opties).fileSignals.map((s) => s.rule);
}

describe("F01 aantal", () => {
  it("flags a change of more than 20% and more than 10 persons", () => {
    const uit = controleer(personen(79), { eerdere: [vorigKwartaal(personen(100))] }).fileSignals.filter(
      (s) => s.rule === "F01",
    );
    expect(uit).toHaveLength(1);
    expect(uit[0]).toMatchObject({ severity: "waarschuwing" });
    expect(uit[0]?.message).toContain("79");
    expect(uit[0]?.message).toContain("100");
    expect(bestandCodes(personen(31), { eerdere: [vorigKwartaal(personen(20))] })).toContain("F01");
  });
  it("does not flag exactly 20%, exactly 10 persons, or a previous delivery below 20 persons", () => {
    expect(bestandCodes(personen(80), { eerdere: [vorigKwartaal(personen(100))] })).not.toContain("F01");
    expect(bestandCodes(personen(30), { eerdere: [vorigKwartaal(personen(20))] })).not.toContain("F01");
    expect(bestandCodes(personen(1), { eerdere: [vorigKwartaal(personen(19))] })).not.toContain("F01");
    expect(bestandCodes(personen(1))).not.toContain("F01");
  });
});

describe("F02 alfabetisering-leeg", () => {
  const leegBij = (n: number, leeg: number) =>
    personen(n, (i) => (i < leeg ? { alfabetiseringscursus: undefined } : {}));

  it("flags more than half empty among at least 20 persons with a brede intake", () => {
    expect(controleer(leegBij(20, 11)).fileSignals).toMatchObject([{ rule: "F02", severity: "waarschuwing" }]);
  });
  it("does not flag exactly half, fewer than 20 such persons, or persons without intake", () => {
    expect(bestandCodes(leegBij(20, 10))).not.toContain("F02");
    expect(bestandCodes(leegBij(19, 19))).not.toContain("F02");
    const zonderIntake = personen(30, () => ({
      alfabetiseringscursus: undefined,
      bredeIntakeBegindatum: undefined,
      pips: [],
    }));
    expect(bestandCodes([...zonderIntake, ...leegBij(20, 10)])).not.toContain("F02");
  });
});

describe("F03 vulgraad", () => {
  const pvtBij = (n: number, gevuld: number) =>
    personen(n, (i) => (i < gevuld ? {} : { pvtOndertekeningsdatum: undefined }));

  it("flags a drop of more than 20 percentage points", () => {
    const uit = controleer(pvtBij(20, 15), { eerdere: [vorigKwartaal(pvtBij(20, 20))] }).fileSignals;
    expect(uit).toMatchObject([{ rule: "F03", severity: "waarschuwing" }]);
    expect(uit[0]?.message).toContain("PVTOndertekeningsdatum (20)");
    expect(uit[0]?.message).toContain("75%");
  });
  it("does not flag exactly 20 points, or fewer than 20 applicable persons last quarter", () => {
    expect(bestandCodes(pvtBij(20, 16), { eerdere: [vorigKwartaal(pvtBij(20, 20))] })).toEqual([]);
    expect(bestandCodes(pvtBij(19, 0), { eerdere: [vorigKwartaal(pvtBij(19, 19))] })).toEqual([]);
  });
  it("measures k12 among asielstatushouders only", () => {
    const asiel = (n: number, start: number) => personen(n, () => ({}), start);
    const gezin = (n: number, start: number) =>
      personen(
        n,
        () => ({
          typeMigrant: 2,
          maatschappelijkeBegeleidingBegindatum: undefined,
          pips: [pip({ begindatum: undefined })],
        }),
        start,
      );
    // Over everyone k12 would drop from 50% to 25%; among TypeMigrant 1 it stays 100%.
    const vorige = vorigKwartaal([...asiel(20, 1), ...gezin(20, 100)]);
    expect(bestandCodes([...asiel(20, 1), ...gezin(60, 100)], { eerdere: [vorige] })).toEqual(["F01"]);
  });
  it("measures k32 among persons with a B1-route PIP", () => {
    const b1 = (n: number, metNiveau: number) =>
      personen(n, (i) => ({ pips: [pip({ niveau: i < metNiveau ? 1 : undefined })] }));
    expect(controleer(b1(20, 15), { eerdere: [vorigKwartaal(b1(20, 20))] }).fileSignals.map((s) => s.message)).toEqual([
      expect.stringContaining("LeerrouteNiveau (32)"),
    ]);
    // Persons with only an onderwijsroute PIP are not counted for k32.
    const onderwijs = personen(40, () => ({ pips: [pip({ route: 2, niveau: undefined })] }), 500);
    expect(
      bestandCodes([...b1(20, 20), ...onderwijs], { eerdere: [vorigKwartaal([...b1(20, 20), ...onderwijs])] }),
    ).toEqual([]);
  });
  it("measures k24–27 among persons with inschatting 2, and skips a kenmerk that applies to no one now", () => {
    const zPip = pip({ route: 3, niveau: undefined, einddatum: 20251201 });
    const metInschatting = personen(20, () => ({
      pips: [zPip],
      zRouteInschattingTaalniveau: 2,
      zRouteLezen: 1,
      zRouteSchrijven: 1,
      zRouteSpreken: 1,
      zRouteLuisteren: 1,
    }));
    const zonder = personen(20, () => ({ pips: [zPip], zRouteInschattingTaalniveau: 1 }));
    expect(bestandCodes(zonder, { eerdere: [vorigKwartaal(metInschatting)] })).toEqual([]);
  });
});

describe("F04 te-laat", () => {
  it("notes a delivery received after the aanleverperiode (quarter end + 4 weeks) as info", () => {
    expect(controleer([persoon()], { received: 20260429 }).fileSignals).toMatchObject([
      { rule: "F04", severity: "info" },
    ]);
    expect(bestandCodes([persoon()], { received: 20260428 })).toEqual([]);
  });
});
