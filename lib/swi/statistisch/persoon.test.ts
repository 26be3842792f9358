/**
 * P01–P24: for each rule a case that triggers it and a close case that must not. Defaults: a
 * clean person, delivery 2026 Q1 (01-01-2026 … 31-03-2026), received 15-04-2026.
 */
import { describe, expect, it } from "vitest";
import { boete, gesprek, gezinsmigrant, levering, persoon, pip, signalenVan } from "./test-builder";

const ONTVANGEN = 20260415;

describe("P01 toekomst", () => {
  it("flags a date after the day received, not one on the day received", () => {
    const s = signalenVan(persoon({ pvtOndertekeningsdatum: ONTVANGEN + 1 }), "P01");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      kenmerken: [20],
      severity: "fout",
      waarden: "PVTOndertekeningsdatum (20) = 16-04-2026",
    });
    expect(s[0]?.message).toContain("15-04-2026");
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: ONTVANGEN }), "P01")).toHaveLength(0);
  });

  it("lists all future dates of the person in one row", () => {
    const s = signalenVan(persoon({ bredeIntakeBegindatum: 20260501, pvtOndertekeningsdatum: 20260601 }), "P01");
    expect(s).toHaveLength(1);
    expect(s[0]?.kenmerken).toEqual([15, 20]);
  });

  it("gives one row per PIP, gesprek and boete in the future", () => {
    const p = gezinsmigrant({
      pips: [
        pip({ begindatum: undefined }),
        pip({ datum: 20251201, begindatum: undefined, einddatum: 20260420, route: 3, niveau: undefined }),
      ],
      voortgangsgesprekken: [gesprek(20260420)],
      boetes: [boete(20260421)],
    });
    const s = signalenVan(p, "P01");
    expect(s.map((x) => x.kenmerken)).toEqual([[34], [35], [36]]);
    expect(s[0]?.waarden).toBe("LeerrouteEinddatum (34) = 20-04-2026 (PIP van 01-12-2025)");
  });

  it("counts an incomplete Geboortedatum only when every day it stands for is after the day received", () => {
    expect(signalenVan(persoon({ geboortedatum: 20260500 }), "P01").map((s) => s.kenmerken)).toEqual([[9]]);
    // April 2026 contains days before and after 15-04-2026.
    expect(signalenVan(persoon({ geboortedatum: 20260400 }), "P01")).toHaveLength(0);
    expect(signalenVan(persoon({ geboortedatum: 20260000 }), "P01")).toHaveLength(0);
  });
});

describe("P02 na-kwartaal", () => {
  it("flags a date after the quarter's last day up to the day received", () => {
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: 20260401 }), "P02")).toMatchObject([
      { kenmerken: [20], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: ONTVANGEN }), "P02")).toHaveLength(1);
  });
  it("leaves the quarter's last day alone, and a date after the day received to P01", () => {
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: 20260331 }), "P02")).toHaveLength(0);
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: ONTVANGEN + 1 }), "P02")).toHaveLength(0);
  });
  it("covers PIP dates but not gesprekken (P20) or boetes (P22)", () => {
    expect(signalenVan(persoon({ pips: [pip({ datum: 20260402 })] }), "P02").map((s) => s.kenmerken)).toEqual([[30]]);
    expect(
      signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260402)], boetes: [boete(20260402)] }), "P02"),
    ).toHaveLength(0);
  });
  it("uses the quarter of the delivery (Q2: 30 June is the last day)", () => {
    const opties = { kwartaal: 2 as const, received: 20260715 };
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: 20260630 }), "P02", opties)).toHaveLength(0);
    expect(signalenVan(persoon({ pvtOndertekeningsdatum: 20260701 }), "P02", opties)).toHaveLength(1);
  });
});

