import { describe, expect, it } from "vitest";
import type { ControleContext, TechnischeFout } from "../types";
import { MAX_FOUTEN } from "./fouten";
import {
  boeteXml,
  controleer,
  controleerIntern,
  CTX,
  geldigBsn,
  gesprekXml,
  leveringXml,
  NAAM,
  persoonXml,
  pipXml,
  regelVan,
  type Velden,
} from "./fixtures.testhulp";

const regels = (errors: TechnischeFout[]) => errors.map((e) => e.rule);

describe("a valid file", () => {
  it("is accepted and becomes compact Persoon objects", async () => {
    const xml = leveringXml({
      personen: [
        persoonXml(0, { na: pipXml() + boeteXml() }),
        persoonXml(1, {
          velden: {
            TypeMigrant: "2",
            MaatschappelijkeBegeleidingBegindatum: null,
            Geboortedatum: "19850300",
            BredeIntakeUrenTaalKNM: "0",
          },
          na:
            pipXml({ LeerrouteRoute: "3", LeerrouteNiveau: null, LeerrouteEinddatum: "20260301" }) +
            gesprekXml("20260105") +
            gesprekXml("20260205"),
        }),
      ],
    });
    const u = await controleer(xml);
    expect(u.errors).toEqual([]);
    expect(u).toMatchObject({ accepted: true, errorCount: 0, aantalPersonen: 2, fileName: NAAM });
    const lev = u.levering!;
    expect(lev.kop).toEqual({
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
      statistiekcode: 40,
      naamSoftwarepakket: "ssd",
      versieSoftwarepakket: "2026.1.4",
      berichtgevercode: "0153",
      gemeentecode: "0153",
    });
    const [a, b] = lev.personen;
    expect(a).toMatchObject({
      line: 13,
      bsn: geldigBsn(0),
      geboortedatum: 19910514,
      geslacht: 2,
      typeMigrant: 1,
      maatschappelijkeBegeleidingBegindatum: 20250903,
      alfabetiseringscursus: 1,
      pvtOndertekeningsdatum: 20260115,
      pips: [{ datum: 20251020, route: 1, niveau: 1, begindatum: 20251103 }],
      boetes: [{ datum: 20260212, reden: 2, bedrag: 250 }],
      voortgangsgesprekken: [],
    });
    expect(a!.ontzorgenBegindatum).toBeUndefined();
    expect(a!.pips[0]!.line).toBe(regelVan(xml, "<PIP>"));
    expect(b).toMatchObject({
      typeMigrant: 2,
      geboortedatum: 19850300,
      bredeIntakeUrenTaalKNM: 0,
      pips: [{ route: 3, einddatum: 20260301 }],
      voortgangsgesprekken: [{ datum: 20260105 }, { datum: 20260205 }],
    });
    expect(b!.pips[0]!.niveau).toBeUndefined();
    expect(b!.maatschappelijkeBegeleidingBegindatum).toBeUndefined();
  });

  it("may have a BOM, no XML declaration, CRLF line ends, comments, CDATA and character references", async () => {
    const kern = leveringXml({
      prolog: "",
      personen: [
        persoonXml(0, {
          velden: { Geslacht: "<!-- m/v -->2", Geboortedatum: "<![CDATA[19910514]]>", TypeMigrant: "&#49;" },
        }),
      ],
    });
    const xml = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(kern.replace(/\n/g, "\r\n"), "utf8")]);
    const u = await controleer(xml);
    expect(u.errors).toEqual([]);
    expect(u.levering!.personen[0]).toMatchObject({ geslacht: 2, geboortedatum: 19910514, typeMigrant: 1, line: 12 });
  });

  it("may declare encoding utf-8 in any case, and carry xsi:noNamespaceSchemaLocation on the root", async () => {
    const xml = leveringXml({
      prolog: "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n",
      wortelAttributen:
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="swi-2026.xsd"',
    });
    expect((await controleer(xml)).errors).toEqual([]);
  });

  it("may have no persons at all", async () => {
    const u = await controleer(leveringXml({ personen: [] }));
    expect(u.accepted).toBe(true);
    expect(u.levering!.personen).toEqual([]);
  });

  it("gives the same result whatever the chunk boundaries", async () => {
    const xml = leveringXml({
      personen: [persoonXml(0, { velden: { Geslacht: "4" } }), persoonXml(1, { na: pipXml() })],
    });
    const heel = await controleer(xml);
    for (const blok of [1, 2, 3, 7, 13]) expect(await controleer(xml, NAAM, CTX, blok)).toEqual(heel);
  });
});

