import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_MAX_CONNECTIONS } from "./embedded-pools";
import { houdProtocolBatchesBijElkaar } from "./pglite-protocol";

/**
 * Embedded PostgreSQL for a laptop without a database server: PGlite (PostgreSQL compiled to
 * WebAssembly) served on 127.0.0.1 through pglite-socket, so the app, Prisma, pg-boss and the
 * migration runner use the same `pg` code path as against a real server.
 *
 * Limits the rest of the app must respect (see docs/database.md):
 * - All socket connections share ONE backend session, queries run one at a time, and an open
 *   transaction makes every other connection wait. More connections add no throughput.
 * - A connection beyond `maxConnections` is dropped, not queued: the sum of all pools (app, job
 *   queue, scripts) must stay below it. Use EMBEDDED_POOLS.
 * - Nothing in PGlite stops two processes from opening one data directory (which corrupts it), so
 *   this launcher holds a lock file next to the directory.
 */

export { EMBEDDED_MAX_CONNECTIONS, EMBEDDED_POOLS } from "./embedded-pools";

export const DEFAULT_DATA_DIR = path.join("var", "pgdata");

export interface EmbeddedOptions {
  /** Data directory; "memory" for a throw-away in-memory database. Default: var/pgdata. */
  dataDir?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  maxConnections?: number;
  /** Stop cleanly on SIGINT/SIGTERM and exit (130/143). Default true for a data directory. Pass
   * false when the caller has its own shutdown sequence and calls stop() itself. */
  handleSignals?: boolean;
  /** Start from a copy of this (already running) database instead of an empty one; memory only. */
  cloneOf?: PGlite;
}

export interface EmbeddedPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Absolute data directory, or null when in memory. */
  dataDir: string | null;
  maxConnections: number;
  /** The PGlite instance itself (for cloning); do not query it while clients use the socket. */
  pglite: PGlite;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const inMemory = options.dataDir === "memory";
  const dataDir = inMemory ? null : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const maxConnections = options.maxConnections ?? EMBEDDED_MAX_CONNECTIONS;

  const lock = dataDir ? acquireDataDirLock(dataDir) : null;
  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    db = options.cloneOf ? ((await options.cloneOf.clone()) as PGlite) : await PGlite.create(dataDir ?? undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
  houdProtocolBatchesBijElkaar(db);
  try {
    server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections });
    await server.start();
  } catch (error) {
    await db.close().catch(() => {});
    lock?.release();
    throw error;
  }

  const port = Number(server.getServerConn().split(":").pop());
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      detachSignals();
      try {
        await server.stop();
      } finally {
        // close() writes PGlite's state to the data directory; only then may another process open it.
        await db.close();
        lock?.release();
      }
    })();
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  const handleSignals = options.handleSignals ?? !inMemory;
  if (handleSignals) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  function detachSignals() {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    maxConnections,
    pglite: db,
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// Data directory lock: var/pgdata.lock beside var/pgdata (PGlite's initdb wants an empty directory,
// so nothing may be written inside it). It holds the owner's pid and process start time; a lock
// whose process is gone (or whose pid now belongs to another process) is stale and taken over.

interface LockInfo {
  pid: number;
  host: string;
  /** Process start time from /proc, to tell a live owner from a reused pid. */
  start: string | null;
  since: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `De ingebouwde database in ${dataDir} is al in gebruik door proces ${owner.pid} (sinds ${owner.since}). ` +
        `Stop dat proces eerst; twee processen tegelijk zouden de database beschadigen.`,
    );
    this.name = "DataDirInUseError";
  }
}

function processStart(pid: number): string | null {
  try {
    // Field 22 of /proc/PID/stat; the command name (field 2) may contain spaces, so split after ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(owner: LockInfo): boolean {
  if (owner.host !== os.hostname()) return true; // cannot check another machine: assume it runs
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStart(owner.pid);
  return owner.start === null || start === null || start === owner.start;
}

function readLock(lockPath: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    start: processStart(process.pid),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLock(lockPath);
      if (owner && isAlive(owner)) throw new DataDirInUseError(path.resolve(dataDir), owner);
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    // Another process may have removed the same stale lock and written its own in between.
    const now = readLock(lockPath);
    if (now?.pid !== mine.pid || now.since !== mine.since) {
      if (now && isAlive(now)) throw new DataDirInUseError(path.resolve(dataDir), now);
      continue;
    }
    const releaseOnExit = () => release();
    function release() {
      process.removeListener("exit", releaseOnExit);
      const current = readLock(lockPath);
      if (current?.pid === mine.pid && current.since === mine.since) fs.rmSync(lockPath, { force: true });
    }
    process.on("exit", releaseOnExit);
    return { path: lockPath, release };
  }
  throw new Error(`Kon het slot ${lockPath} niet krijgen; probeer het opnieuw.`);
}