describe("P03 voor-wi2021", () => {
  it("flags 31-12-2021 but not 01-01-2022", () => {
    expect(signalenVan(persoon({ maatschappelijkeBegeleidingBegindatum: 20211231 }), "P03")).toMatchObject([
      { kenmerken: [12], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ maatschappelijkeBegeleidingBegindatum: 20220101 }), "P03")).toHaveLength(0);
  });
  it("covers gesprekken and boetes, not the Geboortedatum", () => {
    const s = signalenVan(
      gezinsmigrant({ voortgangsgesprekken: [gesprek(20211231)], boetes: [boete(20211130)] }),
      "P03",
    );
    expect(s.map((x) => x.kenmerken)).toEqual([[35], [36]]);
    expect(signalenVan(persoon({ geboortedatum: 19700101 }), "P03")).toHaveLength(0);
  });
});

describe("P04 voor-geboorte", () => {
  it("flags an event the day before the birth date, not on it", () => {
    expect(
      signalenVan(persoon({ geboortedatum: 20230601, maatschappelijkeBegeleidingBegindatum: 20230531 }), "P04"),
    ).toMatchObject([{ kenmerken: [12], severity: "fout" }]);
    expect(
      signalenVan(persoon({ geboortedatum: 20230601, maatschappelijkeBegeleidingBegindatum: 20230601 }), "P04"),
    ).toHaveLength(0);
  });
  it("with an incomplete Geboortedatum flags only an event before every day it stands for", () => {
    expect(
      signalenVan(persoon({ geboortedatum: 20230600, maatschappelijkeBegeleidingBegindatum: 20230531 }), "P04"),
    ).toHaveLength(1);
    expect(
      signalenVan(persoon({ geboortedatum: 20230600, maatschappelijkeBegeleidingBegindatum: 20230615 }), "P04"),
    ).toHaveLength(0);
    expect(
      signalenVan(persoon({ geboortedatum: 20230000, maatschappelijkeBegeleidingBegindatum: 20220301 }), "P04"),
    ).toHaveLength(1);
    expect(
      signalenVan(persoon({ geboortedatum: 20230000, maatschappelijkeBegeleidingBegindatum: 20230101 }), "P04"),
    ).toHaveLength(0);
  });
  it("covers boetes", () => {
    expect(
      signalenVan(
        persoon({
          geboortedatum: 20230601,
          maatschappelijkeBegeleidingBegindatum: undefined,
          boetes: [boete(20230301)],
        }),
        "P04",
      ).map((s) => s.kenmerken),
    ).toEqual([[36]]);
  });
});

describe("P05 leeftijd", () => {
  it("flags a person still 15 at the quarter's end; a 16th birthday on the last day is fine", () => {
    expect(signalenVan(persoon({ geboortedatum: 20100401 }), "P05")).toMatchObject([
      { kenmerken: [9], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ geboortedatum: 20100331 }), "P05")).toHaveLength(0);
  });
  it("uses the last day of the delivery's own quarter (Q2: 30 June)", () => {
    const opties = { kwartaal: 2 as const, received: 20260715 };
    expect(signalenVan(persoon({ geboortedatum: 20100630 }), "P05", opties)).toHaveLength(0);
    expect(signalenVan(persoon({ geboortedatum: 20100701 }), "P05", opties)).toHaveLength(1);
  });
  it("handles 29 February birthdays", () => {
    expect(signalenVan(persoon({ geboortedatum: 20120229 }), "P05")).toHaveLength(1);
    expect(signalenVan(persoon({ geboortedatum: 20080229 }), "P05")).toHaveLength(0);
  });
  it("with an incomplete Geboortedatum flags youth only when every possible day gives under 16", () => {
    expect(signalenVan(persoon({ geboortedatum: 20100000 }), "P05")).toHaveLength(0); // 15 or 16
    expect(signalenVan(persoon({ geboortedatum: 20110000 }), "P05")).toHaveLength(1); // 14 or 15
    expect(signalenVan(persoon({ geboortedatum: 20100300 }), "P05")).toHaveLength(0); // 16 for all of March
    expect(signalenVan(persoon({ geboortedatum: 20100400 }), "P05")).toHaveLength(1); // 15 for all of April
  });
  it("flags the AOW age (67) without EindeBegeleidingReden 2", () => {
    const s = signalenVan(persoon({ geboortedatum: 19590331 }), "P05");
    expect(s).toMatchObject([
      { kenmerken: [9, 28], waarden: "Geboortedatum (9) = 31-03-1959; EindeBegeleidingReden (28) = leeg" },
    ]);
    expect(
      signalenVan(
        persoon({ geboortedatum: 19590331, eindeBegeleidingReden: 1, eindeBegeleidingDatum: 20260301 }),
        "P05",
      ),
    ).toHaveLength(1);
    expect(
      signalenVan(
        persoon({ geboortedatum: 19590331, eindeBegeleidingReden: 2, eindeBegeleidingDatum: 20260331 }),
        "P05",
      ),
    ).toHaveLength(0);
    expect(signalenVan(persoon({ geboortedatum: 19590401 }), "P05")).toHaveLength(0); // 66 on 31-03-2026
  });
  it("with an incomplete Geboortedatum flags the AOW age only when every possible day gives 67 or more", () => {
    expect(signalenVan(persoon({ geboortedatum: 19590000 }), "P05")).toHaveLength(0); // 66 or 67
    expect(signalenVan(persoon({ geboortedatum: 19580000 }), "P05")).toHaveLength(1);
    expect(signalenVan(persoon({ geboortedatum: 19590300 }), "P05")).toHaveLength(1); // 67 for all of March
  });
});