describe("T01 bestandsnaam (controleerXml)", () => {
  it("reports a name that does not fit, and still checks the contents", async () => {
    const u = await controleer(
      leveringXml({ personen: [persoonXml(0, { velden: { Geslacht: "7" } })] }),
      "swi_0153.xml",
    );
    expect(regels(u.errors)).toEqual(["T01", "T03"]);
    expect(u.errors[0]).toMatchObject({ line: null, kenmerk: null });
    expect(u.errors[0]!.message).toContain("SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML");
  });

  it("accepts the extension in any case", async () => {
    expect((await controleer(leveringXml(), "SWI_0153_0153_20261.xml")).accepted).toBe(true);
    expect((await controleer(leveringXml(), "SWI_0153_0153_20261.Xml")).accepted).toBe(true);
  });
});

describe("T02 xml", () => {
  it("stops at the first well-formedness error, with its line", async () => {
    const xml = leveringXml({
      personen: [
        persoonXml(0, { velden: { Geslacht: "2</Geslacht><Geslacht>" } }),
        persoonXml(1, { velden: { Geslacht: "9" } }),
      ],
    });
    const u = await controleer(xml.replace("<TypeMigrant>1</TypeMigrant>", "<TypeMigrant>1</Typemigrant>"));
    expect(u.accepted).toBe(false);
    expect(u.errors.at(-1)).toMatchObject({ rule: "T02", line: 17 });
    expect(u.errors.at(-1)!.message).toMatch(/^Regel 17: Het bestand is geen correcte XML/);
    // Nothing after the break is reported (the Geslacht 9 further on).
    expect(u.errors.every((e) => e.line! <= 17)).toBe(true);
  });

  it("reports an unclosed tag as such, not the knock-on failures of the elements after it", async () => {
    const xml = leveringXml({ personen: [persoonXml(0), persoonXml(1)] });
    const kapot = xml.replace("<Geslacht>2</Geslacht>", "<Geslacht>2");
    const u = await controleer(kapot);
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(u.errors[0]!.message).toContain(`het element <Geslacht> op regel ${regelVan(kapot, "<Geslacht>")}`);
    // An unclosed group: its misplaced followers and its missing children are not reported either.
    const pip = leveringXml({ personen: [persoonXml(0, { na: pipXml().replace("</PIP>", "") + boeteXml() })] });
    const v = await controleer(pip);
    expect(regels(v.errors)).toEqual(["T02"]);
    expect(v.errors[0]!.message).toContain(`het element <PIP> op regel ${regelVan(pip, "<PIP>")}`);
    // A failure before the unclosed element is still reported.
    const ervoor = kapot.replace("<Geboortedatum>19910514<", "<Geboortedatum>19910231<");
    expect(regels((await controleer(ervoor)).errors)).toEqual(["T04", "T02"]);
  });

  it("reports an incomplete file", async () => {
    const xml = leveringXml();
    const u = await controleer(xml.slice(0, xml.indexOf("</Personen>")));
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(u.errors[0]!.message).toContain("onvolledig");
  });

  it("refuses an unknown entity", async () => {
    const u = await controleer(leveringXml({ kop: { VersieSoftwarepakket: "1&nbsp;2" } }));
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(u.errors[0]!.message).toContain("&amp;");
  });

  it("refuses a 0-byte file", async () => {
    const u = await controleer(Buffer.alloc(0));
    expect(u).toMatchObject({ accepted: false, errorCount: 1, aantalPersonen: 0 });
    expect(u.errors[0]).toMatchObject({ rule: "T02" });
    expect(u.errors[0]!.message).toContain("leeg");
  });

  it("refuses a file that is not XML at all", async () => {
    const u = await controleer("Dit is geen XML\n");
    expect(regels(u.errors)).toEqual(["T02"]);
  });

  it("refuses Latin-1 with an é, naming the line", async () => {
    const xml = leveringXml({ kop: { VersieSoftwarepakket: "versié" } });
    const u = await controleer(Buffer.from(xml, "latin1"));
    expect(u.errors).toHaveLength(1);
    expect(u.errors[0]).toMatchObject({ rule: "T02", line: 8 });
    expect(u.errors[0]!.message).toContain("UTF-8");
  });

  it("refuses a declared encoding other than UTF-8, even when the bytes are ASCII", async () => {
    const u = await controleer(leveringXml({ prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }));
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(u.errors[0]!.message).toContain("ISO-8859-1");
  });

  it("names the declared encoding when the bytes are not UTF-8", async () => {
    const xml = leveringXml({
      prolog: '<?xml version="1.0" encoding="windows-1252"?>\n',
      kop: { VersieSoftwarepakket: "é" },
    });
    const u = await controleer(Buffer.from(xml, "latin1"));
    expect(u.errors[0]!.message).toContain("windows-1252");
  });

  it("refuses UTF-16", async () => {
    const xml = leveringXml({ prolog: "" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const u = await controleer(utf16);
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(u.errors[0]!.message).toContain("UTF-16");
  });

  it("refuses a default namespace, a prefixed element and a stray namespace declaration", async () => {
    const ns = await controleer(leveringXml({ wortelAttributen: ' xmlns="urn:swi"' }));
    expect(regels(ns.errors)).toEqual(["T02"]);
    expect(ns.errors[0]!.message).toContain("namespace");

    const prefix = await controleer(
      leveringXml({
        wortelAttributen: ' xmlns:s="urn:swi"',
        personen: [persoonXml(0, { na: "      <s:Extra>1</s:Extra>\n" })],
      }),
    );
    expect(regels(prefix.errors)).toEqual(["T02", "T02"]);

    const xsiElders = await controleer(
      leveringXml({
        wortelAttributen: ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a b"',
      }),
    );
    expect(regels(xsiElders.errors)).toEqual(["T02"]);
  });
});

describe("T02 DOCTYPE and entities", () => {
  const billionLaughs =
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">\n`).join(
      "",
    ) +
    "]>\n<SWILevering>&lol9;</SWILevering>\n";

  it("refuses billion laughs before parsing it", async () => {
    const u = await controleer(billionLaughs);
    expect(u.errors).toHaveLength(1);
    expect(u.errors[0]).toMatchObject({ rule: "T02", line: 2 });
    expect(u.errors[0]!.message).toContain("DOCTYPE");
  });

  it("refuses an external entity (XXE)", async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE SWILevering [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<SWILevering>&x;</SWILevering>\n`;
    const u = await controleer(xxe);
    expect(regels(u.errors)).toEqual(["T02"]);
    expect(JSON.stringify(u)).not.toContain("root:");
  });

  it("refuses a DOCTYPE anywhere, also split over two chunks and after the root element", async () => {
    const xml = leveringXml() + "<!-- <!DOCTYPE x> -->\n";
    for (const blok of [3, 4, 5, 64 * 1024]) {
      const u = await controleer(xml, NAAM, CTX, blok);
      expect(regels(u.errors)).toEqual(["T02"]);
      expect(u.errors[0]!.message).toContain("DOCTYPE");
    }
  });
});

describe("T03 schema", () => {
  it("says which value is wrong and what is allowed, with the line", async () => {
    const xml = leveringXml({ personen: [persoonXml(0, { velden: { Geslacht: "4" } })] });
    const u = await controleer(xml);
    expect(u.errors).toEqual([
      {
        line: 16,
        kenmerk: 10,
        rule: "T03",
        message:
          "Regel 16: Geslacht (kenmerk 10) heeft de waarde 4; toegestaan zijn 1 (man), 2 (vrouw) en 3 (onbekend).",
      },
    ]);
    expect(u.levering).toBeUndefined();
    expect(u.kop).toMatchObject({ gemeentecode: "0153" });
  });

  it("reports a missing required element at its Persoon, naming the BSN", async () => {
    const u = await controleer(
      leveringXml({ personen: [persoonXml(0), persoonXml(1, { velden: { TypeMigrant: null } })] }),
    );
    expect(u.errors).toHaveLength(1);
    const heel = leveringXml({ personen: [persoonXml(0), persoonXml(1)] });
    const persoonRegel = regelVan(heel, "<Persoon>", heel.indexOf("<Persoon>") + 1);
    expect(u.errors[0]).toMatchObject({ rule: "T03", kenmerk: 11, line: persoonRegel });
    expect(u.errors[0]!.message).toContain(geldigBsn(1));
  });

  it("reports two swapped elements once", async () => {
    const xml = leveringXml().replace(
      "<Geboortedatum>19910514</Geboortedatum>\n      <Geslacht>2</Geslacht>",
      "<Geslacht>2</Geslacht>\n      <Geboortedatum>19910514</Geboortedatum>",
    );
    const u = await controleer(xml);
    expect(u.errors).toHaveLength(1);
    expect(u.errors[0]).toMatchObject({ rule: "T03", kenmerk: 9 });
    expect(u.errors[0]!.message).toContain("na <Geslacht>");
  });

  it("refuses an empty element, also an optional one", async () => {
    const gevallen: Velden[] = [{ Geslacht: "" }, { OntzorgenBegindatum: "" }, { Alfabetiseringscursus: "" }];
    for (const velden of gevallen) {
      const u = await controleer(leveringXml({ personen: [persoonXml(0, { velden })] }));
      expect(regels(u.errors)).toEqual(["T03"]);
      expect(u.errors[0]!.message).toContain("is leeg");
    }
    const zelfsluitend = leveringXml().replace(
      "<Alfabetiseringscursus>1</Alfabetiseringscursus>",
      "<Alfabetiseringscursus/>",
    );
    expect(regels((await controleer(zelfsluitend)).errors)).toEqual(["T03"]);
  });

  it("allows at most 5 Voortgangsgesprek per Persoon", async () => {
    const vijf = Array.from({ length: 5 }, (_, i) => gesprekXml(`2026010${i + 1}`)).join("");
    expect((await controleer(leveringXml({ personen: [persoonXml(0, { na: vijf })] }))).accepted).toBe(true);
    const u = await controleer(
      leveringXml({ personen: [persoonXml(0, { na: vijf + gesprekXml("20260110") + gesprekXml("20260111") })] }),
    );
    expect(u.errors).toHaveLength(1);
    expect(u.errors[0]!.message).toContain("maximaal 5");
  });

  it("refuses whitespace, signs and out-of-range lengths in numbers and codes", async () => {
    const fout: Velden[] = [
      { Geslacht: " 2" },
      { Geslacht: "2 " },
      { BredeIntakeUrenTaalKNM: "10000" },
      { BredeIntakeUrenTaalKNM: "-1" },
      { BredeIntakeUrenTaalKNM: "1.5" },
      { Geboortedatum: "1991051" },
      { Geboortedatum: "1991-05-14" },
      { Geboortedatum: "１９９１０５１４" }, // full-width digits
    ];
    for (const velden of fout) {
      const u = await controleer(leveringXml({ personen: [persoonXml(0, { velden })] }));
      expect(regels(u.errors), JSON.stringify(velden)).toEqual(["T03"]);
    }
    for (const velden of [
      { BredeIntakeUrenTaalKNM: "9999" },
      { BredeIntakeUrenTaalKNM: "0" },
      { BredeIntakeUrenTaalKNM: "0007" },
    ]) {
      expect((await controleer(leveringXml({ personen: [persoonXml(0, { velden })] }))).errors).toEqual([]);
    }
  });

  it("checks the header formats", async () => {
    const koppen: Velden[] = [
      { Berichtgevercode: "153" },
      { Gemeentecode: "01530" },
      { Statistiekkwartaal: "5" },
      { NaamSoftwarepakket: "SSD" },
      { Statistiekjaar: "26" },
    ];
    for (const kop of koppen) {
      const u = await controleer(leveringXml({ kop }));
      expect(regels(u.errors), JSON.stringify(kop)).toContain("T03");
    }
  });

  it("names an unknown element and suggests the right spelling", async () => {
    const u = await controleer(leveringXml({ personen: [persoonXml(0, { na: "      <geslacht>2</geslacht>\n" })] }));
    expect(regels(u.errors)).toEqual(["T03"]);
    expect(u.errors[0]!.message).toContain("Bedoelt u <Geslacht> (kenmerk 10)?");
  });

  it("refuses attributes and text between elements", async () => {
    const attr = await controleer(leveringXml().replace("<Persoon>", '<Persoon id="1">'));
    expect(regels(attr.errors)).toEqual(["T03"]);
    const tekst = await controleer(leveringXml().replace("<Persoon>", "<Persoon>los"));
    expect(regels(tekst.errors)).toEqual(["T03"]);
  });

  it("refuses a wrong root element but keeps checking inside it", async () => {
    const xml = leveringXml({ personen: [persoonXml(0, { velden: { Geslacht: "5" } })] }).replace(
      /SWILevering>/g,
      "SWIlevering>",
    );
    const u = await controleer(xml);
    expect(regels(u.errors)).toEqual(["T03", "T03"]);
    expect(u.errors[0]!.message).toContain("<SWILevering>");
  });

  it("does not cascade: a missing <Personen> wrapper gives a few errors, and the persons are still checked", async () => {
    const personen = Array.from({ length: 500 }, (_, i) =>
      persoonXml(i, i === 250 ? { velden: { Geslacht: "4" } } : {}),
    );
    const xml = leveringXml({ personen }).replace("  <Personen>\n", "").replace("  </Personen>\n", "");
    const u = await controleer(xml);
    expect(u.aantalPersonen).toBe(500);
    expect(u.errorCount).toBe(3);
    const teksten = u.errors.map((e) => e.message);
    expect(teksten.some((m) => m.includes("hoort in <Personen>") && m.includes("nog 499 keer"))).toBe(true);
    expect(teksten.some((m) => m.includes("ontbreekt het verplichte element <Personen>"))).toBe(true);
    expect(teksten.some((m) => m.includes("Geslacht (kenmerk 10) heeft de waarde 4"))).toBe(true);
  });

  it("survives groups misplaced inside each other, thousands deep", async () => {
    const diep = "<PIP>".repeat(5000) + "</PIP>".repeat(5000) + "\n";
    const u = await controleer(leveringXml({ personen: [persoonXml(0, { na: diep })] }));
    expect(u.accepted).toBe(false);
    expect(u.errors.every((e) => e.rule === "T03")).toBe(true);
    expect(u.errorCount).toBeLessThan(40);
  });

  it("groups one structural mistake repeated in every Persoon into one failure", async () => {
    const personen = Array.from({ length: 1000 }, (_, i) => persoonXml(i, { na: "      <Opmerking>x</Opmerking>\n" }));
    const u = await controleer(leveringXml({ personen }));
    expect(u.errorCount).toBe(1);
    expect(u.errors[0]!.message).toMatch(/nog 999 keer voor, onder meer op regel \d+, \d+, \d+, \d+ en \d+\./);
  });
});

describe("T04 datum", () => {
  const met = (velden: Record<string, string>) => controleer(leveringXml({ personen: [persoonXml(0, { velden })] }));

  it("refuses dates that do not exist", async () => {
    for (const d of ["20260231", "20260229", "20261301", "20260100", "20260000", "00000000"]) {
      const u = await met({ PVTOndertekeningsdatum: d });
      expect(u.errors, d).toHaveLength(1);
      expect(u.errors[0]).toMatchObject({ rule: "T04", kenmerk: 20 });
    }
    expect((await met({ PVTOndertekeningsdatum: "20240229" })).errors).toEqual([]);
  });

  it("allows 00 for an unknown month and/or day in Geboortedatum only", async () => {
    for (const d of ["19850000", "19850300", "20000229"])
      expect((await met({ Geboortedatum: d })).errors, d).toEqual([]);
    for (const d of ["19850015", "00000000", "19851300", "19850230", "19900229"]) {
      const u = await met({ Geboortedatum: d });
      expect(regels(u.errors), d).toEqual(["T04"]);
      expect(u.errors[0]!.message).toContain("jjjjmm00");
    }
  });
});

describe("T05 kop-bestandsnaam", () => {
  it("compares year, quarter, berichtgever and gemeente with the name", async () => {
    const u = await controleer(leveringXml(), "SWI_0154_0363_20254.XML", { ...CTX, received: 20260415 });
    expect(u.errors.map((e) => [e.rule, e.kenmerk, e.line])).toEqual([
      ["T05", 1, 4],
      ["T05", 2, 5],
      ["T05", 6, 9],
      ["T05", 7, 10],
    ]);
    expect(u.errors[0]!.message).toContain("SWI_0154_0363_20254.XML");
  });
});

describe("T06 kop-berichtgever", () => {
  const uploader = (code: string, gemeenten: string[]): ControleContext => ({
    ...CTX,
    uploader: { berichtgevercode: code, gemeentenVoorJaar: (j) => new Set(j === 2026 ? gemeenten : []) },
  });

  it("checks the Berichtgevercode and the gemeenten of the uploader", async () => {
    expect((await controleer(leveringXml(), NAAM, uploader("0153", ["0153"]))).errors).toEqual([]);
    const u = await controleer(leveringXml(), NAAM, uploader("0154", ["0363"]));
    expect(u.errors.map((e) => [e.rule, e.kenmerk])).toEqual([
      ["T06", 6],
      ["T06", 7],
    ]);
    expect(u.errors[1]!.message).toContain("0363");
  });

  it("without an uploader, checks the gemeente against the codelijst of the year", async () => {
    const jaren: number[] = [];
    const ctx: ControleContext = { received: 20260415, codelijst: (j) => (jaren.push(j), new Set(["0363"])) };
    const u = await controleer(leveringXml(), NAAM, ctx);
    expect(u.errors.map((e) => [e.rule, e.kenmerk, e.line])).toEqual([["T06", 7, 10]]);
    expect(jaren).toEqual([2026]);
  });
});

describe("T07 periode", () => {
  it("requires the quarter to have ended on the day received", async () => {
    const op = (received: number) => controleer(leveringXml(), NAAM, { ...CTX, received });
    const laatsteDag = await op(20260331);
    expect(laatsteDag.errors.map((e) => [e.rule, e.kenmerk, e.line])).toEqual([["T07", 2, 5]]);
    expect(laatsteDag.errors[0]!.message).toContain("31 maart 2026");
    expect(laatsteDag.errors[0]!.message).toContain("1 april 2026");
    expect((await op(20260401)).accepted).toBe(true);
  });

  it("handles the fourth quarter across the year end", async () => {
    const xml = leveringXml({ kop: { Statistiekjaar: "2025", Statistiekkwartaal: "4" } });
    const naam = "SWI_0153_0153_20254.XML";
    expect(regels((await controleer(xml, naam, { ...CTX, received: 20251231 })).errors)).toEqual(["T07"]);
    expect((await controleer(xml, naam, { ...CTX, received: 20260101 })).accepted).toBe(true);
  });

  it("reports a Statistiekcode other than 40 as T07 only", async () => {
    for (const code of ["41", "040", ""]) {
      const u = await controleer(leveringXml({ kop: { Statistiekcode: code } }));
      expect(
        u.errors.map((e) => [e.rule, e.kenmerk]),
        code,
      ).toEqual([["T07", 3]]);
    }
  });
});

describe("T08 bsn", () => {
  const met = (bsn: string) =>
    controleer(leveringXml({ personen: [persoonXml(0, { velden: { Burgerservicenummer: bsn } })] }));

  it("applies the eleven-test", async () => {
    expect((await met("111222333")).accepted).toBe(true);
    const u = await met("111222334");
    expect(u.errors.map((e) => [e.rule, e.kenmerk, e.line])).toEqual([["T08", 8, 14]]);
    expect(u.errors[0]!.message).toContain("elfproef");
    expect(regels((await met("000000000")).errors)).toEqual(["T08"]);
  });

  it("reports a BSN that is not 9 digits as T08 only", async () => {
    for (const bsn of ["12345678", "1234567890", "11122233a", " 111222333", ""]) {
      expect(regels((await met(bsn)).errors), bsn).toEqual(["T08"]);
    }
  });

  it("keeps a leading zero", async () => {
    const bsn = "012345672"; // 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110
    expect((await met(bsn)).levering!.personen[0]!.bsn).toBe(bsn);
  });
});

describe("T09 uniek", () => {
  it("is not raised for a Burgerservicenummer given twice inside one Persoon (that is T03)", async () => {
    const bsn = `<Burgerservicenummer>${geldigBsn(0)}</Burgerservicenummer>`;
    const u = await controleer(leveringXml({ personen: [persoonXml(0), persoonXml(1)] }).replace(bsn, bsn + bsn));
    expect(regels(u.errors)).toEqual(["T03"]);
    expect(u.errors[0]!.message).toContain("komt meer dan één keer voor in <Persoon>");
  });

  it("reports the second occurrence and mentions the first", async () => {
    const xml = leveringXml({ personen: [persoonXml(0), persoonXml(1), persoonXml(0)] });
    const u = await controleer(xml);
    const tweede = regelVan(xml, `<Burgerservicenummer>${geldigBsn(0)}`, xml.indexOf(geldigBsn(1)));
    expect(u.errors.map((e) => [e.rule, e.kenmerk, e.line])).toEqual([["T09", 8, tweede]]);
    expect(u.errors[0]!.message).toContain("eerder op regel 14");
  });
});

describe("T10 tekst", () => {
  const met = (versie: string) => controleer(leveringXml({ kop: { VersieSoftwarepakket: versie } }));

  it("allows every character of 3.2.3 and nothing else", async () => {
    expect((await met("aZ09!#$%()*+")).accepted).toBe(true);
    expect((await met(",-./:;=?@[\\]")).accepted).toBe(true);
    expect((await met("^_`{|}&amp;&lt;&gt;&quot;'")).accepted).toBe(true);
    for (const v of ["versié", "2026 1", "v~1", "v\t1", "ö"]) {
      const u = await met(v);
      expect(
        u.errors.map((e) => [e.rule, e.kenmerk, e.line]),
        v,
      ).toEqual([["T10", 5, 8]]);
    }
    expect((await met("2026 1")).errors[0]!.message).toContain("een spatie");
  });

  it("reports length (T03) and characters (T10) separately", async () => {
    expect(regels((await met("1234567890123")).errors)).toEqual(["T03"]);
    expect((await met("123456789012")).accepted).toBe(true);
    expect(regels((await met("é234567890123")).errors)).toEqual(["T03", "T10"]);
  });
});

describe("many failures", () => {
  it("keeps at most MAX_FOUTEN, in file order, and counts them all", async () => {
    const personen = Array.from({ length: 10_000 }, (_, i) => persoonXml(i, { velden: { Geslacht: "4" } }));
    const u = await controleer(leveringXml({ personen }));
    expect(u.errorCount).toBe(10_000);
    expect(u.errors).toHaveLength(MAX_FOUTEN);
    expect(u.aantalPersonen).toBe(10_000);
    const lijnen = u.errors.map((e) => e.line!);
    expect(lijnen).toEqual([...lijnen].sort((a, b) => a - b));
    expect(u.levering).toBeUndefined();
  });

  it("stops on an absurdly long text instead of eating memory", async () => {
    const xml = leveringXml({ kop: { VersieSoftwarepakket: "a".repeat(1_500_000) } });
    const u = await controleer(xml);
    expect(regels(u.errors)).toEqual(["T02"]);
  });

  it("reports the verdict the XSD alone would give", async () => {
    expect(
      (await controleerIntern(leveringXml({ personen: [persoonXml(0, { velden: { Geboortedatum: "19850015" } })] })))
        .schemaGeldig,
    ).toBe(true);
    expect(
      (await controleerIntern(leveringXml({ personen: [persoonXml(0, { velden: { Geslacht: "4" } })] }))).schemaGeldig,
    ).toBe(false);
  });
});
