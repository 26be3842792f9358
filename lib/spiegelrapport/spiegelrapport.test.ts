import { parse } from "csv-parse/sync";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { REGELS } from "@/lib/swi/regels";
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import { spiegelrapportCsv } from "./csv";
import type { SpiegelrapportGegevens } from "./gegevens";
import { grafiekSvg, spiegelrapportGrafieken } from "./grafieken";
import { spiegelrapportPdf } from "./pdf";
import { voorbeeldRapport } from "./voorbeeldrapport.testhulp";
import { maakTrend, trendGrafiek } from "./trend";
import { celTekst, vergelijkingsGrafieken, vergelijkingUitleg } from "./vergelijking";
import { staafgrafiekSvg } from "./grafieken";
import { gemeenteTelling, vergelijk, vergelijkingsFiguren } from "@/lib/swi/vergelijking";
import type { SpiegelrapportOmgeving } from "./gegevens";
import { groepeerRijen, regelsMetSignalen, spiegelrapportTitelTekst, verschilTekst } from "./weergave";

function gegevens(opties: Parameters<typeof voorbeeldRapport>[0] = {}): SpiegelrapportGegevens {
  const v = voorbeeldRapport(opties);
  return {
    levering: {
      id: "lev1",
      bestandsnaam: v.bestandsnaam,
      status: "VERWERKT",
      ontvangenOp: new Date("2026-04-10T08:00:00Z"),
      verwerktOp: new Date("2026-04-10T08:05:00Z"),
    },
    berichtgever: { code: "0153", naam: "Gemeente Enschede" },
    gemeente: { code: "0153", naam: "Enschede" },
    rapport: v.rapport,
    bestandSignalen: v.bestandSignalen,
  };
}

function rij(r: Spiegelrapport, sleutel: string) {
  const x = r.rijen.find((y) => y.sleutel === sleutel);
  if (!x) throw new Error(`geen rij ${sleutel}`);
  return x;
}

describe("weergave", () => {
  it("writes differences with their sign in text", () => {
    expect(verschilTekst(12)).toBe("+12");
    expect(verschilTekst(-3)).toBe("\u22123");
    expect(verschilTekst(-3, "-")).toBe("-3");
    expect(verschilTekst(0)).toBe("0");
    expect(verschilTekst(12345)).toBe("+12.345");
  });

  it("groups rows by section in the engine's order and keeps every row", () => {
    const { rapport } = gegevens();
    const groepen = groepeerRijen(rapport.rijen);
    expect(groepen.map((g) => g.groep)).toEqual([...new Set(rapport.rijen.map((r) => r.groep))]);
    expect(groepen.flatMap((g) => g.rijen)).toHaveLength(rapport.rijen.length);
    expect(groepen.find((g) => g.groep === "Type migrant")?.rijen.map((r) => r.sleutel)).toEqual([
      "typeMigrant.1",
      "typeMigrant.2",
    ]);
  });

  it("lists only rules with signals, in catalogue order", () => {
    const { rapport } = gegevens();
    const r: Spiegelrapport = { ...rapport, signalenPerRegel: { ...rapport.signalenPerRegel, F02: 1, Q01: 4, P09: 2 } };
    const codes = regelsMetSignalen(r).map((x) => x.code);
    const volgorde = REGELS.map((x) => x.code as string);
    expect(codes).toEqual([...codes].sort((a, b) => volgorde.indexOf(a) - volgorde.indexOf(b)));
    expect(regelsMetSignalen(r)).toContainEqual({ code: "Q01", aantal: 4 });
    expect(codes.every((c) => (r.signalenPerRegel[c] ?? 0) > 0)).toBe(true);
  });
});

