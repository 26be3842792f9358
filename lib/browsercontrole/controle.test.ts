import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { leesAanlevering } from "@/lib/swi/intake";
import {
  leveringXml,
  maakZip,
  NAAM,
  nullenBom,
  persoonXml,
  schrijfTijdelijk,
  tijdelijkeMap,
} from "@/lib/swi/technisch/fixtures.testhulp";
import { STANDAARD_ZIP_LIMIETEN, type ZipLimieten } from "@/lib/swi/technisch/zip-controle";
import { controleerAanlevering } from "@/lib/swi/controle";
import { bestandTelling, tellingOpslaan, type OpgeslagenTelling } from "@/lib/swi/statistisch/bestand";
import { controleerXml } from "@/lib/swi/technisch/controleer-xml";
import { genereerLevering } from "@/lib/swi/testhulp/generator";
import type { GeparsteLevering } from "@/lib/swi/types";
import type { VorigeTellingen } from "./bestandscontrole";
import { blobBron } from "./bron";
import { controleContext, controleerInBrowser, type BrowserContext } from "./controle";

const map = tijdelijkeMap();
afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

const CONTEXT: BrowserContext = {
  berichtgevercode: "0153",
  toewijzingen: [
    { gemeentecode: "0153", gemeentenaam: "Enschede", vanafJaar: 2020, totEnMetJaar: null },
    { gemeentecode: "0363", gemeentenaam: "Amsterdam", vanafJaar: 2020, totEnMetJaar: null },
  ],
  vandaag: 20260415,
  vorige: null,
};

async function server(naam: string, inhoud: Buffer, limieten: ZipLimieten) {
  const pad = schrijfTijdelijk(`${Math.random().toString(36).slice(2)}-${naam}`, inhoud, map);
  const uit = [];
  for await (const u of leesAanlevering({ naam, pad }, controleContext(CONTEXT), limieten)) {
    uit.push({
      fileName: u.fileName,
      accepted: u.accepted,
      errors: u.errors,
      errorCount: u.errorCount,
      aantalPersonen: u.aantalPersonen,
      kop: u.kop ?? null,
    });
  }
  return uit;
}

async function browser(naam: string, inhoud: Buffer, limieten: ZipLimieten) {
  const gelezen: number[] = [];
  const uit = await controleerInBrowser(
    naam,
    blobBron(new Blob([new Uint8Array(inhoud)])),
    CONTEXT,
    (n) => gelezen.push(n),
    limieten,
  );
  return { uit, gelezen };
}

const geldig = Buffer.from(leveringXml(), "utf8");
const gemeente0363 = Buffer.from(leveringXml({ kop: { Gemeentecode: "0363" } }), "utf8");
const t04 = Buffer.from(leveringXml({ personen: [persoonXml(0, { velden: { Geboortedatum: "19910231" } })] }));
const kapotRuw = Buffer.from(zlib.deflateRawSync(geldig));
kapotRuw.fill(0xff, 10, 40);

