import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

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
    [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
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

/** Stops children and runs the cleanup once, on a signal or when a child dies. */
export function bijAfsluiten(kinderen: ChildProcess[], opruimen: () => Promise<void>): void {
  let bezig = false;
  const stop = async (code: number) => {
    if (bezig) return;
    bezig = true;
    for (const k of kinderen) if (k.exitCode === null) k.kill("SIGTERM");
    await Promise.all(kinderen.map((k) => (k.exitCode !== null ? null : new Promise((r) => k.once("exit", r)))));
    await opruimen().catch((e) => console.error(e));
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(130));
  process.once("SIGTERM", () => void stop(143));
  for (const k of kinderen) k.once("exit", (code) => void stop(code ?? 1));
}
