/**
 * Benchmark of the SWI engine against xmllint (`npm run bench:engine`).
 *
 * Generates its own deliveries under bench/out/ (a national-size file of ~200,000 persons and a
 * large gemeente of 15,000, each with its previous quarter), then measures, each in its own
 * process and best of three (SWI_BENCH_KEER to change): `xmllint --stream --noout --schema`
 * (schema validation only, the floor), and the whole check as a user runs it
 * (`npm run --silent swi -- validate FILE --json`: technische + statistische controle +
 * spiegelrapport, start-up included), once alone and once with `--previous` (then compared
 * with xmllint on both files: the same amount of XML). Prints wall time, the ratio to xmllint
 * (goal ≤ 1.5×), peak RSS (goal ≤ 256 MB), the fixed start-up cost apart (npm, node, loading
 * the bundle; measured on a one-person file), the gemeente file without start-up (goal ≤ 0.3 s),
 * and where the time goes (the phases timed in this process). Writes bench/out/engine.json.
 * Not a test: nothing here fails the build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { genereerLevering, genereerLeveringPaar } from "../lib/swi/testhulp/generator";
import type { EerdereLevering } from "../lib/swi/eerdere-levering";
import type { GeparsteLevering } from "../lib/swi/types";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench", "out");
const XSD = join(ROOT, "lib", "swi", "schema", "swi-2026.xsd");
const DOEL_RATIO = 1.5;
const DOEL_RSS_MB = 256;
const DOEL_GEMEENTE_MS = 300;
const KEER = Math.max(1, Number(process.env.SWI_BENCH_KEER ?? 3));
/** Bump when the generator changes, so cached files are regenerated. */
const GENERATOR_VERSIE = 1;

interface Geval {
  naam: string;
  omschrijving: string;
  personen: number;
  berichtgevercode: string;
  gemeentecode: string;
}

const GEVALLEN: Geval[] = [
  {
    naam: "landelijk",
    omschrijving: "landelijk (~200.000 personen)",
    personen: 200_000,
    berichtgevercode: "0363",
    gemeentecode: "0363",
  },
  {
    naam: "grote-gemeente",
    omschrijving: "grote gemeente (15.000 personen)",
    personen: 15_000,
    berichtgevercode: "0599",
    gemeentecode: "0599",
  },
];

interface Meting {
  ms: number;
  /** User + system CPU time of the command (GNU time), null without it. */
  cpuMs: number | null;
  maxRssMb: number | null;
  exitCode: number | null;
}

const heeftTime = existsSync("/usr/bin/time");

/** Runs a command, measuring wall time and (through GNU time) peak RSS. */
function meet(cmd: string, args: string[], stdoutNaar?: string): Meting & { stdout: string; stderr: string } {
  const volledig = heeftTime ? (["/usr/bin/time", ["-v", cmd, ...args]] as const) : ([cmd, args] as const);
  const begin = performance.now();
  const r = spawnSync(volledig[0], [...volledig[1]], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - begin;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  if (stdoutNaar) writeFileSync(stdoutNaar, r.stdout ?? "");
  return {
    ms: Math.round(ms),
    cpuMs: user && sys ? Math.round((Number(user[1]) + Number(sys[1])) * 1000) : null,
    maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
    exitCode: r.status,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}

async function zorgVoorBestanden(
  geval: Geval,
): Promise<{ vorige: string; huidige: string; ontvangen: string; bytes: number; personen: number }> {
  const meta = join(OUT, `${geval.naam}.meta.json`);
  const sleutel = JSON.stringify({ GENERATOR_VERSIE, ...geval });
  if (existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, "utf8")) as {
      sleutel: string;
      vorige: string;
      huidige: string;
      ontvangen: string;
      personen: number;
    };
    if (m.sleutel === sleutel && existsSync(m.vorige) && existsSync(m.huidige)) {
      return { ...m, bytes: statSync(m.huidige).size };
    }
  }
  process.stdout.write(`Genereren: ${geval.omschrijving} … `);
  const begin = performance.now();
  const dir = join(OUT, geval.naam);
  mkdirSync(dir, { recursive: true });
  const { vorige, huidige } = genereerLeveringPaar({
    berichtgevercode: geval.berichtgevercode,
    gemeentecode: geval.gemeentecode,
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: Math.round(geval.personen / 1.02),
    seed: `bench-${geval.naam}`,
  });
  const vorigePad = join(dir, vorige.bestandsnaam);
  const huidigePad = join(dir, huidige.bestandsnaam);
  await vorige.schrijfXml(vorigePad);
  const bytes = await huidige.schrijfXml(huidigePad);
  const o = huidige.ontvangstdatum;
  const ontvangen = `${String(o).slice(0, 4)}-${String(o).slice(4, 6)}-${String(o).slice(6, 8)}`;
  writeFileSync(
    meta,
    JSON.stringify({ sleutel, vorige: vorigePad, huidige: huidigePad, ontvangen, personen: huidige.personen.length }),
  );
  console.log(`${((performance.now() - begin) / 1000).toFixed(1)} s`);
  return { vorige: vorigePad, huidige: huidigePad, ontvangen, bytes, personen: huidige.personen.length };
}