describe("P06 geboortedatum-onvolledig", () => {
  it("notes 00 for month or day as info", () => {
    expect(signalenVan(persoon({ geboortedatum: 19910500 }), "P06")).toMatchObject([
      { kenmerken: [9], severity: "info", waarden: "Geboortedatum (9) = 00-05-1991" },
    ]);
    expect(signalenVan(persoon({ geboortedatum: 19910000 }), "P06")).toHaveLength(1);
    expect(signalenVan(persoon({ geboortedatum: 19910501 }), "P06")).toHaveLength(0);
  });
});

describe("P07 alleen-asiel", () => {
  it("flags asiel-only kenmerken for TypeMigrant 2 in one row, and a LeerrouteBegindatum per PIP", () => {
    const s = signalenVan(
      gezinsmigrant({
        maatschappelijkeBegeleidingBegindatum: 20250903,
        ontzorgenBegindatum: 20250904,
        pips: [pip({ begindatum: 20251103 })],
      }),
      "P07",
    );
    expect(s.map((x) => x.kenmerken)).toEqual([[12, 13], [33]]);
    expect(s[0]?.severity).toBe("fout");
  });
  it("allows them for TypeMigrant 1", () => {
    expect(signalenVan(persoon({ ontzorgenBegindatum: 20250904, ontzorgenEinddatum: 20260304 }), "P07")).toHaveLength(
      0,
    );
    expect(signalenVan(gezinsmigrant(), "P07")).toHaveLength(0);
  });
});

describe("P08 alleen-gezin", () => {
  it("flags a voortgangsgesprek of an asielstatushouder, not of a gezinsmigrant", () => {
    expect(signalenVan(persoon({ voortgangsgesprekken: [gesprek(20260204)] }), "P08")).toMatchObject([
      { kenmerken: [35], severity: "fout" },
    ]);
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260204)] }), "P08")).toHaveLength(0);
  });
});

describe("P09 ontzorgen", () => {
  it("flags an end without a start, and an end before the start", () => {
    expect(signalenVan(persoon({ ontzorgenEinddatum: 20260110 }), "P09")).toMatchObject([
      { kenmerken: [13, 14], waarden: "OntzorgenBegindatum (13) = leeg; OntzorgenEinddatum (14) = 10-01-2026" },
    ]);
    expect(signalenVan(persoon({ ontzorgenBegindatum: 20260110, ontzorgenEinddatum: 20260109 }), "P09")).toMatchObject([
      { waarden: "OntzorgenBegindatum (13) = 10-01-2026; OntzorgenEinddatum (14) = 09-01-2026", severity: "fout" },
    ]);
  });
  it("allows an end on the start day, a start without end, and neither", () => {
    expect(signalenVan(persoon({ ontzorgenBegindatum: 20260110, ontzorgenEinddatum: 20260110 }), "P09")).toHaveLength(
      0,
    );
    expect(signalenVan(persoon({ ontzorgenBegindatum: 20260110 }), "P09")).toHaveLength(0);
    expect(signalenVan(persoon(), "P09")).toHaveLength(0);
  });
});

