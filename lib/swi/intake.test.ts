import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { leesAanlevering, type TechnischeUitkomst } from "./intake";
import {
  CTX,
  leveringXml,
  maakZip,
  NAAM,
  nullenBom,
  persoonXml,
  schrijfTijdelijk,
  tijdelijkeMap,
  type ZipLid,
} from "./technisch/fixtures.testhulp";
import { STANDAARD_ZIP_LIMIETEN, TeGrootUitgepakt, Uitpakbewaking } from "./technisch/zip";

const map = tijdelijkeMap();
afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

async function alles(
  naam: string,
  inhoud: string | Buffer,
  limieten = STANDAARD_ZIP_LIMIETEN,
): Promise<TechnischeUitkomst[]> {
  const pad = schrijfTijdelijk(`${Math.random().toString(36).slice(2)}-${naam}`, inhoud, map);
  const uit: TechnischeUitkomst[] = [];
  for await (const u of leesAanlevering({ naam, pad }, CTX, limieten)) uit.push(u);
  return uit;
}

const geldig = Buffer.from(leveringXml(), "utf8");
const gemeente0363 = Buffer.from(leveringXml({ kop: { Gemeentecode: "0363" } }), "utf8");

/** A zip rejected as a whole: one result under the zip's name, only T01. */
function verwachtZipAfgewezen(uit: TechnischeUitkomst[], zipNaam: string, tekst: RegExp) {
  expect(uit).toHaveLength(1);
  const [u] = uit;
  expect(u).toMatchObject({ fileName: zipNaam, accepted: false, aantalPersonen: 0 });
  expect(u!.errors.length).toBeGreaterThan(0);
  // The zip's own problems (T01), and then the failures of members that could still be read.
  const eigen = u!.errors.filter((e) => !e.message.startsWith("In "));
  expect(eigen.length).toBeGreaterThan(0);
  expect(eigen.every((e) => e.rule === "T01" && e.line === null)).toBe(true);
  expect(u!.errorCount).toBe(u!.errors.length);
  expect(u!.errors.map((e) => e.message).join(" ")).toMatch(tekst);
}

describe("an XML file", () => {
  it("gives one result; the extension may be in any case", async () => {
    for (const naam of [NAAM, "SWI_0153_0153_20261.xml"]) {
      const uit = await alles(naam, geldig);
      expect(uit).toHaveLength(1);
      expect(uit[0]).toMatchObject({ fileName: naam, accepted: true, aantalPersonen: 1 });
      expect(uit[0]!.levering!.personen).toHaveLength(1);
    }
  });

  it("with a name that does not fit is refused showing the pattern, and its contents are still read", async () => {
    for (const naam of [
      "SWI_153_0153_20261.XML",
      "SWI_0153_0153_20265.XML",
      "swi_0153_0153_20261.XML",
      "SWI_0153_0153_2026_1.XML",
      "levering.xml",
    ]) {
      const uit = await alles(naam, geldig);
      expect(uit, naam).toHaveLength(1);
      expect(uit[0]).toMatchObject({ fileName: naam, accepted: false, errorCount: 1, aantalPersonen: 1 });
      expect(uit[0]!.errors[0]).toMatchObject({ rule: "T01", line: null, kenmerk: null });
      expect(uit[0]!.errors[0]!.message).toContain("SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML");
    }
  });

  it("with a name that does not fit also reports every failure of its contents in the same upload", async () => {
    const fout = leveringXml({ personen: [persoonXml(0, { velden: { Geboortedatum: "19910231" } })] });
    for (const naam of ["swi_0153_0153_20261.XML", "SWI_0153_0153_20261.txt"]) {
      const [u] = await alles(naam, fout);
      expect(u!.accepted, naam).toBe(false);
      expect(
        u!.errors.map((e) => e.rule),
        naam,
      ).toEqual(["T01", "T04"]);
    }
  });

  it("that declares ISO-8859-1 reports that, and still every other failure", async () => {
    const fout = leveringXml({
      prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
      personen: [persoonXml(0, { velden: { Geboortedatum: "19910231" } })],
    });
    const [u] = await alles(NAAM, fout);
    expect(u!.errors.map((e) => e.rule)).toEqual(["T02", "T04"]);
    expect(u!.errors[0]!.message).toContain("ISO-8859-1");
    // Latin-1 bytes in such a file stop the reading, without a second message about the same thing.
    const latin1 = Buffer.from(
      leveringXml({
        prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
        kop: { NaamSoftwarepakket: "caf\u00e9" },
      }),
      "latin1",
    );
    const [v] = await alles(NAAM, latin1);
    expect(v!.errors.map((e) => e.rule)).toEqual(["T02"]);
    expect(v!.errors[0]!.message).toContain("ISO-8859-1");
  });

  it("of 0 bytes is refused (T02)", async () => {
    const uit = await alles(NAAM, Buffer.alloc(0));
    expect(uit[0]!.errors.map((e) => e.rule)).toEqual(["T02"]);
  });
});