describe("spiegelrapportCsv", () => {
  it("has every row with current, previous and difference, then the signals per rule", () => {
    const g = gegevens();
    const csv = spiegelrapportCsv(g);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rijen = parse(csv.slice(1), { delimiter: ";" }) as string[][];
    expect(rijen[0]).toEqual([
      "Groep",
      "Sleutel",
      "Omschrijving",
      "Kenmerk",
      "Aantal 2026 K1",
      "Aantal 2025 K4",
      "Verschil",
    ]);
    const perSleutel = new Map(rijen.slice(1).map((r) => [r[1], r]));
    for (const r of g.rapport.rijen) {
      expect(perSleutel.get(r.sleutel)).toEqual([
        r.groep,
        r.sleutel,
        r.omschrijving,
        r.kenmerk === null ? "" : String(r.kenmerk),
        String(r.huidig),
        String(r.vorig),
        String(r.verschil),
      ]);
    }
    // Negative differences stay numbers a spreadsheet can compute with.
    const negatief = g.rapport.rijen.find((r) => (r.verschil ?? 0) < 0);
    expect(negatief).toBeDefined();
    expect(perSleutel.get(negatief!.sleutel)?.[6]).toBe(String(negatief!.verschil));
    expect(perSleutel.get("signalen.P09")).toEqual([
      "Signalen per controle",
      "signalen.P09",
      "P09 ontzorgen",
      "",
      "1",
      "",
      "",
    ]);
    // The fill rates on the population each kenmerk applies to, in percent.
    const k13 = g.rapport.vulling!.find((v) => v.kenmerk === 13)!;
    const csv13 = perSleutel.get("vulling.13.procent")!;
    expect(csv13[2]).toContain("% van asielstatushouders (TypeMigrant 1)");
    expect(Number(csv13[4])).toBeCloseTo((100 * k13.huidig.gevuld) / k13.huidig.populatie, 1);
    expect(rijen.length - 1).toBe(
      g.rapport.rijen.length + g.rapport.vulling!.length + Object.keys(g.rapport.signalenPerRegel).length,
    );
  });

  it("leaves previous and difference empty without a previous quarter", () => {
    const g = gegevens({ metVorige: false, vervuiling: null });
    const rijen = parse(spiegelrapportCsv(g).slice(1), { delimiter: ";" }) as string[][];
    expect(rijen[0]?.[5]).toBe("Aantal vorig kwartaal");
    const personen = rijen.find((r) => r[1] === "personen.totaal");
    expect(personen?.slice(4)).toEqual([String(g.rapport.personen), "", ""]);
  });
});

describe("spiegelrapportPdf", () => {
  it("makes a tagged PDF with the title, the sections and the numbers", async () => {
    const g = gegevens();
    const pdf = await spiegelrapportPdf(g);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);

    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const tekst = (await parser.getText()).text.replace(/\s+/g, " ");
      expect(tekst).toContain(spiegelrapportTitelTekst(g));
      expect(tekst).toContain("Berichtgever 0153 Gemeente Enschede");
      for (const groep of new Set(g.rapport.rijen.map((r) => r.groep))) expect(tekst).toContain(groep);
      const asiel = rij(g.rapport, "typeMigrant.1");
      expect(tekst).toContain(
        `${asiel.omschrijving} 11 ${asiel.huidig} ${asiel.vorig} ${verschilTekst(asiel.verschil!, "-")}`,
      );
      expect(tekst).toContain("P09 ontzorgen");
      expect(tekst).toContain("Vulling van de kenmerken per persoon");
      const k13 = g.rapport.vulling!.find((v) => v.kenmerk === 13)!;
      expect(tekst).toContain(`${k13.huidig.gevuld} van ${k13.huidig.populatie}`);
      expect(tekst).toContain("Vergeleken met de levering over het vorige kwartaal, 2025 K4");
      const info = await parser.getInfo();
      expect(info.info?.Title).toBe(spiegelrapportTitelTekst(g));
    } finally {
      await parser.destroy();
    }
  });
});

/** Trend over two quarters and a comparison with five gemeenten, as lib/spiegelrapport/omgeving.ts makes them. */
function omgeving(g: SpiegelrapportGegevens): SpiegelrapportOmgeving {
  const eerder = voorbeeldRapport({ seed: "eerder", aantalPersonen: 40 }).rapport;
  const r = g.rapport;
  const anderen = ["0363", "0147", "0164", "1735"].map((code, i) =>
    gemeenteTelling(code, voorbeeldRapport({ seed: `ander-${i}`, aantalPersonen: 50 + i * 10 }).rapport),
  );
  const eigen = gemeenteTelling("0153", r);
  return {
    trend: maakTrend([
      { jaar: 2025, kwartaal: 4, rapport: eerder, ditRapport: false },
      { jaar: 2026, kwartaal: 1, rapport: r, ditRapport: true },
    ]),
    vergelijking: { ...vergelijk(vergelijkingsFiguren(r), eigen, [eigen, ...anderen]), kwartaal: "2026 K1" },
  };
}

