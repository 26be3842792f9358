import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Persoon } from "../types";
import { genereerLevering, genereerLeveringPaar, type GegenereerdeLevering } from "../testhulp/generator";
import { isGeldigBsn } from "../testhulp/traject";
import { VERVUILINGEN, vervuil } from "../testhulp/vervuiling";

const tmp = mkdtempSync(join(tmpdir(), "swi-generator-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const basis = { berichtgevercode: "0153", gemeentecode: "0153", statistiekjaar: 2026, kwartaal: 2 as const };
const paar = genereerLeveringPaar({ ...basis, aantalPersonen: 3000, seed: "test" });

function datums(p: Persoon): Array<[string, number]> {
  const uit: Array<[string, number]> = [];
  for (const [k, v] of Object.entries(p))
    if (typeof v === "number" && /datum/i.test(k) && k !== "geboortedatum") uit.push([k, v]);
  for (const pip of p.pips) {
    uit.push(["pip", pip.datum]);
    if (pip.begindatum) uit.push(["leerrouteBegin", pip.begindatum]);
    if (pip.einddatum) uit.push(["leerrouteEind", pip.einddatum]);
  }
  for (const g of p.voortgangsgesprekken) uit.push(["gesprek", g.datum]);
  for (const b of p.boetes) uit.push(["boete", b.datum]);
  return uit;
}

describe("genereerLevering", () => {
  it("is deterministic in its seed", () => {
    const a = genereerLevering({ ...basis, aantalPersonen: 200, seed: 7 });
    const b = genereerLevering({ ...basis, aantalPersonen: 200, seed: 7 });
    const c = genereerLevering({ ...basis, aantalPersonen: 200, seed: 8 });
    expect(a.xml()).toBe(b.xml());
    expect(a.xml()).not.toBe(c.xml());
    expect(a.bestandsnaam).toBe("SWI_0153_0153_20262.XML");
  });

  it("gives unique BSNs that pass the eleven-test, some with a leading zero", () => {
    const bsns = paar.huidige.personen.map((p) => p.bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.every(isGeldigBsn)).toBe(true);
    expect(bsns.some((b) => b.startsWith("0"))).toBe(true);
    expect(isGeldigBsn("111222333")).toBe(true);
    expect(isGeldigBsn("111222334")).toBe(false);
  });

  it("writes ~700 bytes per person and streams the same bytes as xml()", async () => {
    const pad = join(tmp, paar.huidige.bestandsnaam);
    const bytes = await paar.huidige.schrijfXml(pad);
    const tekst = readFileSync(pad, "utf8");
    expect(tekst).toBe(paar.huidige.xml());
    expect(bytes).toBe(Buffer.byteLength(tekst));
    const perPersoon = bytes / paar.huidige.personen.length;
    expect(perPersoon).toBeGreaterThan(600);
    expect(perPersoon).toBeLessThan(800);
  });

  it("knows the line of every Persoon, PIP, gesprek and boete", () => {
    const regels = paar.huidige.xml().split("\n");
    for (const p of paar.huidige.personen) {
      expect(regels[p.line - 1]?.trim()).toBe("<Persoon>");
      expect(regels[p.line]).toContain(`<Burgerservicenummer>${p.bsn}<`);
      for (const pip of p.pips) expect(regels[pip.line - 1]?.trim()).toBe("<PIP>");
      for (const g of p.voortgangsgesprekken) expect(regels[g.line]).toContain(String(g.datum));
      for (const b of p.boetes) expect(regels[b.line]).toContain(String(b.datum));
    }
  });

  it("delivers only what has happened, since 2022, and only for the right TypeMigrant", () => {
    const l = paar.huidige;
    for (const p of l.personen) {
      for (const [naam, d] of datums(p)) {
        expect(d, `${p.bsn} ${naam}`).toBeLessThanOrEqual(l.kwartaalEinde);
        expect(d, `${p.bsn} ${naam}`).toBeGreaterThanOrEqual(20220101);
      }
      for (const g of p.voortgangsgesprekken) expect(g.datum).toBeGreaterThanOrEqual(l.kwartaalBegin);
      const leeftijd = Math.floor((l.kwartaalEinde - p.geboortedatum) / 10000);
      expect(leeftijd).toBeGreaterThanOrEqual(16);
      expect(leeftijd).toBeLessThan(67);
      if (p.typeMigrant === 2) {
        expect(
          p.maatschappelijkeBegeleidingBegindatum ?? p.ontzorgenBegindatum ?? p.ontzorgenEinddatum,
        ).toBeUndefined();
        expect(p.pips.every((pip) => pip.begindatum === undefined)).toBe(true);
      } else {
        expect(p.voortgangsgesprekken).toHaveLength(0);
      }
      for (const pip of p.pips) {
        expect(pip.niveau !== undefined).toBe(pip.route === 1);
        if (pip.einddatum !== undefined) expect(pip.route).toBe(3);
        expect(p.bredeIntakeBegindatum).toBeLessThanOrEqual(pip.datum);
      }
      expect(p.eindeBegeleidingReden === undefined).toBe(p.eindeBegeleidingDatum === undefined);
      expect(p.analfabetisme !== undefined).toBe(p.alfabetiseringscursus === 2);
      if (p.zRouteInschattingTaalniveau !== undefined) expect(p.pips.some((pip) => pip.route === 3)).toBe(true);
      if (p.mapDatumEersteActiviteit !== undefined) expect(p.pips.some((pip) => pip.route !== 2)).toBe(true);
    }
  });

  it("carries persons over consistently from one quarter to the next", () => {
    const vorige = new Map(paar.vorige.personen.map((p) => [p.bsn, p]));
    const huidige = new Map(paar.huidige.personen.map((p) => [p.bsn, p]));
    let gebleven = 0;
    for (const [bsn, v] of vorige) {
      const h = huidige.get(bsn);
      if (!h) {
        expect(v.eindeBegeleidingReden, `${bsn} verdwijnt zonder reden`).toBeDefined();
        continue;
      }
      gebleven++;
      expect([h.geboortedatum, h.geslacht, h.typeMigrant]).toEqual([v.geboortedatum, v.geslacht, v.typeMigrant]);
      for (const k of [
        "maatschappelijkeBegeleidingBegindatum",
        "ontzorgenBegindatum",
        "bredeIntakeBegindatum",
        "waarschuwingNietVerschijnenIntakeDatum",
        "pvtOndertekeningsdatum",
        "mapDatumEersteActiviteit",
      ] as const) {
        if (v[k] !== undefined) expect(h[k], `${bsn} ${k}`).toBe(v[k]);
      }
      const eerdereGesprekken = new Set(v.voortgangsgesprekken.map((g) => g.datum));
      expect(h.voortgangsgesprekken.some((g) => eerdereGesprekken.has(g.datum))).toBe(false);
      for (const b of h.boetes) {
        const eerder = v.boetes.find((e) => e.datum === b.datum);
        if (eerder) {
          expect(b.reden).toBe(eerder.reden);
          expect(b.bedrag).toBeLessThan(eerder.bedrag);
        } else {
          expect(b.datum).toBeGreaterThanOrEqual(paar.huidige.kwartaalBegin);
        }
      }
    }
    expect(gebleven / vorige.size).toBeGreaterThan(0.85);
    const nieuw = paar.huidige.personen.filter((p) => !vorige.has(p.bsn));
    expect(nieuw.length).toBeGreaterThan(0.05 * vorige.size);
    expect(paar.huidige.personen.length).toBe(Math.round(3000 * 1.02));
  });

  it("includes the variety the checks look at", () => {
    const alle = [...paar.vorige.personen, ...paar.huidige.personen];
    const telt = (f: (p: Persoon) => boolean): number => alle.filter(f).length;
    expect(telt((p) => p.pips.length > 1)).toBeGreaterThan(0);
    expect(telt((p) => p.boetes.length > 0)).toBeGreaterThan(0);
    expect(telt((p) => p.zRouteLezen !== undefined)).toBeGreaterThan(0);
    expect(telt((p) => p.eindeBegeleidingReden === 1)).toBeGreaterThan(0);
    expect(telt((p) => p.eindeBegeleidingReden === 2)).toBeGreaterThan(0);
    expect(telt((p) => p.voortgangsgesprekken.length > 1)).toBeGreaterThan(0);
    expect(
      paar.huidige.personen.some((p) =>
        p.boetes.some((b) =>
          paar.vorige.personen.some((v) => v.bsn === p.bsn && v.boetes.some((e) => e.datum === b.datum)),
        ),
      ),
    ).toBe(true);
  });
});

describe("vervuil", () => {
  const huidige: GegenereerdeLevering = paar.huidige;
  it.each(VERVUILINGEN)("%s changes the delivery", (soort) => {
    const v = vervuil(huidige, soort, { vorige: paar.vorige });
    expect(v.xml()).not.toBe(huidige.xml());
    expect(v.regel).toBe(soort.slice(0, 3));
    if (v.line !== undefined) {
      const regel = v.xml().split("\n")[v.line - 1] ?? "";
      expect(regel).toMatch(/<\w+>/);
    }
  });

  it("points at the offending element", () => {
    const t04 = vervuil(huidige, "T04-ongeldige-datum");
    expect(t04.xml().split("\n")[t04.line! - 1]).toMatch(/<PVTOndertekeningsdatum>\d{4}0231</);
    const t03 = vervuil(huidige, "T03-leeg-element");
    expect(t03.xml().split("\n")[t03.line! - 1]?.trim()).toBe("<Geslacht></Geslacht>");
    const t08 = vervuil(huidige, "T08-bsn-elfproef");
    expect(isGeldigBsn(t08.bsn!)).toBe(false);
    const q01 = vervuil(huidige, "Q01-verdwenen", { vorige: paar.vorige });
    expect(q01.personen.some((p) => p.bsn === q01.bsn)).toBe(false);
    expect(q01.personen).toHaveLength(huidige.personen.length - 1);
  });
});
