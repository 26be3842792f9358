/**
 * The CLI contract (bin/swi.ts), tested on the real process: node + tsx on the source; one test goes
 * through `npm run swi`, which runs an esbuild bundle of the same file (scripts/swi.mjs).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import yazl from "yazl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGELS } from "../lib/swi/regels";
import { XSD_PATH } from "../lib/swi/schema";
import { genereerLevering, type GegenereerdeLevering } from "../lib/swi/testhulp/generator";
import { vervuil, type VervuilingSoort } from "../lib/swi/testhulp/vervuiling";
import { schrijfLeveringXml } from "../lib/swi/testhulp/xml-schrijver";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "bin", "swi.ts");
const tmp = mkdtempSync(join(tmpdir(), "swi-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Uitvoer {
  code: number;
  stdout: string;
  stderr: string;
}

async function swi(...args: string[]): Promise<Uitvoer> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const f = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof f.code !== "number") throw e;
    return { code: f.code, stdout: f.stdout ?? "", stderr: f.stderr ?? "" };
  }
}

interface JsonFout {
  line: number | null;
  kenmerk: number | null;
  rule: string;
  message: string;
}
interface JsonSignaal {
  bsn: string;
  kenmerken: number[];
  rule: string;
  severity: string;
  message: string;
}
interface JsonLevering {
  file: string;
  accepted: boolean;
  errors: JsonFout[];
  signals: JsonSignaal[];
  fileSignals: Array<{ rule: string; message: string }>;
  spiegelrapport:
    ({ personen: number; vorigKwartaal: { jaar: number; kwartaal: number } | null } & Record<string, unknown>) | null;
}

/** Exactly one JSON object on stdout, nothing else. */
function json(u: Uitvoer): { deliveries: JsonLevering[] } {
  expect(u.stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(u.stdout) as { deliveries: JsonLevering[] };
}

function regels(d: JsonLevering): string[] {
  return [
    ...new Set([...d.errors.map((e) => e.rule), ...d.signals.map((s) => s.rule), ...d.fileSignals.map((f) => f.rule)]),
  ];
}

// Three consecutive quarters of one gemeente: 2025 K4, 2026 K1, 2026 K2 (the one checked).
const basis = { berichtgevercode: "0153", gemeentecode: "0153", seed: "cli" };
let k4: GegenereerdeLevering;
let k1: GegenereerdeLevering;
let k2: GegenereerdeLevering;
const pad: Record<string, string> = {};
const ONTVANGEN = "2026-07-10";

async function schrijf(
  naam: string,
  map: string,
  l: { bestandsnaam: string; schrijfXml(p: string): Promise<number> },
): Promise<string> {
  mkdirSync(join(tmp, map), { recursive: true });
  const p = join(tmp, map, l.bestandsnaam);
  await l.schrijfXml(p);
  pad[naam] = p;
  return p;
}

function zip(naam: string, leden: Array<[string, string]>): Promise<string> {
  const z = new yazl.ZipFile();
  for (const [lid, bron] of leden) z.addFile(bron, lid);
  z.end();
  const p = join(tmp, naam);
  return new Promise((ok, fout) => {
    const bufs: Buffer[] = [];
    z.outputStream.on("data", (b: Buffer) => bufs.push(b));
    z.outputStream.on("end", () => {
      writeFileSync(p, Buffer.concat(bufs));
      ok(p);
    });
    z.outputStream.on("error", fout);
  });
}

beforeAll(async () => {
  k4 = genereerLevering({ ...basis, statistiekjaar: 2025, kwartaal: 4, aantalPersonen: 200 });
  k1 = genereerLevering({ ...basis, statistiekjaar: 2026, kwartaal: 1, aantalPersonen: 204, vorige: k4.toestand });
  k2 = genereerLevering({ ...basis, statistiekjaar: 2026, kwartaal: 2, aantalPersonen: 208, vorige: k1.toestand });
  await schrijf("k4", "k4", k4);
  await schrijf("k1", "k1", k1);
  await schrijf("k2", "k2", k2);
  const soorten: VervuilingSoort[] = ["T03-leeg-element", "P09-ontzorgen", "P01-toekomst", "Q02-geslacht"];
  for (const soort of soorten) await schrijf(soort, soort, vervuil(k2, soort, { vorige: k1 }));

  // A person who was in 2026 K1 without an end, with a BSN that starts with 0, is left out.
  const inK1 = new Map(k1.personen.map((p) => [p.bsn, p]));
  const weg = k2.personen.find(
    (p) => p.bsn.startsWith("0") && inK1.has(p.bsn) && inK1.get(p.bsn)!.eindeBegeleidingReden === undefined,
  );
  if (!weg) throw new Error("testdata: geen doorlopende persoon met een BSN dat met 0 begint");
  mkdirSync(join(tmp, "q01"), { recursive: true });
  pad.q01 = join(tmp, "q01", k2.bestandsnaam);
  pad.q01bsn = weg.bsn;
  await schrijfLeveringXml(
    pad.q01,
    k2.kop,
    k2.personen.filter((p) => p !== weg),
  );

  // A gesprek of 2025 K4 delivered again in 2026 K2.
  const inK4 = new Map(k4.personen.map((p) => [p.bsn, p]));
  const herhaal = structuredClone(k2.personen);
  const metGesprek = herhaal.find(
    (p) => (inK4.get(p.bsn)?.voortgangsgesprekken.length ?? 0) > 0 && p.voortgangsgesprekken.length < 5,
  );
  if (!metGesprek) throw new Error("testdata: geen gesprek in 2025 K4");
  metGesprek.voortgangsgesprekken.unshift({ line: 0, datum: inK4.get(metGesprek.bsn)!.voortgangsgesprekken[0]!.datum });
  mkdirSync(join(tmp, "q04"), { recursive: true });
  pad.q04 = join(tmp, "q04", k2.bestandsnaam);
  pad.q04bsn = metGesprek.bsn;
  await schrijfLeveringXml(pad.q04, k2.kop, herhaal);

  // Another gemeente for zips, and files that cannot be read.
  const ander = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0158",
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: 50,
    seed: "ander",
  });
  await schrijf("ander", "ander", ander);
  pad.zip = await zip("levering.zip", [
    [k2.bestandsnaam, pad.k2!],
    [ander.bestandsnaam, pad.ander!],
  ]);
  pad.zipDeelsFout = await zip("deels.ZIP", [
    [k2.bestandsnaam, pad["T03-leeg-element"]!],
    [ander.bestandsnaam, pad.ander!],
  ]);
  pad.zipVorige = await zip("vorige.zip", [[k1.bestandsnaam, pad.k1!]]);
  pad.slechteNaam = join(tmp, "levering.XML");
  writeFileSync(pad.slechteNaam, readFileSync(pad.k2!));
  mkdirSync(join(tmp, "kapot"), { recursive: true });
  pad.geenXml = join(tmp, "kapot", k2.bestandsnaam);
  writeFileSync(pad.geenXml, "dit is geen XML\n");
  mkdirSync(join(tmp, "leeg"), { recursive: true });
  pad.leeg = join(tmp, "leeg", k2.bestandsnaam);
  writeFileSync(pad.leeg, "");
  pad.slechteZip = join(tmp, "kapot.zip");
  writeFileSync(pad.slechteZip, "PK\u0003\u0004 geen zip");
  const onbekendeGemeente = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "9999",
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: 5,
    seed: "x",
  });
  await schrijf("onbekendeGemeente", "onbekend", onbekendeGemeente);
});