function samenvattingCli(
  pad: string,
): { accepted: boolean; signals: number; fileSignals: number; errorCount: number } | null {
  try {
    const uit = JSON.parse(readFileSync(pad, "utf8")) as {
      deliveries: Array<{
        accepted: boolean;
        signals: unknown[];
        fileSignals: unknown[];
        errorCount?: number;
        errors: unknown[];
      }>;
    };
    const d = uit.deliveries[0];
    if (!d) return null;
    return {
      accepted: d.accepted,
      signals: d.signals.length,
      fileSignals: d.fileSignals.length,
      errorCount: d.errorCount ?? d.errors.length,
    };
  } catch {
    return null;
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rss = (m: Meting): string =>
  (m.maxRssMb === null ? "onbekend" : `${m.maxRssMb} MB`) + (m.cpuMs === null ? "" : `, CPU ${sec(m.cpuMs)}`);

/** Best of KEER runs (least wall time; its peak RSS with it). */
function besteVan(cmd: string, args: string[], stdoutNaar?: string): Meting & { stdout: string; stderr: string } {
  let beste: ReturnType<typeof meet> | null = null;
  for (let i = 0; i < KEER; i++) {
    const m = meet(cmd, args, stdoutNaar);
    if (beste === null || m.ms < beste.ms) beste = m;
  }
  return beste!;
}

/** The command as a user runs it. */
function swi(args: string[]): [string, string[]] {
  return ["npm", ["run", "--silent", "swi", "--", ...args]];
}

/** Where the time of the whole check goes, phase by phase in this process (after a warm-up pass). */
async function profiel(
  pad: string,
  ontvangen: string,
  vorige: string | null,
): Promise<Record<string, [number, number]>> {
  const { leesAanlevering } = await import("../lib/swi/intake");
  const { controleerAanlevering, eerdereVan } = await import("../lib/swi/controle");
  const { statistischeControle, vorigeLevering } = await import("../lib/swi/statistisch");
  const { maakSpiegelrapport } = await import("../lib/swi/spiegelrapport");
  const { vatSamen } = await import("../lib/swi/eerdere-levering");
  const { codelijstVoorJaar } = await import("../lib/swi/gemeenten");
  const received = Number(ontvangen.replaceAll("-", ""));
  const ctx = { received, codelijst: codelijstVoorJaar };
  const lees = async (p: string): Promise<GeparsteLevering | null> => {
    let levering: GeparsteLevering | null = null;
    for await (const u of leesAanlevering({ naam: p.split("/").pop()!, pad: p }, ctx)) levering = u.levering ?? null;
    return levering;
  };
  // The first, cold pass is what one run of the CLI does after start-up (compiling the hot code
  // included); the phases below are timed warm. Each phase as [wall ms, CPU ms of this process]:
  // on a shared machine the wall time says more about the neighbours than about the engine.
  const cpu = (): number => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const fasen: Record<string, [number, number]> = {};
  let t = performance.now();
  let c = cpu();
  const meet = (fase: string): void => {
    fasen[fase] = [Math.round(performance.now() - t), Math.round(cpu() - c)];
    t = performance.now();
    c = cpu();
  };
  await controleerAanlevering({ naam: pad.split("/").pop()!, pad }, ctx, () => []);
  meet("hele controle zonder opstarten (koud, eerste keer)");
  const eerdere: EerdereLevering[] = [];
  if (vorige !== null) {
    const l = await lees(vorige);
    if (l) eerdere.push(vatSamen(l));
    meet("vorig kwartaal inlezen en samenvatten (--previous)");
  }
  const huidig = await lees(pad);
  meet("technische controle (lezen, scannen, personen maken)");
  if (huidig === null) return fasen;
  const e = eerdereVan(huidig.kop, eerdere);
  const statistisch = statistischeControle(huidig, e, { received });
  meet("statistische controle");
  maakSpiegelrapport(huidig, vorigeLevering(huidig, e), statistisch);
  meet("spiegelrapport");
  return fasen;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  const heeftXmllint = xmllint.status === 0 || /libxml/.test(xmllint.stderr ?? "");
  if (!heeftXmllint)
    console.log("xmllint ontbreekt: installeer libxml2-utils (apt-get install libxml2-utils) voor de vergelijking.");
  if (!heeftTime) console.log("/usr/bin/time ontbreekt (apt-get install time): piekgeheugen wordt niet gemeten.");
  console.log(`Beste van ${KEER} metingen per regel.`);

  // Fixed cost of every run (npm, node, loading the engine): validate a one-person file.
  const klein = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: 1,
    seed: "bench-opstart",
  });
  const kleinPad = join(OUT, klein.bestandsnaam);
  await klein.schrijfXml(kleinPad);
  const kleinArgs = ["validate", kleinPad, "--received", "2026-07-10", "--json"];
  meet(...swi(kleinArgs)); // builds the bundle if it is stale, outside the measurement
  const opstart = besteVan(...swi(kleinArgs));
  const opstartNode = besteVan(process.execPath, [join(ROOT, "scripts", "swi.mjs"), ...kleinArgs]);
  console.log(
    `Opstarttijd swi validate (1 persoon): ${sec(opstart.ms)} via npm (waarvan npm zelf ${sec(Math.max(0, opstart.ms - opstartNode.ms))}), piek ${rss(opstart)}`,
  );

  const resultaten = [];
  for (const geval of GEVALLEN) {
    const b = await zorgVoorBestanden(geval);
    console.log(
      `\n${geval.omschrijving}: ${b.personen} personen, ${mb(b.bytes)} (${Math.round(b.bytes / b.personen)} bytes per persoon)`,
    );

    const lint = heeftXmllint ? besteVan("xmllint", ["--stream", "--noout", "--schema", XSD, b.huidige]) : null;
    const lintVorige = heeftXmllint ? besteVan("xmllint", ["--stream", "--noout", "--schema", XSD, b.vorige]) : null;
    if (lint && lintVorige) {
      console.log(
        `  xmllint --stream --schema      ${sec(lint.ms).padStart(9)}   piek ${rss(lint)}   (exit ${lint.exitCode})`,
      );
      console.log(`  xmllint, ook vorig kwartaal    ${sec(lint.ms + lintVorige.ms).padStart(9)}   (twee bestanden)`);
    }

    const cliArgs = ["validate", b.huidige, "--received", b.ontvangen, "--json"];
    const alleenUit = join(OUT, `${geval.naam}.controle.json`);
    const alleen = besteVan(...swi(cliArgs), alleenUit);
    const metVorigeUit = join(OUT, `${geval.naam}.controle-met-vorige.json`);
    const metVorige = besteVan(...swi([...cliArgs, "--previous", b.vorige]), metVorigeUit);

    const rond = (x: number): number => Math.round(x * 100) / 100;
    // The same amount of XML on both sides: with --previous, xmllint on both files.
    const basisMs = (m: Meting): number | null =>
      lint && lintVorige ? (m === metVorige ? lint.ms + lintVorige.ms : lint.ms) : null;
    const ratio = (m: Meting): number | null => {
      const b = basisMs(m);
      return b === null ? null : rond(m.ms / b);
    };
    const zonderOpstart = (m: Meting): number => Math.max(0, m.ms - opstart.ms);
    const ratioZonderOpstart = (m: Meting): number | null => {
      const b = basisMs(m);
      return b === null ? null : rond(zonderOpstart(m) / b);
    };
    for (const [label, m, uit] of [
      ["swi validate (alleen)", alleen, alleenUit],
      ["swi validate --previous", metVorige, metVorigeUit],
    ] as const) {
      const s = samenvattingCli(uit);
      const r = ratio(m);
      const oordeel = [
        r === null
          ? ""
          : `${r}× xmllint (doel ≤ ${DOEL_RATIO}×${r <= DOEL_RATIO ? ", gehaald" : ", NIET gehaald"}; zonder opstarttijd ${ratioZonderOpstart(m)}×, ${sec(zonderOpstart(m))})`,
        m.maxRssMb === null
          ? ""
          : m.maxRssMb <= DOEL_RSS_MB
            ? "geheugen gehaald"
            : `geheugen NIET gehaald (doel ≤ ${DOEL_RSS_MB} MB)`,
      ]
        .filter(Boolean)
        .join("; ");
      console.log(`  ${label.padEnd(30)} ${sec(m.ms).padStart(9)}   piek ${rss(m)}   ${oordeel}`);
      if (s)
        console.log(
          `    ${s.accepted ? "goedgekeurd" : "afgekeurd"}, ${s.signals} signalen, ${s.fileSignals} bestandssignalen, ${s.errorCount} fouten`,
        );
      else
        console.log(
          `    uitvoer onleesbaar (exit ${m.exitCode}): ${(m.stderr.split("\n").find((l) => l.trim()) ?? "").slice(0, 200)}`,
        );
    }
    // In a process of its own, so the gemeente's cold pass is not warmed by the national one.
    const tijdenMetVorige = JSON.parse(
      spawnSync(process.execPath, ["--import", "tsx", __filename, "--profiel", b.huidige, b.ontvangen, b.vorige], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      }).stdout,
    ) as Record<string, [number, number]>;
    if (geval.naam === "grote-gemeente") {
      // In this process: subtracting the start-up run from the whole run drowns in noise here.
      const [ms, cpuMs] = tijdenMetVorige["hele controle zonder opstarten (koud, eerste keer)"]!;
      console.log(
        `  gemeentebestand zonder opstarttijd: ${sec(ms)}, CPU ${sec(cpuMs)} (doel ≤ ${sec(DOEL_GEMEENTE_MS)}${ms <= DOEL_GEMEENTE_MS ? ", gehaald" : ", NIET gehaald"})`,
      );
    }
    console.log("  waar de tijd heen gaat (in dit proces, ms wandklok / ms CPU; de fasen warm gemeten):");
    for (const [fase, [ms, cpuMs]] of Object.entries(tijdenMetVorige))
      console.log(`    ${fase.padEnd(54)} ${String(ms).padStart(6)} ${String(cpuMs).padStart(6)}`);

    const meting = (m: Meting, uit: string) => ({
      ms: m.ms,
      cpuMs: m.cpuMs,
      maxRssMb: m.maxRssMb,
      exitCode: m.exitCode,
      ratio: ratio(m),
      ratioZonderOpstart: ratioZonderOpstart(m),
      uitkomst: samenvattingCli(uit),
    });
    resultaten.push({
      geval: geval.naam,
      omschrijving: geval.omschrijving,
      personen: b.personen,
      bytes: b.bytes,
      xmllint: lint && { ms: lint.ms, maxRssMb: lint.maxRssMb, exitCode: lint.exitCode },
      xmllintVorige: lintVorige && { ms: lintVorige.ms, maxRssMb: lintVorige.maxRssMb, exitCode: lintVorige.exitCode },
      controle: meting(alleen, alleenUit),
      controleMetVorige: meting(metVorige, metVorigeUit),
      profiel: tijdenMetVorige,
    });
  }

  const samenvatting = {
    gemeten: new Date().toISOString(),
    keer: KEER,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      geheugenMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
    },
    doelen: { ratioTovXmllint: DOEL_RATIO, maxRssMb: DOEL_RSS_MB, gemeenteZonderOpstartMs: DOEL_GEMEENTE_MS },
    opstart: { ms: opstart.ms, nodeMs: opstartNode.ms, maxRssMb: opstart.maxRssMb },
    resultaten,
  };
  writeFileSync(join(OUT, "engine.json"), JSON.stringify(samenvatting, null, 2) + "\n");
  console.log(`\nSamenvatting: ${join("bench", "out", "engine.json")}`);
}

if (process.argv[2] === "--profiel") {
  const [pad, ontvangen, vorige] = process.argv.slice(3) as [string, string, string];
  void profiel(pad, ontvangen, vorige).then((t) => console.log(JSON.stringify(t)));
} else
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