describe("spiegelrapportPdf with trend and comparison", () => {
  it("carries the page's charts as tagged figures, with the trend and comparison tables", async () => {
    const g = gegevens();
    const o = omgeving(g);
    expect(o.vergelijking.landelijk.getoond).toBe(true);
    const pdf = await spiegelrapportPdf(g, o);
    const raw = pdf.toString("latin1");
    const figuren = vergelijkingsGrafieken(o.vergelijking).length + spiegelrapportGrafieken(g.rapport).length + 1;
    expect(raw.match(/\/S \/Figure/g)?.length).toBe(figuren);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const tekst = (await parser.getText()).text.replace(/\s+/g, " ");
      expect(tekst).toContain("Verloop per kwartaal");
      expect(tekst).toContain("Vergeleken met andere gemeenten");
      expect(tekst).toContain(trendGrafiek(o.trend).titel);
      // Text drawn inside the charts (svg-to-pdfkit writes it as PDF text): a bar's label.
      expect(tekst).toContain(`Personen: ${g.rapport.personen}`);
      expect(tekst).toMatch(/Deze gemeente: \d+(,\d)?%/);
      expect(tekst).toContain("2025 K4 2026 K1");
      expect(tekst).toContain("Grootteklasse klein");
    } finally {
      await parser.destroy();
    }
  });
});

describe("grafieken", () => {
  it("computes fill rates from the counts, per person and per PIP", () => {
    const g = gegevens();
    const r = g.rapport;
    const [personen, pips] = spiegelrapportGrafieken(r);
    expect(personen?.id).toBe("vulling-personen");
    expect(personen?.punten).toHaveLength(18);
    const k15 = personen!.punten.find((p) => p.label.startsWith("15 "))!;
    expect(k15.huidig).toBeCloseTo((rij(r, "kenmerk.15").huidig / r.personen) * 100, 6);
    expect(k15.vorig).toBeCloseTo((rij(r, "kenmerk.15").vorig! / rij(r, "personen.totaal").vorig!) * 100, 6);
    expect(k15.huidigAantal).toBe(rij(r, "kenmerk.15").huidig);
    // A kenmerk for asielstatushouders only is measured on them, not on everyone (Tabel 1).
    const k13 = personen!.punten.find((p) => p.label.startsWith("13 "))!;
    const asiel = rij(r, "typeMigrant.1").huidig;
    expect(asiel).toBeLessThan(r.personen);
    expect(k13.label).toContain("(asielstatushouders (TypeMigrant 1))");
    expect(k13.huidigNoemer).toBe(asiel);
    expect(k13.huidig).toBeCloseTo((k13.huidigAantal! / asiel) * 100, 6);
    expect(k15.huidigNoemer).toBe(r.personen);
    expect(pips?.id).toBe("vulling-pips");
    const k32 = pips!.punten.find((p) => p.label.startsWith("32 "))!;
    expect(k32.huidig).toBeCloseTo((rij(r, "kenmerk.32").huidig / rij(r, "kenmerk.30").huidig) * 100, 6);
  });

  it("shows persons by type migrant and PIPs by leerroute with both quarters", () => {
    const { rapport } = gegevens();
    const grafieken = spiegelrapportGrafieken(rapport);
    const type = grafieken.find((x) => x.id === "type-migrant")!;
    expect(type.punten).toEqual(
      rapport.rijen
        .filter((x) => x.groep === "Type migrant")
        .map((x) => ({ label: x.omschrijving, huidig: x.huidig, vorig: x.vorig })),
    );
    const route = grafieken.find((x) => x.id === "leerroute")!;
    expect(route.punten.map((p) => p.label)).toEqual(["B1-route", "onderwijsroute", "Z-route"]);
    expect(route.huidigLabel).toBe("2026 K1");
    expect(route.vorigLabel).toBe("2025 K4");
  });

  it("renders accessible SVG whose bars carry their quarter and value as text", () => {
    const { rapport } = gegevens();
    const type = spiegelrapportGrafieken(rapport).find((x) => x.id === "type-migrant")!;
    const svg = grafiekSvg(type);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-label="Personen naar type migrant\. [^"]*tabel/);
    expect(svg.match(/<rect /g)).toHaveLength(type.punten.length * 2);
    for (const p of type.punten) {
      expect(svg).toContain(`2026 K1: ${p.huidig}`);
      expect(svg).toContain(`2025 K4: ${p.vorig}`);
    }
    expect(svg).not.toContain("<script");
    // Only the image itself is named; labels on its inner groups are not allowed.
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it("gives a chart of the same data the same SVG, and one of other data its own", () => {
    const { rapport } = gegevens();
    const type = spiegelrapportGrafieken(rapport).find((x) => x.id === "type-migrant")!;
    const eerst = grafiekSvg(type);
    expect(grafiekSvg(structuredClone(type))).toBe(eerst);
    const anders = { ...type, punten: type.punten.map((p) => ({ ...p, huidig: p.huidig + 1 })) };
    const svg = grafiekSvg(anders);
    expect(svg).not.toBe(eerst);
    for (const p of anders.punten) expect(svg).toContain(`2026 K1: ${p.huidig}`);
  });

  it("draws one bar per category without a previous quarter", () => {
    const { rapport } = gegevens({ metVorige: false, vervuiling: null });
    const type = spiegelrapportGrafieken(rapport).find((x) => x.id === "type-migrant")!;
    expect(type.vorigLabel).toBeNull();
    expect(grafiekSvg(type).match(/<rect /g)).toHaveLength(type.punten.length);
  });
});