describe("other extensions", () => {
  it("are refused with one T01 result", async () => {
    for (const naam of [
      "SWI_0153_0153_20261.txt",
      "SWI_0153_0153_20261.XML.gz",
      "aanlevering.rar",
      "SWI_0153_0153_20261",
    ]) {
      const uit = await alles(naam, geldig);
      expect(uit, naam).toHaveLength(1);
      expect(uit[0]!.errors.map((e) => e.rule)).toEqual(["T01"]);
      expect(uit[0]!.errors[0]!.message).toContain("SWI_[berichtgevercode]");
    }
  });
});

describe("a zip", () => {
  it("of any name and case gives one result per member", async () => {
    const zip = maakZip([
      { naam: "SWI_0153_0153_20261.XML", data: geldig },
      { naam: "SWI_0153_0363_20261.xml", data: gemeente0363 },
    ]);
    for (const naam of ["levering.zip", "Q1 2026.ZIP"]) {
      const uit = await alles(naam, zip);
      expect(uit.map((u) => [u.fileName, u.accepted])).toEqual([
        ["SWI_0153_0153_20261.XML", true],
        ["SWI_0153_0363_20261.xml", true],
      ]);
    }
  });

  it("may hold stored (uncompressed) members", async () => {
    const uit = await alles("a.zip", maakZip([{ naam: NAAM, data: geldig, methode: 0 }]));
    expect(uit.map((u) => u.accepted)).toEqual([true]);
  });

  it("reports a bad member on its own and keeps the good one", async () => {
    const fout = Buffer.from(
      leveringXml({ kop: { Gemeentecode: "0363" }, personen: [persoonXml(0, { velden: { Geslacht: "4" } })] }),
    );
    const uit = await alles(
      "a.zip",
      maakZip([
        { naam: NAAM, data: geldig },
        { naam: "SWI_0153_0363_20261.XML", data: fout },
      ]),
    );
    expect(uit.map((u) => [u.fileName, u.accepted, u.errors.map((e) => e.rule)])).toEqual([
      [NAAM, true, []],
      ["SWI_0153_0363_20261.XML", false, ["T03"]],
    ]);
  });

  it("treats an empty member as a refused delivery, not a refused zip", async () => {
    const uit = await alles("a.zip", maakZip([{ naam: NAAM, data: Buffer.alloc(0) }]));
    expect(uit.map((u) => [u.fileName, u.errors.map((e) => e.rule)])).toEqual([[NAAM, ["T02"]]]);
  });

  const afgewezen: [string, ZipLid[], RegExp][] = [
    ["a folder entry", [{ naam: "map/" }, { naam: NAAM, data: geldig }], /een map/],
    ["a member in a folder", [{ naam: `map/${NAAM}`, data: geldig }], /in een map/],
    ["a ../ name", [{ naam: `../${NAAM}`, data: geldig }], /"\.\." in het pad/],
    ["an absolute name", [{ naam: `/tmp/${NAAM}`, data: geldig }], /absoluut pad/],
    ["a Windows absolute name", [{ naam: `C:\\${NAAM}`, data: geldig }], /absoluut pad/],
    ["a backslash path", [{ naam: `map\\${NAAM}`, data: geldig }], /in een map/],
    [
      "a nested zip",
      [
        { naam: NAAM, data: geldig },
        { naam: "binnen.zip", data: maakZip([{ naam: NAAM, data: geldig }]) },
      ],
      /zip in een zip/,
    ],
    [
      "a member that is not XML",
      [
        { naam: NAAM, data: geldig },
        { naam: "leesmij.txt", data: Buffer.from("hallo") },
      ],
      /geen SWI-bestand/,
    ],
    ["a member with a bad name", [{ naam: "SWI_153_0153_20261.XML", data: geldig }], /voldoet niet aan het patroon/],
    [
      "two members for one gemeente and quarter",
      [
        { naam: "SWI_0153_0153_20261.XML", data: geldig },
        { naam: "SWI_0154_0153_20261.XML", data: geldig },
      ],
      /twee bestanden voor gemeente 0153 over kwartaal 1 van 2026/,
    ],
    ["an encrypted member", [{ naam: NAAM, data: geldig, versleuteld: true }], /wachtwoord/],
    [
      "an unsupported compression method",
      [{ naam: NAAM, ruw: Buffer.from("xx"), methode: 12, gedeclareerd: 2 }],
      /methode/,
    ],
    ["no members", [], /leeg/],
  ];
  for (const [wat, leden, tekst] of afgewezen) {
    it(`with ${wat} is rejected as a whole`, async () => {
      verwachtZipAfgewezen(await alles("levering.zip", maakZip(leden)), "levering.zip", tekst);
    });
  }

  it("refused as a whole still reports the failures of the members it could read", async () => {
    const fout = Buffer.from(leveringXml({ personen: [persoonXml(0, { velden: { Geboortedatum: "19910231" } })] }));
    const [u, ...rest] = await alles(
      "levering.zip",
      maakZip([
        { naam: "leesmij.txt", data: Buffer.from("hallo") },
        { naam: "SWI_0153_0153_20261.XML", data: fout },
        { naam: "swi_0153_0363_20261.XML", data: fout },
      ]),
    );
    expect(rest).toHaveLength(0);
    expect(u).toMatchObject({ fileName: "levering.zip", accepted: false });
    const regels = u!.errors.map((e) => `${e.rule} ${e.message.slice(0, 40)}`);
    expect(regels.filter((r) => r.startsWith("T01")).length).toBe(2); // the text file and the lower-case name
    const leden = u!.errors.filter((e) => e.message.startsWith("In "));
    expect(leden.map((e) => [e.rule, e.message.split(":")[0]])).toEqual([
      ["T04", "In SWI_0153_0153_20261.XML"],
      ["T04", "In swi_0153_0363_20261.XML"],
    ]);
    expect(u!.errorCount).toBe(u!.errors.length);
  });

  it("that is not a zip, or is truncated, is rejected as a whole", async () => {
    verwachtZipAfgewezen(
      await alles("kapot.zip", Buffer.from("dit is geen zip")),
      "kapot.zip",
      /geen leesbaar zip-bestand/,
    );
    const heel = maakZip([{ naam: NAAM, data: geldig }]);
    verwachtZipAfgewezen(await alles("half.zip", heel.subarray(0, heel.length - 30)), "half.zip", /zip/);
  });

  it("with a corrupt member is rejected as a whole", async () => {
    const ruw = Buffer.from(zlib.deflateRawSync(geldig));
    ruw.fill(0xff, 10, 40);
    verwachtZipAfgewezen(
      await alles("kapot.zip", maakZip([{ naam: NAAM, ruw, gedeclareerd: geldig.length }])),
      "kapot.zip",
      /beschadigd/,
    );
  });

  it("lists every problem, not just the first", async () => {
    const uit = await alles(
      "x.zip",
      maakZip([{ naam: "map/" }, { naam: "a.txt", data: Buffer.from("a") }, { naam: NAAM, data: geldig }]),
    );
    expect(uit[0]!.errors).toHaveLength(2);
  });
});

