/**
 * The SWI command-line tool: the portal's checks on a file, without the portal.
 *
 *   npm run --silent swi -- validate FILE [--previous FILE]... [--received YYYY-MM-DD] [--berichtgever CODE] [--json]
 *   npm run --silent swi -- xsd
 *   npm run --silent swi -- rules [--json]
 *
 * Exit status: 0 every delivery accepted, 1 any rejected, 2 usage error (one Dutch line on
 * stderr, nothing on stdout).
 *
 * The CLI has no table of which berichtgever reports for which gemeente: with --berichtgever,
 * T06 requires the file's Berichtgevercode to be CODE and takes the berichtgever to report for
 * every gemeente of the CBS codelijst of the year; without it, the header is checked against the
 * file name (T05) and the gemeente against the codelijst only.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { controleerAanlevering, eerdereVan, type LeveringResultaat } from "../lib/swi/controle";
import { codelijstVoorJaar } from "../lib/swi/gemeenten";
import { leesAanlevering } from "../lib/swi/intake";
import { REGELS, ernstTekst } from "../lib/swi/regels";
import { leesXsd } from "../lib/swi/schema";
import { vergelijkSignalen } from "../lib/swi/signaleringslijst";
import { vatSamen, type EerdereLevering } from "../lib/swi/eerdere-levering";
import type { ControleContext, Datum } from "../lib/swi/types";
import { foutTekst, tekstRapport } from "./swi-rapport";

class Gebruiksfout extends Error {}

const GEBRUIK = `Gebruik:
  swi validate BESTAND [--previous BESTAND]... [--received JJJJ-MM-DD] [--berichtgever CODE] [--json]
  swi xsd            het XSD van het aanleverformaat
  swi rules [--json] de lijst met controles

validate controleert een SWI-levering (XML of zip) zoals het portaal dat doet.
  --previous BESTAND      een eerder goedgekeurde levering van dezelfde berichtgever en gemeente
                          (XML of zip); mag vaker; het laatste kwartaal daarvan is "het vorige kwartaal"
  --received JJJJ-MM-DD   de ontvangstdatum waarmee de datumcontroles rekenen (standaard: vandaag)
  --berichtgever CODE     controleer de kop tegen deze berichtgevercode (4 cijfers); de gemeente moet
                          dan in de CBS-codelijst van het jaar staan (het hulpmiddel kent geen
                          toewijzing van gemeenten aan berichtgevers)
  --json                  één JSON-object op stdout in plaats van het rapport

Afsluitcode: 0 alles goedgekeurd, 1 een levering afgekeurd, 2 onjuist gebruik.`;

interface ValidateOpties {
  bestand: string;
  previous: string[];
  received: Datum;
  berichtgever?: string;
  json: boolean;
}

type Opdracht =
  | { soort: "validate"; opties: ValidateOpties }
  | { soort: "xsd" }
  | { soort: "rules"; json: boolean }
  | { soort: "help" };

function vandaag(): Datum {
  const nu = new Date();
  return nu.getFullYear() * 10000 + (nu.getMonth() + 1) * 100 + nu.getDate();
}

function leesDatum(tekst: string): Datum {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tekst);
  const fout = new Gebruiksfout(`--received verwacht een bestaande datum als JJJJ-MM-DD, niet "${tekst}".`);
  if (!m) throw fout;
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(jaar, maand - 1, dag));
  if (d.getUTCFullYear() !== jaar || d.getUTCMonth() !== maand - 1 || d.getUTCDate() !== dag) throw fout;
  return jaar * 10000 + maand * 100 + dag;
}

/** Splits `--optie=waarde` and takes the value of an option that needs one. */
function leesArgumenten(args: string[]): Opdracht {
  const [opdracht, ...rest] = args;
  if (opdracht === undefined) throw new Gebruiksfout("Geef een opdracht: validate, xsd of rules (zie swi --help).");
  if (opdracht === "--help" || opdracht === "-h" || opdracht === "help") return { soort: "help" };

  const posities: string[] = [];
  const waarden = new Map<string, string[]>();
  const vlaggen = new Set<string>();
  const metWaarde =
    opdracht === "validate" ? new Set(["--previous", "--received", "--berichtgever"]) : new Set<string>();
  const zonderWaarde = opdracht === "xsd" ? new Set<string>() : new Set(["--json"]);
  let alleenPosities = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (alleenPosities || !arg.startsWith("-") || arg === "-") {
      posities.push(arg);
      continue;
    }
    if (arg === "--") {
      alleenPosities = true;
      continue;
    }
    const is = arg.indexOf("=");
    const naam = is > 0 ? arg.slice(0, is) : arg;
    if (metWaarde.has(naam)) {
      const waarde = is > 0 ? arg.slice(is + 1) : rest[++i];
      if (waarde === undefined || waarde === "") throw new Gebruiksfout(`${naam} verwacht een waarde.`);
      waarden.set(naam, [...(waarden.get(naam) ?? []), waarde]);
    } else if (zonderWaarde.has(naam) && is < 0) {
      vlaggen.add(naam);
    } else if (naam === "--help" || naam === "-h") {
      return { soort: "help" };
    } else {
      throw new Gebruiksfout(`Onbekende optie ${naam} voor ${opdracht} (zie swi --help).`);
    }
  }

  switch (opdracht) {
    case "validate": {
      if (posities.length === 0) throw new Gebruiksfout("validate verwacht een bestand: swi validate BESTAND.");
      if (posities.length > 1)
        throw new Gebruiksfout(
          `validate verwacht één bestand, niet ${posities.length}; eerdere leveringen geeft u op met --previous.`,
        );
      for (const naam of ["--received", "--berichtgever"]) {
        if ((waarden.get(naam)?.length ?? 0) > 1) throw new Gebruiksfout(`${naam} mag maar één keer worden opgegeven.`);
      }
      const received = waarden.get("--received")?.[0];
      const berichtgever = waarden.get("--berichtgever")?.[0];
      if (berichtgever !== undefined && !/^\d{4}$/.test(berichtgever)) {
        throw new Gebruiksfout(
          `--berichtgever verwacht een berichtgevercode van precies 4 cijfers (bijvoorbeeld 0153), niet "${berichtgever}".`,
        );
      }
      const opties: ValidateOpties = {
        bestand: posities[0]!,
        previous: waarden.get("--previous") ?? [],
        received: received === undefined ? vandaag() : leesDatum(received),
        json: vlaggen.has("--json"),
      };
      if (berichtgever !== undefined) opties.berichtgever = berichtgever;
      return { soort: "validate", opties };
    }
    case "xsd":
      if (posities.length > 0) throw new Gebruiksfout(`xsd verwacht geen argumenten, niet "${posities[0]}".`);
      return { soort: "xsd" };
    case "rules":
      if (posities.length > 0) throw new Gebruiksfout(`rules verwacht geen argumenten, niet "${posities[0]}".`);
      return { soort: "rules", json: vlaggen.has("--json") };
    default:
      throw new Gebruiksfout(`Onbekende opdracht "${opdracht}"; kies validate, xsd of rules.`);
  }
}