describe("swi validate --json", () => {
  it.concurrent("prints one JSON object with the agreed shape for an accepted delivery (exit 0)", async () => {
    const u = await swi("validate", pad.k2!, "--previous", pad.k1!, "--received", ONTVANGEN, "--json");
    expect(u.stderr).toBe("");
    expect(u.code).toBe(0);
    const { deliveries } = json(u);
    expect(deliveries).toHaveLength(1);
    const d = deliveries[0]!;
    expect(d.file).toBe("SWI_0153_0153_20262.XML");
    expect(d.accepted).toBe(true);
    expect(d.errors).toEqual([]);
    expect(d.signals).toEqual([]);
    expect(d.fileSignals).toEqual([]);
    expect(typeof d.spiegelrapport?.personen).toBe("number");
    expect(d.spiegelrapport?.personen).toBe(k2.personen.length);
    expect(d.spiegelrapport?.vorigKwartaal).toEqual({ jaar: 2026, kwartaal: 1 });
  });

  it.concurrent("reports person signals with BSN, kenmerken, bare rule code, severity and message", async () => {
    const u = await swi("validate", pad["P09-ontzorgen"]!, "--previous", pad.k1!, "--received", ONTVANGEN, "--json");
    expect(u.code).toBe(0); // signals never reject
    const d = json(u).deliveries[0]!;
    expect(d.accepted).toBe(true);
    expect(d.signals).toHaveLength(1);
    const s = d.signals[0]!;
    expect(s).toMatchObject({ rule: "P09", severity: "fout", kenmerken: [13, 14] });
    expect(s.bsn).toMatch(/^\d{9}$/);
    expect(typeof s.message).toBe("string");
    expect(s.message.length).toBeGreaterThan(0);
    expect(d.spiegelrapport).not.toBeNull();
  });

  it.concurrent(
    "reports technical errors with line, kenmerk, rule and message; rejected means exit 1 and no spiegelrapport",
    async () => {
      const u = await swi("validate", pad["T03-leeg-element"]!, "--received", ONTVANGEN, "--json");
      expect(u.code).toBe(1);
      const d = json(u).deliveries[0]!;
      expect(d.accepted).toBe(false);
      expect(d.spiegelrapport).toBeNull();
      expect(d.signals).toEqual([]);
      const t03 = vervuil(k2, "T03-leeg-element");
      expect(d.errors).toEqual([{ line: t03.line, kenmerk: 10, rule: "T03", message: expect.any(String) }]);
    },
  );

  it.concurrent(
    "gives a signal about a person missing now the BSN of the previous file, leading zero included",
    async () => {
      const u = await swi("validate", pad.q01!, "--previous", pad.k1!, "--received", ONTVANGEN, "--json");
      const d = json(u).deliveries[0]!;
      expect(d.signals.map((s) => [s.rule, s.bsn])).toEqual([["Q01", pad.q01bsn]]);
      expect(d.signals[0]!.bsn).toMatch(/^0\d{8}$/);
    },
  );

  it.concurrent.each([
    ["a name outside the pattern", "slechteNaam", "T01"],
    ["not XML", "geenXml", "T02"],
    ["an empty file", "leeg", "T02"],
    ["a broken zip", "slechteZip", "T01"],
  ])("lists %s as one rejected delivery", async (_, welk, regel) => {
    const u = await swi("validate", pad[welk]!, "--received", ONTVANGEN, "--json");
    expect(u.code).toBe(1);
    const { deliveries } = json(u);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ accepted: false, spiegelrapport: null, signals: [], fileSignals: [] });
    expect(deliveries[0]!.errors.map((e) => e.rule)).toContain(regel);
  });

  it.concurrent("gives one delivery per zip member", async () => {
    const goed = await swi("validate", pad.zip!, "--received", ONTVANGEN, "--json");
    expect(goed.code).toBe(0);
    expect(json(goed).deliveries.map((d) => [d.file, d.accepted])).toEqual([
      ["SWI_0153_0153_20262.XML", true],
      ["SWI_0153_0158_20262.XML", true],
    ]);
    const deels = await swi("validate", pad.zipDeelsFout!, "--received", ONTVANGEN, "--json");
    expect(deels.code).toBe(1);
    expect(json(deels).deliveries.map((d) => d.accepted)).toEqual([false, true]);
  });
});