describe("zip bombs", () => {
  it("a member that declares 1000 bytes but inflates to over 1 GB is stopped early", async () => {
    const start = Date.now();
    const bom = nullenBom(1100); // 1100 MiB of zeros in ~1 MB
    expect(bom.length).toBeLessThan(2 * 1024 * 1024);
    const uit = await alles("bom.zip", maakZip([{ naam: NAAM, ruw: bom, gedeclareerd: 1000 }]));
    verwachtZipAfgewezen(uit, "bom.zip", /beschadigd of gemanipuleerd/);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it("members that honestly declare more than the limit in total are refused without unpacking", async () => {
    const bom = nullenBom(600);
    const leden: ZipLid[] = [
      { naam: "SWI_0153_0153_20261.XML", ruw: bom, gedeclareerd: 600 * 1024 * 1024 },
      { naam: "SWI_0153_0363_20261.XML", ruw: bom, gedeclareerd: 600 * 1024 * 1024 },
    ];
    const start = Date.now();
    const uit = await alles("groot.zip", maakZip(leden), { ...STANDAARD_ZIP_LIMIETEN, maxVerhouding: 1e9 });
    verwachtZipAfgewezen(uit, "groot.zip", /pakt uit tot meer dan 1 GB/);
    expect(Date.now() - start).toBeLessThan(2_000);
  });

  it("a member that would grow more than 200 times is refused", async () => {
    const bom = nullenBom(20);
    const uit = await alles("verhouding.zip", maakZip([{ naam: NAAM, ruw: bom, gedeclareerd: 20 * 1024 * 1024 }]));
    verwachtZipAfgewezen(uit, "verhouding.zip", /meer dan 200 keer zo groot/);
  });

  it("the limits are configurable", async () => {
    const zip = maakZip([{ naam: NAAM, data: geldig }]);
    const klein = { ...STANDAARD_ZIP_LIMIETEN, maxUitgepakt: 100 };
    verwachtZipAfgewezen(await alles("a.zip", zip, klein), "a.zip", /pakt uit tot meer dan/);
    expect((await alles("a.zip", zip)).map((u) => u.accepted)).toEqual([true]);
  });
});

describe("Uitpakbewaking", () => {
  const limieten = { maxUitgepakt: 10_000, maxVerhouding: 10, verhoudingVanaf: 1_000, maxLeden: 10 };

  it("counts actual bytes across members against the total", () => {
    const b = new Uitpakbewaking(limieten);
    b.tel("a", 5_000, 6_000, 6_000);
    expect(() => b.tel("b", 5_000, 4_001, 4_001)).toThrow(TeGrootUitgepakt);
  });

  it("checks the ratio once a member is past a small size", () => {
    const b = new Uitpakbewaking(limieten);
    b.tel("a", 10, 900, 900); // 90:1 but tiny
    expect(() => b.tel("a", 10, 1_001, 101)).toThrow(/10 keer zo groot/);
    expect(() => new Uitpakbewaking(limieten).tel("c", 500, 5_000, 5_000)).not.toThrow();
  });
});