async function eisBestand(pad: string, wat: string): Promise<void> {
  const info = await stat(pad).catch(() => null);
  if (!info) throw new Gebruiksfout(`${wat} niet gevonden: ${pad}`);
  if (!info.isFile())
    throw new Gebruiksfout(`${wat} is geen bestand maar een map: ${pad} (geef een XML- of zipbestand op).`);
}

function context(opties: ValidateOpties): ControleContext {
  const ctx: ControleContext = { received: opties.received, codelijst: codelijstVoorJaar };
  if (opties.berichtgever !== undefined) {
    ctx.uploader = { berichtgevercode: opties.berichtgever, gemeentenVoorJaar: codelijstVoorJaar };
  }
  return ctx;
}

/**
 * Reads every --previous file with the same intake; a rejected one is a usage error. Each is
 * summarised at once, so its Persoon objects are gone before the next file is read.
 */
async function leesEerdere(paden: string[], ctx: ControleContext): Promise<EerdereLevering[]> {
  const eerdere: EerdereLevering[] = [];
  for (const pad of paden) {
    for await (const uitkomst of leesAanlevering({ naam: basename(pad), pad }, ctx)) {
      if (uitkomst.accepted && uitkomst.levering) {
        eerdere.push(vatSamen(uitkomst.levering));
        continue;
      }
      const eerste = uitkomst.errors[0];
      const reden = eerste ? foutTekst(eerste) : "afgekeurd";
      throw new Gebruiksfout(
        `--previous ${uitkomst.fileName} is technisch afgekeurd (${eenRegel(reden)}); geef alleen goedgekeurde eerdere leveringen op.`,
      );
    }
  }
  return eerdere;
}