describe("swi validate --previous", () => {
  it.concurrent("enables the rules against the previous quarter", async () => {
    const zonder = json(await swi("validate", pad["Q02-geslacht"]!, "--received", ONTVANGEN, "--json")).deliveries[0]!;
    expect(zonder.signals).toEqual([]);
    expect(zonder.spiegelrapport?.vorigKwartaal).toBeNull();
    const met = json(
      await swi("validate", pad["Q02-geslacht"]!, "--previous", pad.k1!, "--received", ONTVANGEN, "--json"),
    ).deliveries[0]!;
    expect(met.signals.map((s) => s.rule)).toEqual(["Q02"]);
  });

  it.concurrent("accepts a zip as previous delivery", async () => {
    const met = json(
      await swi("validate", pad["Q02-geslacht"]!, "--previous", pad.zipVorige!, "--received", ONTVANGEN, "--json"),
    ).deliveries[0]!;
    expect(met.signals.map((s) => s.rule)).toEqual(["Q02"]);
  });

  it.concurrent(
    "uses every --previous for rules over all earlier deliveries, and the latest as previous quarter",
    async () => {
      // The gesprek of 2025 K4 repeated in 2026 K2: with only 2026 K1 it looks nagekomen (P20 info);
      // with 2025 K4 too it is a repeat (Q04). The order on the command line does not matter.
      const alleenK1 = json(await swi("validate", pad.q04!, "--previous", pad.k1!, "--received", ONTVANGEN, "--json"))
        .deliveries[0]!;
      expect(alleenK1.signals.map((s) => [s.rule, s.bsn])).toEqual([["P20", pad.q04bsn]]);
      const beide = json(
        await swi(
          "validate",
          pad.q04!,
          "--previous",
          pad.k1!,
          "--previous",
          pad.k4!,
          "--received",
          ONTVANGEN,
          "--json",
        ),
      ).deliveries[0]!;
      expect(beide.signals.map((s) => [s.rule, s.bsn])).toEqual([["Q04", pad.q04bsn]]);
      expect(beide.spiegelrapport?.vorigKwartaal).toEqual({ jaar: 2026, kwartaal: 1 });
      const omgekeerd = json(
        await swi(
          "validate",
          pad.q04!,
          "--previous",
          pad.k4!,
          "--previous",
          pad.k1!,
          "--received",
          ONTVANGEN,
          "--json",
        ),
      ).deliveries[0]!;
      expect(omgekeerd).toEqual(beide);
    },
  );
});

