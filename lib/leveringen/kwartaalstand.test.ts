import { describe, expect, it } from "vitest";
import { actueelKwartaal, geldendeLevering, kwartaalStand, kwartalenTot } from "./kwartaalstand";

const l = (id: string, status: string, ontvangen: string) => ({ id, status, ontvangenOp: new Date(ontvangen) });

describe("the geldende levering", () => {
  it("is the newest accepted delivery; a rejected or unchecked re-upload never takes its place", () => {
    const eerste = l("a", "VERVANGEN", "2026-10-05T10:00:00Z");
    const tweede = l("b", "VERWERKT", "2026-10-10T10:00:00Z");
    const afgekeurd = l("c", "AFGEKEURD", "2026-10-12T10:00:00Z");
    const bezig = l("d", "TECHNISCHE_CONTROLE", "2026-10-13T10:00:00Z");
    expect(geldendeLevering([eerste, tweede, afgekeurd, bezig])?.id).toBe("b");
    expect(geldendeLevering([afgekeurd, bezig])).toBeNull();
    expect(geldendeLevering([])).toBeNull();
  });
});

describe("a proeflevering", () => {
  const proef = (id: string, status: string, ontvangen: string) => ({
    ...l(id, status, ontvangen),
    proef: "WACHT_OP_VRIJGAVE",
  });
  it("is never geldend and does not change the stand, also not the earliest receipt (tijdig)", () => {
    const nu = new Date("2026-11-20T10:00:00Z");
    const wacht = proef("p", "VERWERKT", "2026-10-10T10:00:00Z");
    expect(geldendeLevering([wacht])).toBeNull();
    const s = kwartaalStand(2026, 3, [wacht], nu);
    expect(s).toMatchObject({ stand: "termijn-verstreken", geldend: null, nieuwste: null });
    // Released after the period: a delivery received at release, so late.
    const vrij = { ...l("p", "VERWERKT", "2026-11-02T10:00:00Z"), proef: null };
    expect(kwartaalStand(2026, 3, [vrij], nu)).toMatchObject({ stand: "te-laat", geldend: vrij });
  });
});

describe("the state of a quarter for a gemeente", () => {
  const nu = new Date("2026-10-20T10:00:00Z"); // K3's period: 1 to 28 October 2026
  it("asks for a delivery, with the deadline and the days left", () => {
    const s = kwartaalStand(2026, 3, [], nu);
    expect(s.stand).toBe("nog-niet-geleverd");
    expect(s.teDoen).toBe("Lever aan uiterlijk 28-10-2026 (nog 9 dagen).");
  });
  it("says a rejected re-upload leaves the earlier accepted delivery in force", () => {
    const s = kwartaalStand(
      2026,
      3,
      [l("b", "VERWERKT", "2026-10-10T10:00:00Z"), l("c", "AFGEKEURD", "2026-10-12T10:00:00Z")],
      nu,
    );
    expect(s.stand).toBe("tijdig");
    expect(s.geldend?.id).toBe("b");
    expect(s.nieuwste?.id).toBe("c");
    expect(s.teDoen).toMatch(/eerdere levering blijft gelden/);
  });
  it("while a new file is checked, the earlier one still counts", () => {
    const s = kwartaalStand(
      2026,
      3,
      [l("b", "VERWERKT", "2026-10-10T10:00:00Z"), l("d", "ONTVANGEN", "2026-10-19T10:00:00Z")],
      nu,
    );
    expect(s.stand).toBe("wordt-gecontroleerd");
    expect(s.geldend?.id).toBe("b");
    expect(s.teDoen).toMatch(/blijft de eerdere levering gelden/);
  });
  it("a rejected file alone asks for a new one before the deadline, or as soon as possible after it", () => {
    expect(kwartaalStand(2026, 3, [l("c", "AFGEKEURD", "2026-10-12T10:00:00Z")], nu).teDoen).toBe(
      "Herstel de fouten en lever opnieuw aan, uiterlijk 28-10-2026.",
    );
    const laat = kwartaalStand(
      2026,
      3,
      [l("c", "AFGEKEURD", "2026-10-12T10:00:00Z")],
      new Date("2026-11-02T10:00:00Z"),
    );
    expect(laat.stand).toBe("afgekeurd");
    expect(laat.teDoen).toMatch(/zo snel mogelijk/);
  });
  it("late, too late, and not yet begun", () => {
    expect(kwartaalStand(2026, 3, [l("b", "VERWERKT", "2026-10-29T08:00:00Z")], nu).stand).toBe("te-laat");
    expect(kwartaalStand(2026, 3, [], new Date("2026-11-02T10:00:00Z")).stand).toBe("termijn-verstreken");
    expect(kwartaalStand(2026, 4, [], nu).stand).toBe("nog-niet-begonnen");
  });
});

describe("the current quarter", () => {
  it("is the one whose period is open, else the last one that ended, with the next announced", () => {
    expect(actueelKwartaal(new Date("2026-10-20T10:00:00Z"))).toMatchObject({ jaar: 2026, kwartaal: 3, open: true });
    expect(actueelKwartaal(new Date("2026-12-05T10:00:00Z"))).toEqual({
      jaar: 2026,
      kwartaal: 3,
      open: false,
      volgende: { jaar: 2026, kwartaal: 4, begin: 20270101 },
    });
    expect(actueelKwartaal(new Date("2027-01-03T10:00:00Z"))).toMatchObject({ jaar: 2026, kwartaal: 4, open: true });
  });
  it("lists the last quarters, oldest first, across a year", () => {
    expect(kwartalenTot(2026, 2, 4).map((k) => k.tekst)).toEqual(["2025 K3", "2025 K4", "2026 K1", "2026 K2"]);
  });
});
