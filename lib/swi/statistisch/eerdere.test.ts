/**
 * The packed form of earlier deliveries and the index over them: every field the rules read must
 * come back as delivered, and the "last delivered wins" and "first delivered" semantics must hold.
 */
import { describe, expect, it } from "vitest";
import { vatSamen } from "../eerdere-levering";
import { telRijen } from "../spiegelrapport";
import { vulgraad } from "./bestand";
import {
  boeteDatumEerderGeleverd,
  boeteEerderGeleverd,
  bouwEerdereIndex,
  bsnSleutel,
  compacteBsn,
  compacteDatum,
  compacteer,
  gesprekEerderGeleverd,
  GEEN,
  PIP_B1_OF_Z,
  PIP_ENIG,
  PIP_Z,
  Q03_KENMERKEN,
  zoekEerder,
} from "./eerdere";
import { persoonDatum } from "./persoon";
import { boete, bsn, gesprek, gezinsmigrant, levering, persoon, pip } from "./test-builder";

describe("compacteer", () => {
  it("keeps every field the rules read, per person in file order", () => {
    const personen = [
      persoon({
        bsn: bsn(1),
        geboortedatum: 19850300,
        geslacht: 2,
        maatschappelijkeBegeleidingBegindatum: 20250105,
        ontzorgenBegindatum: 20250106,
        bredeIntakeBegindatum: 20250107,
        waarschuwingNietVerschijnenIntakeDatum: 20250108,
        pvtOndertekeningsdatum: 20250109,
        mapDatumEersteActiviteit: 20250110,
        eindeBegeleidingReden: 2,
        eindeBegeleidingDatum: 20251201,
        pips: [
          pip({ datum: 20250301, route: 1, begindatum: 20250401 }),
          pip({ datum: 20250601, route: 3, begindatum: 20250701 }),
          pip({ datum: 20250501, route: 2, begindatum: 20250801 }),
        ],
        voortgangsgesprekken: [gesprek(20250901), gesprek(20251001)],
        boetes: [boete(20250902, 1, 90), boete(20250903, 2, 9999)],
      }),
      gezinsmigrant({
        bsn: "012345678",
        maatschappelijkeBegeleidingBegindatum: undefined,
        ontzorgenBegindatum: undefined,
        bredeIntakeBegindatum: undefined,
        pvtOndertekeningsdatum: undefined,
        mapDatumEersteActiviteit: undefined,
        eindeBegeleidingReden: undefined,
        eindeBegeleidingDatum: undefined,
        pips: [],
        voortgangsgesprekken: [],
        boetes: [],
      }),
      persoon({ bsn: "1234", pips: [pip({ route: 2, begindatum: undefined })] }),
    ];
    const c = compacteer(personen);
    expect(c.aantal).toBe(3);
    personen.forEach((p, i) => {
      expect(compacteBsn(c, i)).toBe(p.bsn);
      expect(c.geboortedatum[i]).toBe(p.geboortedatum);
      expect(c.geslacht[i]).toBe(p.geslacht);
      expect(c.eindeReden[i]).toBe(p.eindeBegeleidingReden ?? 0);
      expect(c.eindeDatum[i]).toBe(p.eindeBegeleidingDatum ?? 0);
      for (const k of Q03_KENMERKEN) expect(compacteDatum(c, i, k)).toBe(persoonDatum(p, k) ?? 0);
      expect([...c.gesprekDatum.subarray(c.gesprekVan[i], c.gesprekVan[i + 1])]).toEqual(
        p.voortgangsgesprekken.map((g) => g.datum),
      );
      const van = c.boeteVan[i] as number;
      const tot = c.boeteVan[i + 1] as number;
      expect([...c.boeteDatum.subarray(van, tot)]).toEqual(p.boetes.map((b) => b.datum));
      expect([...c.boeteReden.subarray(van, tot)]).toEqual(p.boetes.map((b) => b.reden));
      expect([...c.boeteBedrag.subarray(van, tot)]).toEqual(p.boetes.map((b) => b.bedrag));
    });
    expect(c.pipVlaggen[0]).toBe(PIP_ENIG | PIP_B1_OF_Z | PIP_Z);
    expect(c.pipVlaggen[1]).toBe(0);
    expect(c.pipVlaggen[2]).toBe(PIP_ENIG);
    // The begindatum of the most recent PIP (by PIP-datum) that has one.
    expect(c.leerrouteBegin[0]).toBe(20250701);
    expect(c.leerrouteBegin[1]).toBe(0);
    expect(c.leerrouteBegin[2]).toBe(0);
    // A 9-digit BSN is kept as a number, leading zero included; anything else as its string.
    expect(c.bsn[1]).toBe(12345678);
    expect(c.bsn[2]).toBe(-1);
    expect(bsnSleutel("012345678")).toBe(12345678);
    expect(bsnSleutel("1234")).toBe("1234");
    expect(bsnSleutel("12345678x")).toBe("12345678x");
  });
});

