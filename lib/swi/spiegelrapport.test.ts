/**
 * The spiegelrapport on a small hand-counted pair of deliveries (2025 Q4 → 2026 Q1).
 */
import { describe, expect, it } from "vitest";
import { REGELS } from "./regels";
import { LEEFTIJDSKLASSEN, maakSpiegelrapport, type Spiegelrapport } from "./spiegelrapport";
import { statistischeControle } from "./statistisch";
import { boete, bsn, gesprek, gezinsmigrant, levering, persoon, pip } from "./statistisch/test-builder";

const vorige = levering(
  [
    persoon({ bsn: bsn(1), geslacht: 2, boetes: [boete(20251120, 2, 250)] }),
    gezinsmigrant({ bsn: bsn(2), geslacht: 1, geboortedatum: 19800101, voortgangsgesprekken: [gesprek(20251105)] }),
    persoon({
      bsn: bsn(3),
      geslacht: 3,
      geboortedatum: 20100000,
      maatschappelijkeBegeleidingBegindatum: undefined,
      bredeIntakeBegindatum: undefined,
      bredeIntakeUrenTaalKNM: undefined,
      alfabetiseringscursus: undefined,
      pvtOndertekeningsdatum: undefined,
      pips: [],
    }),
  ],
  { jaar: 2025, kwartaal: 4 },
);

const huidig = levering([
  persoon({
    bsn: bsn(1),
    geslacht: 2,
    pips: [pip(), pip({ datum: 20260120, route: 3, niveau: undefined, einddatum: 20260301 })],
    boetes: [boete(20260212, 1, 100), boete(20251120, 2, 0)],
  }),
  gezinsmigrant({
    bsn: bsn(2),
    geslacht: 1,
    geboortedatum: 19800101,
    voortgangsgesprekken: [gesprek(20260115), gesprek(20260310)],
  }),
  persoon({
    bsn: bsn(4),
    geslacht: 1,
    geboortedatum: 19590331,
    eindeBegeleidingReden: 2,
    eindeBegeleidingDatum: 20260331,
    pips: [pip({ route: 2, niveau: undefined })],
  }),
  persoon({ bsn: bsn(5), geslacht: 2, geboortedatum: 20100000 }),
]);

function rij(r: Spiegelrapport, sleutel: string): [number, number | null, number | null] {
  const x = r.rijen.find((y) => y.sleutel === sleutel);
  if (!x) throw new Error(`geen rij ${sleutel}`);
  return [x.huidig, x.vorig, x.verschil];
}