const GEVALLEN: [string, string, Buffer, ZipLimieten?][] = [
  ["a valid XML", NAAM, geldig],
  ["an XML with a T04 failure", NAAM, t04],
  ["an XML under a name off the pattern", "levering.xml", t04],
  ["a PDF named .XML", NAAM, Buffer.from("%PDF-1.4 hallo")],
  ["an empty file", NAAM, Buffer.alloc(0)],
  ["a text file", "leesmij.txt", Buffer.from("hallo")],
  ["XML without an XML extension", "levering.dat", geldig],
  [
    "a valid zip of two",
    "levering.zip",
    maakZip([
      { naam: NAAM, data: geldig },
      { naam: "SWI_0153_0363_20261.XML", data: gemeente0363 },
    ]),
  ],
  ["a zip with a stored member", "a.zip", maakZip([{ naam: NAAM, data: geldig, methode: 0 }])],
  ["a zip with a T04 member", "a.zip", maakZip([{ naam: NAAM, data: t04 }])],
  ["a zip with a folder", "a.zip", maakZip([{ naam: "map/" }, { naam: NAAM, data: t04 }])],
  ["a zip with a ../ name", "a.zip", maakZip([{ naam: `../${NAAM}`, data: geldig }])],
  [
    "a zip with a non-SWI member",
    "a.zip",
    maakZip([
      { naam: "a.txt", data: Buffer.from("a") },
      { naam: NAAM, data: t04 },
    ]),
  ],
  ["a nested zip", "a.zip", maakZip([{ naam: "b.zip", data: maakZip([{ naam: NAAM, data: geldig }]) }])],
  [
    "a zip with two files for one quarter",
    "a.zip",
    maakZip([
      { naam: "SWI_0153_0153_20261.XML", data: geldig },
      { naam: "SWI_0154_0153_20261.XML", data: geldig },
    ]),
  ],
  ["an encrypted member", "a.zip", maakZip([{ naam: NAAM, data: geldig, versleuteld: true }])],
  ["an unknown method", "a.zip", maakZip([{ naam: NAAM, ruw: Buffer.from("xx"), methode: 12, gedeclareerd: 2 }])],
  ["an empty zip", "a.zip", maakZip([])],
  ["no zip at all", "kapot.zip", Buffer.from("dit is geen zip")],
  ["an XML named .zip", "levering.zip", geldig],
  ["a truncated zip", "half.zip", maakZip([{ naam: NAAM, data: geldig }]).subarray(0, 200)],
  ["a corrupt member", "kapot.zip", maakZip([{ naam: NAAM, ruw: kapotRuw, gedeclareerd: geldig.length }])],
  ["a lying zip bomb", "bom.zip", maakZip([{ naam: NAAM, ruw: nullenBom(1100), gedeclareerd: 1000 }])],
  ["an honest bomb", "bom.zip", maakZip([{ naam: NAAM, ruw: nullenBom(20), gedeclareerd: 20 * 1024 * 1024 }])],
  [
    "a zip over the total limit",
    "a.zip",
    maakZip([{ naam: NAAM, data: geldig }]),
    { ...STANDAARD_ZIP_LIMIETEN, maxUitgepakt: 100 },
  ],
  [
    "a zip with too many members",
    "a.zip",
    maakZip([
      { naam: NAAM, data: geldig },
      { naam: "SWI_0153_0363_20261.XML", data: gemeente0363 },
    ]),
    { ...STANDAARD_ZIP_LIMIETEN, maxLeden: 1 },
  ],
];

describe("the browser check says what the server's intake says", () => {
  for (const [wat, naam, inhoud, limieten = STANDAARD_ZIP_LIMIETEN] of GEVALLEN) {
    it(wat, async () => {
      const verwacht = await server(naam, inhoud, limieten);
      const { uit } = await browser(naam, inhoud, limieten);
      // The file-level signals are compared with the server's statistische controle below.
      expect(uit.map((u) => ({ ...u, bestand: undefined }))).toEqual(verwacht);
    });
  }
});

describe("reading", () => {
  it("streams a large file in slices and reports progress up to its size", async () => {
    const personen = Array.from({ length: 6000 }, (_, i) => persoonXml(i));
    const groot = Buffer.from(leveringXml({ personen }), "utf8");
    expect(groot.length).toBeGreaterThan(2 * 1024 * 1024);
    const { uit, gelezen } = await browser(NAAM, groot, STANDAARD_ZIP_LIMIETEN);
    expect(uit).toMatchObject([{ accepted: true, aantalPersonen: 6000 }]);
    expect(gelezen.length).toBeGreaterThan(2);
    expect(gelezen.at(-1)).toBe(groot.length);
    expect([...gelezen].sort((a, b) => a - b)).toEqual(gelezen);
  });

  it("gives the page no parsed persons", async () => {
    const { uit } = await browser(NAAM, geldig, STANDAARD_ZIP_LIMIETEN);
    expect(Object.keys(uit[0]!)).not.toContain("levering");
  });
});