/**
 * One full garbage collection between reading the earlier deliveries and the current one. Why: the
 * earlier files' Persoon objects (~85 MB of heap for a national file) are garbage once summarised,
 * but V8 had raised its heap limit while they were being read and, in about one run in four, let
 * them lie until the current file's persons were in as well: 320–340 MB peak instead of ~245.
 * Collected here, the peak is the current file's plus the summaries. Costs ~20 ms.
 */
function ruimOp(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  if (typeof gc === "function") gc();
}

function eenRegel(tekst: string): string {
  return tekst.replace(/\s+/g, " ").trim();
}

function jsonUitvoer(resultaten: LeveringResultaat[]): string {
  return JSON.stringify({
    deliveries: resultaten.map((r) => ({
      file: r.file,
      accepted: r.accepted,
      errorCount: r.errorCount,
      errors: r.errors.map((e) => ({ line: e.line, kenmerk: e.kenmerk, rule: e.rule, message: e.message })),
      signals: [...r.signals].sort(vergelijkSignalen).map((s) => ({
        bsn: s.bsn,
        kenmerken: s.kenmerken,
        rule: s.rule,
        severity: s.severity,
        message: s.message,
        waarden: s.waarden,
        advies: s.advies,
      })),
      fileSignals: r.fileSignals.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        advies: f.advies,
      })),
      spiegelrapport: r.spiegelrapport,
      kop: r.kop,
      aantalPersonen: r.aantalPersonen,
    })),
  });
}

async function valideer(opties: ValidateOpties): Promise<number> {
  await eisBestand(opties.bestand, "Bestand");
  for (const pad of opties.previous) await eisBestand(pad, "Eerdere levering (--previous)");
  const ctx = context(opties);
  const eerdere = await leesEerdere(opties.previous, ctx);
  if (eerdere.length > 0) ruimOp();

  const gebruikt = new Set<EerdereLevering>();
  const resultaten = await controleerAanlevering(
    { naam: basename(opties.bestand), pad: opties.bestand },
    ctx,
    (kop) => {
      for (const l of eerdereVan(kop, eerdere)) gebruikt.add(l);
      return eerdere;
    },
  );
  for (const l of eerdere) {
    if (!gebruikt.has(l) && resultaten.some((r) => r.accepted)) {
      process.stderr.write(
        `Let op: --previous ${l.fileName} (berichtgever ${l.kop.berichtgevercode}, gemeente ${l.kop.gemeentecode}, ${l.kop.statistiekjaar} kwartaal ${l.kop.statistiekkwartaal}) is geen eerdere levering van een gecontroleerde levering en is niet gebruikt.\n`,
      );
    }
  }

  await schrijf(
    opties.json ? jsonUitvoer(resultaten) + "\n" : tekstRapport(resultaten, { received: opties.received, eerdere }),
  );
  return resultaten.length > 0 && resultaten.every((r) => r.accepted) ? 0 : 1;
}

function regelsTekst(): string {
  const regels: string[] = [];
  for (const r of REGELS) {
    const kenmerken = r.kenmerken.length ? ` (kenmerk ${r.kenmerken.join(", ")})` : "";
    regels.push(
      `${r.code}  ${r.naam} — ${ernstTekst(r)}${kenmerken}`,
      `     ${r.omschrijving}`,
      `     Wat te doen: ${r.watTeDoen}`,
      "",
    );
  }
  return regels.join("\n");
}

/** Writes to stdout and waits until it is flushed: a pipe must get everything before exit. */
function schrijf(tekst: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(tekst, (e) => (e ? reject(e) : resolve())));
}

async function main(args: string[]): Promise<number> {
  const opdracht = leesArgumenten(args);
  switch (opdracht.soort) {
    case "help":
      await schrijf(GEBRUIK + "\n");
      return 0;
    case "xsd":
      await schrijf(leesXsd());
      return 0;
    case "rules":
      await schrijf(opdracht.json ? JSON.stringify({ rules: REGELS }) + "\n" : regelsTekst());
      return 0;
    case "validate":
      return valideer(opdracht.opties);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof Gebruiksfout) {
      process.stderr.write(eenRegel(e.message) + "\n");
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`Interne fout: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