describe("P10 alfabetisering", () => {
  it("flags Analfabetisme without Alfabetiseringscursus 2, and 2 without Analfabetisme", () => {
    expect(signalenVan(persoon({ alfabetiseringscursus: 1, analfabetisme: 1 }), "P10")).toHaveLength(1);
    expect(signalenVan(persoon({ alfabetiseringscursus: undefined, analfabetisme: 2 }), "P10")).toHaveLength(1);
    expect(signalenVan(persoon({ alfabetiseringscursus: 2 }), "P10")).toMatchObject([
      { kenmerken: [18, 19], severity: "fout" },
    ]);
  });
  it("accepts 2 with Analfabetisme and 1 without", () => {
    expect(signalenVan(persoon({ alfabetiseringscursus: 2, analfabetisme: 1 }), "P10")).toHaveLength(0);
    expect(signalenVan(persoon({ alfabetiseringscursus: 1 }), "P10")).toHaveLength(0);
  });
});

describe("P11 map-volgorde", () => {
  it("flags an eindgesprek without or before the first activity", () => {
    expect(signalenVan(persoon({ mapDatumEindgesprek: 20260301 }), "P11")).toMatchObject([{ kenmerken: [21, 22] }]);
    expect(
      signalenVan(persoon({ mapDatumEersteActiviteit: 20260302, mapDatumEindgesprek: 20260301 }), "P11"),
    ).toHaveLength(1);
  });
  it("allows the same day", () => {
    expect(
      signalenVan(persoon({ mapDatumEersteActiviteit: 20260301, mapDatumEindgesprek: 20260301 }), "P11"),
    ).toHaveLength(0);
  });
});

describe("P12 map-route", () => {
  const metMap = { mapDatumEersteActiviteit: 20260201 };
  const vorige = (route: 1 | 2 | 3) =>
    levering([persoon({ pips: [pip({ route, niveau: route === 1 ? 1 : undefined })] })], { jaar: 2025, kwartaal: 4 });

  it("flags a MAP date when the person's only PIPs are onderwijsroute", () => {
    const s = signalenVan(persoon({ ...metMap, pips: [pip({ route: 2, niveau: undefined })] }), "P12");
    expect(s).toMatchObject([{ kenmerken: [21, 31], severity: "waarschuwing" }]);
    expect(s[0]?.waarden).toContain("LeerrouteRoute (31) = 2 (onderwijsroute)");
    expect(
      signalenVan(persoon({ ...metMap, pips: [pip({ route: 2, niveau: undefined })] }), "P12", {
        eerdere: [vorige(2)],
      }),
    ).toHaveLength(1);
  });
  it("counts PIPs of earlier deliveries: a B1-route there is enough", () => {
    expect(
      signalenVan(persoon({ ...metMap, pips: [pip({ route: 2, niveau: undefined })] }), "P12", {
        eerdere: [vorige(1)],
      }),
    ).toHaveLength(0);
    expect(signalenVan(persoon({ ...metMap, pips: [] }), "P12", { eerdere: [vorige(2)] })).toHaveLength(1);
  });
  it("does not flag when there is no PIP at all, or a Z-route PIP", () => {
    expect(signalenVan(persoon({ ...metMap, pips: [] }), "P12")).toHaveLength(0);
    expect(signalenVan(persoon({ ...metMap, pips: [pip({ route: 3, niveau: undefined })] }), "P12")).toHaveLength(0);
  });
});