describe("vatSamen", () => {
  it("keeps the header, the count and the counts of the spiegelrapport and F03", () => {
    const l = levering([persoon({ bsn: bsn(1) }), gezinsmigrant({ bsn: bsn(2) })], { jaar: 2025, kwartaal: 4 });
    const s = vatSamen(l);
    expect(s.kop).toBe(l.kop);
    expect(s.fileName).toBe(l.fileName);
    expect(s.aantalPersonen).toBe(2);
    expect(s.tellingen).toEqual(telRijen(l));
    expect(s.vulgraad).toEqual(vulgraad(l));
    expect(vatSamen(s)).toBe(s);
  });
});

describe("bouwEerdereIndex", () => {
  const huidig = levering([], { jaar: 2026, kwartaal: 1 });

  it("lets the person as last delivered win, across deliveries and within one file", () => {
    const a = bsn(1);
    const q3 = levering(
      [
        persoon({ bsn: a, geboortedatum: 19700101, pips: [pip({ route: 3, begindatum: 20250101 })] }),
        persoon({ bsn: bsn(2) }),
      ],
      { jaar: 2025, kwartaal: 3 },
    );
    const q4 = levering(
      [
        persoon({ bsn: a, geboortedatum: 19800101, pips: [pip({ route: 1, begindatum: undefined })] }),
        persoon({ bsn: a, geboortedatum: 19900101, pips: [] }),
      ],
      { jaar: 2025, kwartaal: 4 },
    );
    const later = levering([persoon({ bsn: bsn(3) })], { jaar: 2026, kwartaal: 1 });
    // Any order given; a delivery for the current quarter is not earlier.
    const idx = bouwEerdereIndex(huidig, [later, q4, q3].map(vatSamen));
    expect(idx.labels).toEqual(["2025 K3", "2025 K4"]);
    expect(idx.vorige).toBe(1);
    expect(zoekEerder(idx, bsn(3))).toBe(GEEN);

    const s = zoekEerder(idx, a);
    expect(idx.laatsteLevering[s]).toBe(1);
    expect(idx.laatstePositie[s]).toBe(1);
    expect(idx.leveringen[1]!.geboortedatum[idx.laatstePositie[s]!]).toBe(19900101);
    // PIP routes of every delivery count; the LeerrouteBegindatum last delivered stays.
    expect(idx.pipVlaggen[s]).toBe(PIP_ENIG | PIP_B1_OF_Z | PIP_Z);
    expect(idx.leerrouteBegin[s]).toBe(20250101);
    expect(idx.leerrouteBeginLevering[s]).toBe(0);

    const b = zoekEerder(idx, bsn(2));
    expect(idx.laatsteLevering[b]).toBe(0);
    expect(idx.laatstePositie[b]).toBe(1);
  });

  it("knows in which delivery a gesprek was first delivered, and every earlier boete", () => {
    const a = bsn(1);
    const q3 = levering(
      [persoon({ bsn: a, voortgangsgesprekken: [gesprek(20250801)], boetes: [boete(20250802, 1)] })],
      {
        jaar: 2025,
        kwartaal: 3,
      },
    );
    const q4 = levering(
      [
        persoon({
          bsn: a,
          voortgangsgesprekken: [gesprek(20250801), gesprek(20251101)],
          boetes: [boete(20250802, 1, 10), boete(20251102, 2)],
        }),
      ],
      { jaar: 2025, kwartaal: 4 },
    );
    const idx = bouwEerdereIndex(huidig, [q3, q4].map(vatSamen));
    const s = zoekEerder(idx, a);
    expect(gesprekEerderGeleverd(idx, s, 20250801)).toBe(0);
    expect(gesprekEerderGeleverd(idx, s, 20251101)).toBe(1);
    expect(gesprekEerderGeleverd(idx, s, 20251231)).toBe(-1);
    expect(gesprekEerderGeleverd(idx, GEEN, 20250801)).toBe(-1);
    expect(boeteEerderGeleverd(idx, s, 20250802, 1)).toBe(true);
    expect(boeteEerderGeleverd(idx, s, 20250802, 2)).toBe(false);
    expect(boeteDatumEerderGeleverd(idx, s, 20250802)).toBe(true);
    expect(boeteDatumEerderGeleverd(idx, s, 20250803)).toBe(false);
    expect(boeteDatumEerderGeleverd(idx, GEEN, 20250802)).toBe(false);
    const boetes: [number, number, number, number][] = [];
    for (let j = idx.boeteKop[s]!; j >= 0; j = idx.boeteVolgende[j]!)
      boetes.push([idx.boeteDatum[j]!, idx.boeteReden[j]!, idx.boeteBedrag[j]!, idx.boeteLevering[j]!]);
    expect(boetes.sort()).toEqual(
      [
        [20250802, 1, 250, 0],
        [20250802, 1, 10, 1],
        [20251102, 2, 250, 1],
      ].sort(),
    );
  });

  it("finds a BSN that is not 9 digits by its string", () => {
    const idx = bouwEerdereIndex(huidig, [vatSamen(levering([persoon({ bsn: "1234" })], { jaar: 2025, kwartaal: 4 }))]);
    expect(zoekEerder(idx, "1234")).toBe(0);
    expect(zoekEerder(idx, "000001234")).toBe(GEEN);
  });
});
