/**
 * The worker as a real process: killed with SIGKILL in the middle of a job, a new worker finishes
 * that job, with exactly one set of results.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { registreerAanlevering } from "@/lib/leveringen/ontvangst";
import {
  alsStroom,
  genereer,
  maakPijplijnOmgeving,
  opgeslagen,
  type PijplijnOmgeving,
} from "@/lib/leveringen/pijplijn.testhulp";
import { verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { NODE_MET_TSX } from "@/scripts/lib/portaal";

let omg: PijplijnOmgeving;
const kinderen: ChildProcess[] = [];

// A killed worker's job must come back within seconds here, not minutes. The jobs are sent by this
// process and carry its retry settings, so both sides get them.
const SNEL = {
  SWI_VERWERKING_LEASE_SECONDEN: "5",
  SWI_JOBS_ONDERHOUD_SECONDEN: "1",
  SWI_JOBS_POLL_SECONDEN: "0.5",
  SWI_VERWERKING_WACHT_SECONDEN: "1",
  SWI_MAIL_WACHT_SECONDEN: "1",
};

beforeAll(async () => {
  omg = await maakPijplijnOmgeving(SNEL);
});
afterAll(async () => {
  for (const k of kinderen) if (k.exitCode === null && k.signalCode === null) k.kill("SIGKILL");
  await omg?.close();
});

function startWorkerProces(naam: string): { kind: ChildProcess; uitvoer: () => string; klaar: Promise<void> } {
  // Without SWI_TIJDELIJKE_MAP the worker keeps its decrypted copies in var/tmp/worker-<pid>.
  const env = Object.fromEntries(Object.entries(omg.env).filter(([k]) => k !== "SWI_TIJDELIJKE_MAP"));
  // `node --import tsx`, not the tsx command: that one runs the script in a second process, which a
  // kill of the first would leave running.
  const kind = spawn(process.execPath, [...NODE_MET_TSX, "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  kinderen.push(kind);
  let uit = "";
  kind.stdout!.on("data", (d: Buffer) => (uit += d.toString()));
  kind.stderr!.on("data", (d: Buffer) => (uit += d.toString()));
  const klaar = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (uit.includes("[worker] gestart")) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    kind.once("exit", (code, signaal) => {
      clearInterval(timer);
      reject(new Error(`worker ${naam} stopte (${code ?? signaal}) voordat hij startte:\n${uit}`));
    });
  });
  klaar.catch(() => {});
  return { kind, uitvoer: () => uit, klaar };
}

async function wachtOp<T>(vraag: () => Promise<T>, ok: (t: T) => boolean, ms: number, wat: string): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const t = await vraag();
    if (ok(t)) return t;
    if (Date.now() > tot) throw new Error(`${wat}: na ${ms} ms nog steeds ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("a worker killed mid-job: the job completes after restart, with exactly one set of results", async () => {
  const db = getDb();
  // The previous quarter, already processed: a different population, so the big delivery gets
  // signals (and a signaleringslijst) from the comparison.
  const vorige = genereer({ statistiekjaar: 2025, kwartaal: 1, aantalPersonen: 300, seed: "vorige" });
  const rv = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: vorige.bestandsnaam,
    bron: "PORTAAL",
    inhoud: alsStroom(vorige.xml()),
  });
  await verwerkAanlevering(rv.aanleveringId);

  // Big enough that processing takes a while (tens of MB).
  const groot = genereer({ statistiekjaar: 2025, kwartaal: 2, aantalPersonen: 60_000, seed: "groot" });
  const pad = path.join(omg.map, groot.bestandsnaam);
  await groot.schrijfXml(pad);
  const r = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: groot.bestandsnaam,
    bron: "PORTAAL",
    inhoud: fs.createReadStream(pad),
  });
  const leveringId = r.leveringen[0]!.id;
  const status = async () => (await db.levering.findUniqueOrThrow({ where: { id: leveringId } })).status;

  const eerste = startWorkerProces("1");
  await eerste.klaar;
  const bijKill = await wachtOp(
    status,
    (s) => s === "TECHNISCHE_CONTROLE" || s === "STATISTISCHE_CONTROLE",
    60_000,
    "de verwerking begon niet",
  );
  eerste.kind.kill("SIGKILL");
  await new Promise((resolve) =>
    eerste.kind.exitCode !== null || eerste.kind.signalCode !== null
      ? resolve(null)
      : eerste.kind.once("exit", resolve),
  );
  expect(eerste.kind.signalCode).toBe("SIGKILL");
  expect(eerste.uitvoer()).toContain(`(pid ${eerste.kind.pid})`);
  expect(["TECHNISCHE_CONTROLE", "STATISTISCHE_CONTROLE"]).toContain(bijKill);
  // Killed in the middle: nothing final was written.
  expect(await status()).not.toMatch(/VERWERKT|AFGEKEURD/);
  const tijdelijk = path.join(omg.map, "tmp", `worker-${eerste.kind.pid}`);

  const tweede = startWorkerProces("2");
  await tweede.klaar;
  const eind = await wachtOp(
    status,
    (s) => s === "VERWERKT" || s === "AFGEKEURD",
    90_000,
    "de verwerking werd niet afgemaakt",
  ).catch((e: Error) => {
    throw new Error(`${e.message}\n--- worker 2 ---\n${tweede.uitvoer()}`);
  });
  expect(eind).toBe("VERWERKT");

  const l = await db.levering.findUniqueOrThrow({
    where: { id: leveringId },
    include: { signaleringslijst: true, fouten: true },
  });
  expect(l.aantalPersonen).toBe(60_000);
  expect(l.fouten).toHaveLength(0);
  expect(l.signaleringslijst?.aantalSignalen).toBeGreaterThan(0);
  expect(await db.signaleringslijst.count({ where: { leveringId } })).toBe(1);
  expect(await opgeslagen(`signaleringslijsten/${leveringId}`)).toEqual([
    `signaleringslijsten/${leveringId}.csv`,
    `signaleringslijsten/${leveringId}.xlsx`,
  ]);
  expect(await db.auditLog.count({ where: { actie: "levering.verwerkt", doelId: leveringId } })).toBe(1);
  for (const sjabloon of ["levering-verwerkt", "signaleringslijst-klaar"]) {
    expect(
      await db.mailBericht.count({ where: { sjabloon, parameters: { path: ["url"], string_contains: leveringId } } }),
    ).toBe(1);
  }
  // The job was retried (the dead worker's attempt expired), then completed.
  const job = await wachtOp(
    async () =>
      (
        await db.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
          `SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = 'aanlevering.verwerk' AND data->>'aanleveringId' = $1`,
          r.aanleveringId,
        )
      )[0],
    (j) => j?.state === "completed",
    30_000,
    "de taak werd niet afgerond",
  );
  expect(job!.retry_count).toBeGreaterThanOrEqual(1);
  // The dead worker's decrypted copy (plaintext BSNs) was removed by the next worker.
  expect(fs.existsSync(tijdelijk)).toBe(false);

  tweede.kind.kill("SIGTERM");
  const code = await new Promise((resolve) => tweede.kind.once("exit", (c) => resolve(c)));
  expect(code).toBe(143);
}, 180_000);