describe("P13 z-route", () => {
  const zPip = pip({ route: 3, niveau: undefined, einddatum: 20260301 });
  const alleVier = { zRouteLezen: 2, zRouteSchrijven: 1, zRouteSpreken: 3, zRouteLuisteren: 9 } as const;

  it("flags skills filled while the inschatting is not 2", () => {
    expect(signalenVan(persoon({ pips: [zPip], zRouteInschattingTaalniveau: 1, zRouteLezen: 2 }), "P13")).toMatchObject(
      [{ kenmerken: [23, 24], severity: "fout" }],
    );
    expect(signalenVan(persoon({ pips: [zPip], zRouteLezen: 2 }), "P13")).toHaveLength(1);
  });
  it("flags inschatting 2 with a missing skill", () => {
    const s = signalenVan(
      persoon({ pips: [zPip], zRouteInschattingTaalniveau: 2, ...alleVier, zRouteLuisteren: undefined }),
      "P13",
    );
    expect(s).toMatchObject([
      { kenmerken: [23, 27], waarden: "ZRouteInschattingTaalniveau (23) = 2 (ja); ZRouteLuisteren (27) = leeg" },
    ]);
  });
  it("accepts inschatting 2 with all four skills after a Z-route, and inschatting 1 without skills", () => {
    expect(signalenVan(persoon({ pips: [zPip], zRouteInschattingTaalniveau: 2, ...alleVier }), "P13")).toHaveLength(0);
    expect(signalenVan(persoon({ pips: [zPip], zRouteInschattingTaalniveau: 1 }), "P13")).toHaveLength(0);
  });
  it("flags an inschatting without any Z-route PIP, here or earlier", () => {
    expect(signalenVan(persoon({ zRouteInschattingTaalniveau: 1 }), "P13")).toMatchObject([{ kenmerken: [23, 31] }]);
    const eerder = levering([persoon({ pips: [zPip] })], { jaar: 2025, kwartaal: 4 });
    expect(signalenVan(persoon({ zRouteInschattingTaalniveau: 1 }), "P13", { eerdere: [eerder] })).toHaveLength(0);
  });
});

describe("P14 einde-begeleiding", () => {
  it("flags one of reden and datum without the other", () => {
    expect(signalenVan(persoon({ eindeBegeleidingReden: 1 }), "P14")).toMatchObject([
      { kenmerken: [28, 29], severity: "fout" },
    ]);
    expect(signalenVan(persoon({ eindeBegeleidingDatum: 20260301 }), "P14")).toHaveLength(1);
    expect(signalenVan(persoon({ eindeBegeleidingReden: 1, eindeBegeleidingDatum: 20260301 }), "P14")).toHaveLength(0);
  });
});

describe("P15 niveau-b1", () => {
  it("flags a niveau on a non-B1 PIP and a B1 PIP without niveau, per PIP", () => {
    const s = signalenVan(
      persoon({ pips: [pip({ route: 2, niveau: 1 }), pip({ datum: 20251101, niveau: undefined })] }),
      "P15",
    );
    expect(s).toHaveLength(2);
    expect(s.every((x) => x.severity === "fout" && x.kenmerken.join() === "31,32")).toBe(true);
  });
  it("accepts niveau A2 on a B1-route PIP and no niveau on a Z-route PIP", () => {
    expect(
      signalenVan(
        persoon({ pips: [pip({ niveau: 2 }), pip({ datum: 20251101, route: 3, niveau: undefined })] }),
        "P15",
      ),
    ).toHaveLength(0);
  });
});

describe("P16 einddatum-z", () => {
  it("flags a LeerrouteEinddatum on a non-Z PIP only", () => {
    expect(signalenVan(persoon({ pips: [pip({ einddatum: 20260301 })] }), "P16")).toMatchObject([
      { kenmerken: [31, 34], severity: "fout" },
    ]);
    expect(
      signalenVan(persoon({ pips: [pip({ route: 3, niveau: undefined, einddatum: 20260301 })] }), "P16"),
    ).toHaveLength(0);
  });
});

describe("P17 pip-intake", () => {
  it("flags a PIP the day before the brede intake, not on the same day", () => {
    expect(signalenVan(persoon({ bredeIntakeBegindatum: 20251021 }), "P17")).toMatchObject([
      { kenmerken: [15, 30], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ bredeIntakeBegindatum: 20251020 }), "P17")).toHaveLength(0);
  });
  it("flags PIPs without a brede intake in one row", () => {
    const s = signalenVan(
      persoon({ bredeIntakeBegindatum: undefined, pips: [pip(), pip({ datum: 20260105 })] }),
      "P17",
    );
    expect(s).toHaveLength(1);
    expect(s[0]?.waarden).toBe("BredeIntakeBegindatum (15) = leeg; PIPDatum (30) = 20-10-2025, 05-01-2026");
    expect(signalenVan(persoon({ bredeIntakeBegindatum: undefined, pips: [] }), "P17")).toHaveLength(0);
  });
});