describe("swi validate --received", () => {
  it.concurrent("rejects a quarter that has not ended on the day received (T07)", async () => {
    const u = await swi("validate", pad.k2!, "--received", "2026-06-30", "--json");
    expect(u.code).toBe(1);
    expect(regels(json(u).deliveries[0]!)).toEqual(["T07"]);
    expect((await swi("validate", pad.k2!, "--received", "2026-07-01", "--json")).code).toBe(0);
  });

  it.concurrent("decides what is in the future (P01) and what is late (F04)", async () => {
    // The P01 variant has a PVT date 30 days after the generator's receipt date (2026-07-10).
    const op = json(await swi("validate", pad["P01-toekomst"]!, "--received", ONTVANGEN, "--json")).deliveries[0]!;
    expect(regels(op)).toEqual(["P01"]);
    // Received after that date, it is only after the quarter (P02), and the file is late (F04).
    const later = json(await swi("validate", pad["P01-toekomst"]!, "--received", "2026-08-10", "--json"))
      .deliveries[0]!;
    expect(regels(later)).toEqual(["P02", "F04"]);
    const teLaat = json(await swi("validate", pad.k2!, "--received", "2026-08-31", "--json")).deliveries[0]!;
    expect(regels(teLaat)).toEqual(["F04"]);
  });
});

describe("swi validate --berichtgever", () => {
  it.concurrent("checks the header against the berichtgever (T06)", async () => {
    expect((await swi("validate", pad.k2!, "--berichtgever", "0153", "--received", ONTVANGEN, "--json")).code).toBe(0);
    const ander = await swi("validate", pad.k2!, "--berichtgever", "0363", "--received", ONTVANGEN, "--json");
    expect(ander.code).toBe(1);
    expect(regels(json(ander).deliveries[0]!)).toEqual(["T06"]);
  });

  it.concurrent("without it, checks the gemeente against the CBS codelijst", async () => {
    const u = await swi("validate", pad.onbekendeGemeente!, "--received", ONTVANGEN, "--json");
    expect(u.code).toBe(1);
    expect(regels(json(u).deliveries[0]!)).toEqual(["T06"]);
  });
});