describe("gemeenteTelling and vergelijkingsFiguren", () => {
  it("take the headline figures from a stored spiegelrapport", () => {
    const { rapport } = voorbeeldRapport();
    const t = gemeenteTelling("0153", rapport);
    const figuren = vergelijkingsFiguren(rapport);
    expect(t.personen).toBe(rapport.personen);
    for (const f of figuren) expect(t.waarden[f.sleutel], f.sleutel).toBeDefined();
    expect(figuren.map((f) => f.groep)).toEqual(
      expect.arrayContaining(["Personen", "Geslacht", "Type migrant", "Leeftijd", "Vulling per persoon"]),
    );
    const asiel = rapport.rijen.find((r) => r.sleutel === "typeMigrant.1")!;
    expect(t.waarden["typeMigrant.1"]).toEqual({ teller: asiel.huidig, noemer: rapport.personen });
  });
});

describe("the comparison's words and charts", () => {
  it("say which cells are withheld and why, and draw a withheld cell as text, not as a bar", () => {
    const g = gegevens();
    const eigen = gemeenteTelling("0153", g.rapport);
    const weinig = { ...vergelijk(vergelijkingsFiguren(g.rapport), eigen, [eigen]), kwartaal: "2026 K1" };
    expect(vergelijkingUitleg(weinig).join(" ")).toContain(
      "te weinig gemeenten met een geldende levering over 2026 K1",
    );
    for (const rij of weinig.rijen) expect(celTekst(rij, rij.landelijk)).toBe("niet getoond");

    const v = omgeving(g).vergelijking;
    const grafiek = vergelijkingsGrafieken(v).find((x) => x.titel.startsWith("Geslacht"))!;
    expect(grafiek.reeksen).toEqual(["Deze gemeente", "Landelijk", "Grootteklasse klein"]);
    const onbekend = grafiek.punten.find((p) => p.label === "onbekend")!;
    expect(onbekend.waarden.slice(1)).toEqual([null, null]);
    const svg = staafgrafiekSvg(grafiek);
    expect(svg).toContain("Landelijk: niet getoond");
    expect(svg).toContain('role="img"');
  });
});