describe("P18 dubbele-pip", () => {
  it("flags two PIPs with one date once", () => {
    expect(signalenVan(persoon({ pips: [pip(), pip({ route: 2, niveau: undefined })] }), "P18")).toMatchObject([
      { kenmerken: [30], waarden: "PIPDatum (30) = 20-10-2025 (2×)", severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ pips: [pip(), pip({ datum: 20251021 })] }), "P18")).toHaveLength(0);
  });
});

describe("P19 uren", () => {
  it("flags more than 600 hours", () => {
    expect(signalenVan(persoon({ bredeIntakeUrenTaalKNM: 601 }), "P19")).toMatchObject([
      { kenmerken: [16], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ bredeIntakeUrenTaalKNM: 600 }), "P19")).toHaveLength(0);
  });
});

describe("P20 gesprek-kwartaal", () => {
  it("warns about a gesprek after the quarter up to the day received", () => {
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260401)] }), "P20")).toMatchObject([
      { severity: "waarschuwing", kenmerken: [35] },
    ]);
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(ONTVANGEN)] }), "P20")).toHaveLength(1);
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260331)] }), "P20")).toHaveLength(0);
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(ONTVANGEN + 1)] }), "P20")).toHaveLength(0);
  });
  it("notes a nagekomen gesprek before the quarter as info, unless delivered before", () => {
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20251231)] }), "P20")).toMatchObject([
      { severity: "info" },
    ]);
    expect(signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260101)] }), "P20")).toHaveLength(0);
    const eerder = levering([gezinsmigrant({ voortgangsgesprekken: [gesprek(20251231)] })], {
      jaar: 2025,
      kwartaal: 4,
    });
    expect(
      signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20251231)] }), "P20", { eerdere: [eerder] }),
    ).toHaveLength(0);
  });
});

describe("P21 dubbel-gesprek", () => {
  it("flags one date twice once, not two dates", () => {
    expect(
      signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260204), gesprek(20260204)] }), "P21"),
    ).toMatchObject([{ kenmerken: [35], waarden: "VoortgangsgesprekDatum (35) = 04-02-2026 (2×)", severity: "fout" }]);
    expect(
      signalenVan(gezinsmigrant({ voortgangsgesprekken: [gesprek(20260204), gesprek(20260205)] }), "P21"),
    ).toHaveLength(0);
  });
});

describe("P22 boete-kwartaal", () => {
  it("warns about a boete after the quarter up to the day received; later is P01 only", () => {
    expect(signalenVan(persoon({ boetes: [boete(20260401)] }), "P22")).toMatchObject([
      { severity: "waarschuwing", kenmerken: [36] },
    ]);
    expect(signalenVan(persoon({ boetes: [boete(20260331)] }), "P22")).toHaveLength(0);
    expect(signalenVan(persoon({ boetes: [boete(ONTVANGEN + 1)] }), "P22")).toHaveLength(0);
  });
  it("notes a nagekomen boete before the quarter as info, unless that boete was delivered before", () => {
    expect(signalenVan(persoon({ boetes: [boete(20251231)] }), "P22")).toMatchObject([{ severity: "info" }]);
    expect(signalenVan(persoon({ boetes: [boete(20260101)] }), "P22")).toHaveLength(0);
    const eerder = levering([persoon({ boetes: [boete(20251231, 2, 250)] })], { jaar: 2025, kwartaal: 4 });
    expect(signalenVan(persoon({ boetes: [boete(20251231, 2, 100)] }), "P22", { eerdere: [eerder] })).toHaveLength(0);
  });
});

