/**
 * The portal under load: its own database on the PostgreSQL server of DATABASE_URL, 340
 * berichtgevers with their contact person, an API token and a signed-in session each, a
 * production build of the web server and two worker processes, a real SMTP server that counts
 * what arrives, and a sampler of the processes' memory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { hashToken, nieuweTokenwaarde, tokenPrefix } from "../../lib/api-tokens/tokenwaarde";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { seedGemeenten } from "../../prisma/seed";
import type { BenchBerichtgever } from "./bestanden";
import { NODE_MET_TSX } from "../../scripts/lib/portaal";

/**
 * BENCH_DB lets a second run share the PostgreSQL server without dropping the database of a run
 * in progress (the full bench and `npm test`'s short run would otherwise both use swi_bench).
 */
export const BENCH_DB = process.env.BENCH_DB ?? "swi_bench";
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error(`BENCH_DB "${BENCH_DB}": alleen a-z, 0-9 en _`);

export interface Toegang {
  code: string;
  berichtgeverId: string;
  email: string;
  apiToken: string;
  sessieToken: string;
}

export async function maakDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${BENCH_DB}`;
  const url = u.toString();
  await applyMigrations(url);
  return url;
}

/** Everything a berichtgever needs to deliver and look, written in bulk. */
export async function vulBerichtgevers(url: string, bgs: BenchBerichtgever[]): Promise<Toegang[]> {
  const db = createDb(url, 2);
  try {
    await seedGemeenten(db);
    const toegang: Toegang[] = bgs.map((b) => ({
      code: b.code,
      berichtgeverId: `bench${b.code}`,
      email: `contactpersoon@gemeente-${b.code}.example.nl`,
      apiToken: nieuweTokenwaarde(),
      sessieToken: crypto.randomBytes(32).toString("hex"),
    }));
    const userId = (t: Toegang) => `benchu${t.code}`;
    await db.berichtgever.createMany({
      data: bgs.map((b, i) => ({ id: toegang[i]!.berichtgeverId, code: b.code, naam: `Gemeente ${b.gemeentenaam}` })),
    });
    await db.berichtgeverGemeente.createMany({
      data: bgs.map((b, i) => ({
        berichtgeverId: toegang[i]!.berichtgeverId,
        gemeentecode: b.gemeentecode,
        vanafJaar: 2022,
      })),
    });
    await db.user.createMany({
      data: toegang.map((t) => ({
        id: userId(t),
        email: t.email,
        naam: `Contactpersoon ${t.code}`,
        rol: "CONTACTPERSOON" as const,
        berichtgeverId: t.berichtgeverId,
      })),
    });
    await db.contactpersoon.createMany({
      data: toegang.map((t) => ({ berichtgeverId: t.berichtgeverId, userId: userId(t) })),
    });
    await db.apiToken.createMany({
      data: toegang.map((t) => ({
        berichtgeverId: t.berichtgeverId,
        naam: "Benchmark",
        tokenHash: hashToken(t.apiToken),
        prefix: tokenPrefix(t.apiToken),
        createdById: userId(t),
      })),
    });
    // next-auth database sessions: the cookie carries the token, the row makes it valid.
    await db.session.createMany({
      data: toegang.map((t) => ({
        sessionToken: t.sessieToken,
        userId: userId(t),
        expires: new Date(Date.now() + 8 * 3600 * 1000),
      })),
    });
    return toegang;
  } finally {
    await db.$disconnect();
  }
}

export interface Proces {
  naam: string;
  kind: ChildProcess;
  uitvoer: () => string;
}

function start(naam: string, args: string[], env: NodeJS.ProcessEnv, logMap: string): Proces {
  const log = fs.createWriteStream(path.join(logMap, `${naam}.log`));
  const kind = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let uit = "";
  const neem = (d: Buffer) => {
    log.write(d);
    // Only the last part is kept in memory: the bench reads the job lines from the log file.
    uit = (uit + d.toString()).slice(-200_000);
  };
  kind.stdout!.on("data", neem);
  kind.stderr!.on("data", neem);
  kind.once("exit", () => log.end());
  return { naam, kind, uitvoer: () => uit };
}

export function startWeb(port: number, env: NodeJS.ProcessEnv, logMap: string, naam = "web"): Proces {
  return start(
    naam,
    [...NODE_MET_TSX, path.join("scripts", "server.ts"), "-p", String(port), "-H", "127.0.0.1"],
    { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    logMap,
  );
}

export function startWorker(naam: string, env: NodeJS.ProcessEnv, logMap: string): Proces {
  return start(naam, [...NODE_MET_TSX, path.join("scripts", "worker.ts")], { ...env, DB_POOL_MAX: "2" }, logMap);
}

export async function wachtTot(vraag: () => Promise<boolean>, ms: number, wat: string): Promise<void> {
  const tot = Date.now() + ms;
  while (!(await vraag().catch(() => false))) {
    if (Date.now() > tot) throw new Error(`${wat}: niet binnen ${Math.round(ms / 1000)} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stop(p: Proces): Promise<void> {
  if (p.kind.exitCode !== null || p.kind.signalCode !== null) return;
  const klaar = new Promise((r) => p.kind.once("exit", r));
  p.kind.kill("SIGTERM");
  const t = setTimeout(() => p.kind.kill("SIGKILL"), 30_000);
  await klaar;
  clearTimeout(t);
}

