import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { bouwBrowsercontrole } from "../bouw-browsercontrole";

const ROOT = process.cwd();
const BRONNEN = [
  "app",
  "lib",
  "emails",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "prisma/schema.prisma",
];

function nieuwsteWijziging(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "generated" || e.name.startsWith(".")) continue;
    max = Math.max(max, nieuwsteWijziging(path.join(p, e.name)));
  }
  return max;
}

/** Builds the production bundle when there is none or the sources changed since. */
export function zorgVoorBuild(): void {
  // Always, and apart from Next's build: it takes a fraction of a second and lives in public/.
  bouwBrowsercontrole();
  const buildId = path.join(ROOT, process.env.SWI_NEXT_DIR || ".next", "BUILD_ID");
  const gebouwd = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const bron = Math.max(...BRONNEN.map((b) => nieuwsteWijziging(path.join(ROOT, b))));
  if (gebouwd > bron) return;
  console.log("Het portaal wordt gebouwd (eenmalig, ongeveer een minuut)…");
  const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("Het bouwen van het portaal is mislukt (zie hierboven).");
}

/** A secret kept under var/ for the embedded set-up, generated on first use. */
export function bewaardGeheim(varDir: string, naam: string): string {
  const dir = path.join(varDir, "geheimen");
  const bestand = path.join(dir, naam);
  if (fs.existsSync(bestand)) return fs.readFileSync(bestand, "utf8").trim();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const waarde = randomBytes(32).toString("base64url");
  fs.writeFileSync(bestand, waarde, { mode: 0o600 });
  return waarde;
}

export function startNext(port: number, env: NodeJS.ProcessEnv, log?: fs.WriteStream): ChildProcess {
  const kind = spawn(
    process.execPath,
    // Not `next start`: scripts/server.ts tells the app each request's socket address.
    [...NODE_MET_TSX, path.join("scripts", "server.ts"), "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: log ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (log) schrijfOokNaar(kind, log);
  return kind;
}

/** Passes a child's output on as usual and also into `log` (the e2e suite reads it back). */
export function schrijfOokNaar(kind: ChildProcess, log: fs.WriteStream): void {
  kind.stdout?.on("data", (d: Buffer) => {
    process.stdout.write(d);
    log.write(d);
  });
  kind.stderr?.on("data", (d: Buffer) => {
    process.stderr.write(d);
    log.write(d);
  });
}

/**
 * A child that is started again when it stops by itself. The worker is one: a worker that crashed
 * (or could not start because the database was down) must come back on its own, not take the web
 * server with it; its interrupted job is picked up again through its lease (lib/jobs/lease.ts).
 * Quick successive crashes wait longer each time (up to `maxPauzeMs`), so a worker that cannot
 * start keeps trying without spinning.
 */
export interface HerstartendKind {
  readonly huidig: ChildProcess;
  readonly herstarts: number;
  /** Stops it for good (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
}

export function herstartBijUitval(
  naam: string,
  start: () => ChildProcess,
  { eerstePauzeMs = 1000, maxPauzeMs = 30_000, stabielNaMs = 60_000 } = {},
): HerstartendKind {
  let huidig = start();
  let gestartOp = Date.now();
  let pauze = eerstePauzeMs;
  let herstarts = 0;
  let stoppen = false;
  let timer: NodeJS.Timeout | undefined;
  const bewaak = (kind: ChildProcess) =>
    kind.once("exit", (code, signaal) => {
      if (stoppen) return;
      // One that ran for a while crashed once; one that dies at once again is waited for longer.
      if (Date.now() - gestartOp > stabielNaMs) pauze = eerstePauzeMs;
      console.error(
        `[portaal] ${naam} stopte onverwacht (${signaal ?? code}); over ${pauze / 1000} s opnieuw gestart.`,
      );
      timer = setTimeout(() => {
        if (stoppen) return;
        herstarts++;
        gestartOp = Date.now();
        huidig = start();
        bewaak(huidig);
      }, pauze);
      pauze = Math.min(pauze * 2, maxPauzeMs);
    });
  bewaak(huidig);
  return {
    get huidig() {
      return huidig;
    },
    get herstarts() {
      return herstarts;
    },
    async stop() {
      stoppen = true;
      clearTimeout(timer);
      if (huidig.exitCode !== null || huidig.signalCode !== null) return;
      await new Promise((r) => {
        huidig.once("exit", r);
        huidig.kill("SIGTERM");
      });
    },
  };
}

function isHerstartend(k: ChildProcess | HerstartendKind): k is HerstartendKind {
  return "huidig" in k;
}

/**
 * Stops children and runs the cleanup once, on a signal or when a child dies. A restarting child
 * (herstartBijUitval) dying is not a reason to stop: it comes back by itself.
 */
export function bijAfsluiten(kinderen: (ChildProcess | HerstartendKind)[], opruimen: () => Promise<void>): void {
  let bezig = false;
  const stop = async (code: number) => {
    if (bezig) return;
    bezig = true;
    await Promise.all(
      kinderen.map((k) => {
        if (isHerstartend(k)) return k.stop();
        // A child killed by a signal has no exit code, only a signal: it has exited all the same.
        if (k.exitCode !== null || k.signalCode !== null) return null;
        return new Promise((r) => {
          k.once("exit", r);
          k.kill("SIGTERM");
        });
      }),
    );
    await opruimen().catch((e) => console.error(e));
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(130));
  process.once("SIGTERM", () => void stop(143));
  for (const k of kinderen) if (!isHerstartend(k)) k.once("exit", (code) => void stop(code ?? 1));
}

/**
 * How a child process runs the project's TypeScript: tsx, and the "server-only" marks resolved to
 * nothing (scripts/alleen-server.cjs), as Next resolves them on the server.
 */
export const NODE_MET_TSX = ["--require", path.resolve("scripts", "alleen-server.cjs"), "--import", "tsx"];