describe("file-level signals (F01–F04) as the server's statistische controle gives them", () => {
  const vorig = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2025,
    kwartaal: 4,
    aantalPersonen: 300,
    seed: "browser-bestand-vorig",
  });
  const nu = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 1,
    aantalPersonen: 200,
    seed: "browser-bestand-nu",
  });
  const ctx = { ...CONTEXT, vandaag: 20260505 };

  async function opServer(naam: string, inhoud: Buffer, eerdere: GeparsteLevering[]) {
    const pad = schrijfTijdelijk(`${Math.random().toString(36).slice(2)}-${naam}`, inhoud, map);
    const uit = await controleerAanlevering({ naam, pad }, controleContext(ctx), () => eerdere);
    return uit.map((r) => r.fileSignals);
  }
  async function geparst(l: typeof vorig): Promise<GeparsteLevering> {
    return (await controleerXml(Buffer.from(l.xml()), l.bestandsnaam, controleContext(ctx))).levering!;
  }
  const bekend = (telling: OpgeslagenTelling | null, volledig = true): VorigeTellingen => ({
    "0153": { leveringen: [{ jaar: 2025, kwartaal: 4, telling }], volledig },
  });

  it("compares with the previous quarter's stored counts", async () => {
    const vorige = await geparst(vorig);
    const server = await opServer(nu.bestandsnaam, Buffer.from(nu.xml()), [vorige]);
    expect(server[0]!.map((s) => s.rule)).toContain("F01");
    const uit = await controleerInBrowser(nu.bestandsnaam, blobBron(new Blob([nu.xml()])), {
      ...ctx,
      vorige: bekend(tellingOpslaan(bestandTelling(vorige))),
    });
    expect(uit[0]!.bestand).toEqual({ signalen: server[0], vergelijking: "vergeleken", vorigKwartaal: "2025 K4" });
  });

  it("compares with an earlier quarter in the same zip, which wins over the portal's", async () => {
    const vorige = await geparst(vorig);
    const zip = maakZip([
      { naam: vorig.bestandsnaam, data: Buffer.from(vorig.xml()) },
      { naam: nu.bestandsnaam, data: Buffer.from(nu.xml()) },
    ]);
    const server = await opServer("a.zip", zip, [vorige]);
    const uit = await controleerInBrowser("a.zip", blobBron(new Blob([new Uint8Array(zip)])), {
      ...ctx,
      vorige: bekend(null),
    });
    expect(uit.map((u) => u.bestand?.signalen)).toEqual(server);
    expect(uit.map((u) => u.bestand?.vergelijking)).toEqual(["geen-vorige", "vergeleken"]);
  });

  it("leaves F01 and F03 to the server when the previous counts are not known", async () => {
    const zonder = await controleerInBrowser(nu.bestandsnaam, blobBron(new Blob([nu.xml()])), {
      ...ctx,
      vorige: bekend(null),
    });
    const server = await opServer(nu.bestandsnaam, Buffer.from(nu.xml()), []);
    expect(zonder[0]!.bestand).toEqual({ signalen: server[0], vergelijking: "na-upload", vorigKwartaal: null });
    // A later quarter in the list does not tell which earlier one the server will take.
    const ouder = await controleerInBrowser(vorig.bestandsnaam, blobBron(new Blob([vorig.xml()])), {
      ...ctx,
      vorige: bekend(tellingOpslaan(bestandTelling(await geparst(nu))), false),
    });
    expect(ouder[0]!.bestand?.vergelijking).toBe("na-upload");
    const niets = await controleerInBrowser(nu.bestandsnaam, blobBron(new Blob([nu.xml()])), ctx);
    expect(niets[0]!.bestand?.vergelijking).toBe("na-upload");
  });

  it("says there is nothing to compare with when the gemeente has no earlier delivery", async () => {
    const uit = await controleerInBrowser(nu.bestandsnaam, blobBron(new Blob([nu.xml()])), {
      ...ctx,
      vorige: { "0153": { leveringen: [], volledig: true } },
    });
    expect(uit[0]!.bestand?.vergelijking).toBe("geen-vorige");
    expect(uit[0]!.bestand?.signalen).toEqual((await opServer(nu.bestandsnaam, Buffer.from(nu.xml()), []))[0]);
  });
});