/** A real SMTP server; counts messages per recipient. */
export async function startSmtp(
  port: number,
): Promise<{ perAdres: Map<string, number>; totaal(): number; stop(): Promise<void> }> {
  const perAdres = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, sessie, klaar) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const r of sessie.envelope.rcptTo) perAdres.set(r.address, (perAdres.get(r.address) ?? 0) + 1);
        klaar();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    perAdres,
    totaal: () => [...perAdres.values()].reduce((a, b) => a + b, 0),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function kinderenVan(): Map<number, number[]> {
  const kinderen = new Map<number, number[]>();
  for (const naam of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(naam)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${naam}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const lijst = kinderen.get(ppid) ?? [];
      lijst.push(Number(naam));
      kinderen.set(ppid, lijst);
    } catch {
      // The process ended while we looked.
    }
  }
  return kinderen;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A per-process figure summed over a process and all its descendants. */
function overBoom(pid: number, kinderen: Map<number, number[]>, waarde: (pid: number) => number): number {
  let som = 0;
  const rij = [pid];
  while (rij.length) {
    const p = rij.pop()!;
    som += waarde(p);
    rij.push(...(kinderen.get(p) ?? []));
  }
  return som;
}

/** Samples the resident memory of each process and its descendants; keeps the peak of the sum. */
export function meetGeheugen(
  processen: Proces[],
  intervalMs = 250,
): { piekMb(): Record<string, number>; stop(): void } {
  const piek = new Map<string, number>();
  const timer = setInterval(() => {
    const kinderen = kinderenVan();
    for (const p of processen) {
      if (!p.kind.pid) continue;
      piek.set(p.naam, Math.max(piek.get(p.naam) ?? 0, overBoom(p.kind.pid, kinderen, rssKb)));
    }
  }, intervalMs);
  timer.unref();
  return {
    piekMb: () => Object.fromEntries([...piek].map(([k, v]) => [k, Math.round(v / 1024)])),
    stop: () => clearInterval(timer),
  };
}

/** utime + stime of one process in seconds (/proc/PID/stat fields 14 and 15, in clock ticks). */
function cpuSecondenVan(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const velden = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Field 3 of the stat line is velden[0]; utime (14) and stime (15) are velden[11] and velden[12].
    return (Number(velden[11]) + Number(velden[12])) / KLOKTIKKEN_PER_SECONDE;
  } catch {
    return 0;
  }
}
/** Linux's USER_HZ, which /proc reports in; 100 on every architecture Node runs on. */
const KLOKTIKKEN_PER_SECONDE = 100;

/**
 * CPU seconds used so far by each of the portal's processes (with their children), by all
 * PostgreSQL processes on this machine together (the server the bench uses; its backends do the
 * database work of web and workers alike), and by the bench itself, which generates the load on
 * the same two cores. The difference of two readings says where the machine's time went.
 */
export function cpuStand(processen: Proces[]): Record<string, number> {
  const kinderen = kinderenVan();
  const stand: Record<string, number> = {};
  for (const p of processen) {
    if (p.kind.pid) stand[p.naam] = overBoom(p.kind.pid, kinderen, cpuSecondenVan);
  }
  let postgres = 0;
  for (const naam of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(naam)) continue;
    try {
      if (fs.readFileSync(`/proc/${naam}/comm`, "utf8").trim() === "postgres") postgres += cpuSecondenVan(Number(naam));
    } catch {
      // The process ended while we looked.
    }
  }
  stand.postgresql = postgres;
  const eigen = process.cpuUsage();
  stand.bench = (eigen.user + eigen.system) / 1e6;
  return stand;
}

export function cpuVerschil(voor: Record<string, number>, na: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(na).map((k) => [k, Math.round((na[k]! - (voor[k] ?? 0)) * 10) / 10]));
}