describe("maakSpiegelrapport", () => {
  const uitkomst = statistischeControle(huidig, [vorige], { received: 20260415 });
  const r = maakSpiegelrapport(huidig, vorige, uitkomst);

  it("describes the delivery and its previous quarter", () => {
    expect(r).toMatchObject({
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
      gemeentecode: "0153",
      berichtgevercode: "0153",
      personen: 4,
      vorigKwartaal: { jaar: 2025, kwartaal: 4 },
    });
    expect(rij(r, "personen.totaal")).toEqual([4, 3, 1]);
  });

  it("counts persons by Geslacht, TypeMigrant and age band at the quarter's end", () => {
    expect([rij(r, "geslacht.1"), rij(r, "geslacht.2"), rij(r, "geslacht.3")]).toEqual([
      [2, 1, 1],
      [2, 1, 1],
      [0, 1, -1],
    ]);
    expect([rij(r, "typeMigrant.1"), rij(r, "typeMigrant.2")]).toEqual([
      [3, 2, 1],
      [1, 1, 0],
    ]);
    // 2026: 34, 46, 67 and "15 or 16" (20100000); 2025 Q4: 34, 45 and 15 for every day of 2010.
    expect(rij(r, "leeftijd.30-39")).toEqual([1, 1, 0]);
    expect(rij(r, "leeftijd.40-49")).toEqual([1, 1, 0]);
    expect(rij(r, "leeftijd.67+")).toEqual([1, 0, 1]);
    expect(rij(r, "leeftijd.onbekend")).toEqual([1, 0, 1]);
    expect(rij(r, "leeftijd.0-15")).toEqual([0, 1, -1]);
    expect(rij(r, "leeftijd.16-17")).toEqual([0, 0, 0]);
  });

  it("counts filled kenmerken per person, PIP, gesprek and boete", () => {
    expect(rij(r, "kenmerk.12")).toEqual([3, 1, 2]);
    expect(rij(r, "kenmerk.15")).toEqual([4, 2, 2]);
    expect(rij(r, "kenmerk.28")).toEqual([1, 0, 1]);
    expect(rij(r, "kenmerk.29")).toEqual([1, 0, 1]);
    expect(rij(r, "kenmerk.19")).toEqual([0, 0, 0]);
    expect(rij(r, "kenmerk.30")).toEqual([5, 2, 3]);
    expect(rij(r, "kenmerk.31")).toEqual([5, 2, 3]);
    expect(rij(r, "kenmerk.32")).toEqual([3, 2, 1]);
    expect(rij(r, "kenmerk.33")).toEqual([4, 1, 3]);
    expect(rij(r, "kenmerk.34")).toEqual([1, 0, 1]);
    expect(rij(r, "kenmerk.35")).toEqual([2, 1, 1]);
    expect(rij(r, "kenmerk.36")).toEqual([2, 1, 1]);
    expect(rij(r, "kenmerk.38")).toEqual([2, 1, 1]);
  });

  it("counts PIPs by route and niveau, and boetes by reden with their amounts", () => {
    expect([rij(r, "pip.route.1"), rij(r, "pip.route.2"), rij(r, "pip.route.3")]).toEqual([
      [3, 2, 1],
      [1, 0, 1],
      [1, 0, 1],
    ]);
    expect([rij(r, "pip.niveau.1"), rij(r, "pip.niveau.2"), rij(r, "pip.niveau.leeg")]).toEqual([
      [3, 2, 1],
      [0, 0, 0],
      [2, 0, 2],
    ]);
    expect(rij(r, "boetes.reden.1.aantal")).toEqual([1, 0, 1]);
    expect(rij(r, "boetes.reden.1.bedrag")).toEqual([100, 0, 100]);
    expect(rij(r, "boetes.reden.2.aantal")).toEqual([1, 1, 0]);
    expect(rij(r, "boetes.reden.2.bedrag")).toEqual([0, 250, -250]);
    expect(rij(r, "boetes.totaal.bedrag")).toEqual([100, 250, -150]);
  });

  it("counts signals per rule for every P, Q and F rule", () => {
    // bsn(3) left without EindeBegeleidingReden (Q01); bsn(5) has an incomplete Geboortedatum (P06).
    const verwacht = Object.fromEntries(REGELS.filter((x) => x.soort !== "technisch").map((x) => [x.code, 0]));
    expect(r.signalenPerRegel).toEqual({ ...verwacht, Q01: 1, P06: 1 });
    expect(r.signalenPerErnst).toEqual({ fout: 0, waarschuwing: 1, info: 1 });
  });

  it("has stable, unique keys, Dutch labels and a row for every kenmerk 12–38", () => {
    const sleutels = r.rijen.map((x) => x.sleutel);
    expect(new Set(sleutels).size).toBe(sleutels.length);
    for (let k = 12; k <= 38; k++) expect(sleutels).toContain(`kenmerk.${k}`);
    expect(r.rijen.find((x) => x.sleutel === "typeMigrant.1")?.omschrijving).toBe("asielstatushouder");
    expect(new Set(r.rijen.map((x) => x.groep))).toEqual(
      new Set([
        "Personen",
        "Geslacht",
        "Type migrant",
        "Leeftijd",
        "Vulling kenmerken",
        "PIP naar leerroute",
        "PIP naar niveau",
        "Boetes",
      ]),
    );
    expect(LEEFTIJDSKLASSEN.map((k) => k.sleutel)).toEqual([
      "0-15",
      "16-17",
      "18-29",
      "30-39",
      "40-49",
      "50-66",
      "67+",
    ]);
  });

  it("leaves the previous figures and differences null without a previous delivery", () => {
    const zonder = maakSpiegelrapport(huidig, undefined, statistischeControle(huidig, [], { received: 20260415 }));
    expect(zonder.vorigKwartaal).toBeNull();
    expect(zonder.personen).toBe(4);
    expect(zonder.rijen.every((x) => x.vorig === null && x.verschil === null)).toBe(true);
    expect(rij(zonder, "kenmerk.30")).toEqual([5, null, null]);
    expect(zonder.signalenPerRegel.Q01).toBe(0);
  });

  it("puts a 16th birthday on the quarter's last day in 16–17, the day after in 0–15", () => {
    const l = levering([
      persoon({ bsn: bsn(1), geboortedatum: 20100331 }),
      persoon({ bsn: bsn(2), geboortedatum: 20100401 }),
    ]);
    const x = maakSpiegelrapport(l, undefined, { signals: [], fileSignals: [] });
    expect([rij(x, "leeftijd.16-17")[0], rij(x, "leeftijd.0-15")[0]]).toEqual([1, 1]);
  });
});

describe("vulling per populatie", () => {
  it("measures each person kenmerk on the persons it applies to (Tabel 1), as F03 does", () => {
    const metOntzorgen = { ontzorgenBegindatum: 20251001 };
    const l = levering([
      persoon({ bsn: bsn(11), ...metOntzorgen }),
      persoon({ bsn: bsn(12), ...metOntzorgen }),
      persoon({ bsn: bsn(13), ontzorgenBegindatum: undefined }),
      gezinsmigrant({ bsn: bsn(14) }),
      gezinsmigrant({ bsn: bsn(15) }),
    ]);
    const r = maakSpiegelrapport(l, undefined, statistischeControle(l, [], { received: 20260415 }));
    const k13 = r.vulling!.find((v) => v.kenmerk === 13)!;
    expect(k13).toMatchObject({ populatie: "asielstatushouders (TypeMigrant 1)", huidig: { gevuld: 2, populatie: 3 } });
    expect(k13.vorig).toBeNull();
    expect(r.vulling!.find((v) => v.kenmerk === 15)!.huidig.populatie).toBe(5);
    expect(r.vulling!.map((v) => v.kenmerk)).toEqual(Array.from({ length: 18 }, (_, i) => 12 + i));
  });
});