describe("usage errors", () => {
  it.concurrent.each([
    ["no command", []],
    ["an unknown command", ["controleer"]],
    ["a missing FILE", ["validate"]],
    ["two FILEs", ["validate", "a.XML", "b.XML"]],
    ["an unknown option", ["validate", "FILE", "--verbose"]],
    ["a file that does not exist", ["validate", "/bestaat/niet/SWI_0153_0153_20262.XML"]],
    ["a --previous that does not exist", ["validate", "FILE", "--previous", "/bestaat/niet.XML"]],
    ["--previous without a value", ["validate", "FILE", "--previous"]],
    ["a bad --received", ["validate", "FILE", "--received", "10-07-2026"]],
    ["a non-existent --received date", ["validate", "FILE", "--received", "2026-02-29"]],
    ["a bad --berichtgever", ["validate", "FILE", "--berichtgever", "15a3"]],
    ["a --berichtgever of 3 digits", ["validate", "FILE", "--berichtgever", "153"]],
    ["arguments to xsd", ["xsd", "extra"]],
    ["an option to xsd", ["xsd", "--json"]],
  ])("%s: exit 2, one Dutch line on stderr, nothing on stdout", async (_, args) => {
    const u = await swi(...args.map((a) => (a === "FILE" ? pad.k2! : a)));
    expect(u.code).toBe(2);
    expect(u.stdout).toBe("");
    expect(u.stderr.endsWith("\n")).toBe(true);
    expect(u.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(u.stderr).toMatch(/[a-z]/);
  });

  it.concurrent("refuses a --previous that is itself rejected", async () => {
    const u = await swi("validate", pad.k2!, "--previous", pad["T03-leeg-element"]!, "--received", ONTVANGEN);
    expect(u.code).toBe(2);
    expect(u.stdout).toBe("");
    expect(u.stderr).toMatch(/^--previous SWI_0153_0153_20262\.XML is technisch afgekeurd/);
  });
});

describe("swi validate (text report)", () => {
  it.concurrent("reports an accepted delivery in Dutch, with its signals and spiegelrapport", async () => {
    const u = await swi("validate", pad["P09-ontzorgen"]!, "--previous", pad.k1!, "--received", ONTVANGEN);
    expect(u.code).toBe(0);
    const bsn = vervuil(k2, "P09-ontzorgen").bsn!;
    expect(u.stdout).toContain("SWI-controle, ontvangstdatum 10-07-2026");
    expect(u.stdout).toContain("Levering SWI_0153_0153_20262.XML");
    expect(u.stdout).toContain("Technische controle: goedgekeurd");
    expect(u.stdout).toContain("Vergeleken met: SWI_0153_0153_20261.XML (2026 K1)");
    expect(u.stdout).toContain("Signalen over personen: 1 (fout 1, waarschuwing 0, info 0)");
    expect(u.stdout).toContain(`BSN ${bsn}  P09 fout  kenmerk 13, 14`);
    expect(u.stdout).toContain("Wat te doen:");
    expect(u.stdout).toContain("Spiegelrapport (vergeleken met 2026 K1)");
    expect(u.stdout).toMatch(
      new RegExp(
        `Personen in de levering\\s+${k2.personen.length}\\s+${k1.personen.length}\\s+\\+${k2.personen.length - k1.personen.length}`,
      ),
    );
    expect(u.stdout.trimEnd().endsWith("Resultaat: 1 levering goedgekeurd, 0 afgekeurd.")).toBe(true);
  });

  it.concurrent("reports a rejected delivery with its errors", async () => {
    const u = await swi("validate", pad["T03-leeg-element"]!, "--received", ONTVANGEN);
    expect(u.code).toBe(1);
    expect(u.stdout).toContain("Technische controle: AFGEKEURD (1 fout)");
    expect(u.stdout).toMatch(/T03 \(kenmerk 10\): Regel \d+: Geslacht/);
    expect(u.stdout).not.toContain("Spiegelrapport");
    expect(u.stdout).toContain("Resultaat: 0 leveringen goedgekeurd, 1 afgekeurd.");
  });
});

describe("swi xsd and swi rules", () => {
  it.concurrent("xsd prints the published XSD", async () => {
    const u = await swi("xsd");
    expect(u.code).toBe(0);
    expect(u.stdout).toBe(readFileSync(XSD_PATH, "utf8"));
    expect(u.stdout).toContain("<xs:schema");
  });

  it.concurrent("rules prints every rule of the catalogue, in order", async () => {
    const u = await swi("rules");
    expect(u.code).toBe(0);
    const codes = [...u.stdout.matchAll(/^([TPQF]\d\d) /gm)].map((m) => m[1]);
    expect(codes).toEqual(REGELS.map((r) => r.code));
    expect(u.stdout).toContain(REGELS.find((r) => r.code === "P09")!.omschrijving);
    const j = JSON.parse((await swi("rules", "--json")).stdout) as { rules: Array<{ code: string }> };
    expect(j.rules.map((r) => r.code)).toEqual(REGELS.map((r) => r.code));
  });

  it("npm run --silent swi prints only the command's own output", async () => {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", "swi", "--", "rules", "--json"], {
      cwd: ROOT,
    });
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toHaveProperty("rules");
  });
});