describe("P23 boete-nul", () => {
  it("flags amount 0 on a boete that was never delivered", () => {
    expect(signalenVan(persoon({ boetes: [boete(20260212, 2, 0)] }), "P23")).toMatchObject([
      { kenmerken: [38], severity: "waarschuwing" },
    ]);
    expect(signalenVan(persoon({ boetes: [boete(20260212, 2, 1)] }), "P23")).toHaveLength(0);
  });
  it("accepts amount 0 as withdrawal of an earlier boete with the same date and reden", () => {
    const eerder = levering([persoon({ boetes: [boete(20251120, 2, 250)] })], { jaar: 2025, kwartaal: 4 });
    expect(signalenVan(persoon({ boetes: [boete(20251120, 2, 0)] }), "P23", { eerdere: [eerder] })).toHaveLength(0);
    // Same date, other reden: Q05 says it (a correction keeps date and reden), P23 does not repeat it.
    expect(signalenVan(persoon({ boetes: [boete(20251120, 1, 0)] }), "P23", { eerdere: [eerder] })).toHaveLength(0);
    expect(signalenVan(persoon({ boetes: [boete(20251120, 1, 0)] }), "Q05", { eerdere: [eerder] })).toHaveLength(1);
    expect(signalenVan(persoon({ boetes: [boete(20251121, 1, 0)] }), "P23", { eerdere: [eerder] })).toHaveLength(1);
  });
});

describe("P24 na-einde", () => {
  const einde = { eindeBegeleidingReden: 2, eindeBegeleidingDatum: 20260215 } as const;

  it("flags a PIP, gesprek or boete after the end with reden 2 in this file", () => {
    const s = signalenVan(
      gezinsmigrant({
        ...einde,
        pips: [pip({ datum: 20260216, begindatum: undefined })],
        voortgangsgesprekken: [gesprek(20260220)],
        boetes: [boete(20260301)],
      }),
      "P24",
    );
    expect(s.map((x) => x.kenmerken)).toEqual([
      [28, 29, 30],
      [28, 29, 35],
      [28, 29, 36],
    ]);
    expect(s[0]?.severity).toBe("waarschuwing");
  });
  it("does not flag items on the end date itself, or an end with reden 1", () => {
    expect(signalenVan(persoon({ ...einde, boetes: [boete(20260215)] }), "P24")).toHaveLength(0);
    expect(
      signalenVan(
        persoon({ eindeBegeleidingReden: 1, eindeBegeleidingDatum: 20260215, boetes: [boete(20260301)] }),
        "P24",
      ),
    ).toHaveLength(0);
  });
  it("uses the latest earlier delivery when the end is absent here", () => {
    const q3 = levering([persoon({ eindeBegeleidingReden: 2, eindeBegeleidingDatum: 20250801 })], {
      jaar: 2025,
      kwartaal: 3,
    });
    const q4 = levering([persoon({ eindeBegeleidingReden: 2, eindeBegeleidingDatum: 20251215 })], {
      jaar: 2025,
      kwartaal: 4,
    });
    const s = signalenVan(persoon({ boetes: [boete(20260110)] }), "P24", { eerdere: [q4, q3] });
    expect(s).toHaveLength(1);
    expect(s[0]?.waarden).toContain("15-12-2025");
    expect(s[0]?.message).toContain("2025 K4");
    expect(signalenVan(persoon({ boetes: [boete(20251210)] }), "P24", { eerdere: [q4, q3] })).toHaveLength(0);
    // The latest delivery holding the person has no end: an older end does not count.
    const q4zonder = levering([persoon()], { jaar: 2025, kwartaal: 4 });
    expect(signalenVan(persoon({ boetes: [boete(20260110)] }), "P24", { eerdere: [q3, q4zonder] })).toHaveLength(0);
  });
  it("lets an end in this file override the earlier one", () => {
    const q4 = levering([persoon({ eindeBegeleidingReden: 2, eindeBegeleidingDatum: 20251215 })], {
      jaar: 2025,
      kwartaal: 4,
    });
    expect(
      signalenVan(
        persoon({ eindeBegeleidingReden: 1, eindeBegeleidingDatum: 20260301, boetes: [boete(20260110)] }),
        "P24",
        { eerdere: [q4] },
      ),
    ).toHaveLength(0);
  });
});
