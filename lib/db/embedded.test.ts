import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError, lockPathFor, startEmbeddedPostgres } from "./embedded";
import { NODE_MET_TSX } from "@/scripts/lib/portaal";

const SLOW = 60_000;
const tmpDirs: string[] = [];
function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "swi-embedded-"));
  tmpDirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function writeLock(dataDir: string, info: object) {
  fs.writeFileSync(lockPathFor(dataDir), JSON.stringify({ since: "2026-01-01T00:00:00.000Z", ...info }));
}

describe("data directory lock", () => {
  it("refuses a second holder and frees the directory on release", () => {
    const dataDir = path.join(tmpDir(), "pgdata");
    const lock = acquireDataDirLock(dataDir);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(/al in gebruik door proces \d+/);
    lock.release();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
    acquireDataDirLock(dataDir).release();
  });

  it("takes over the lock of a process that no longer exists", () => {
    const dataDir = path.join(tmpDir(), "pgdata");
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeLock(dataDir, { pid: dead, host: os.hostname(), start: null });
    const lock = acquireDataDirLock(dataDir);
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process", () => {
    const dataDir = path.join(tmpDir(), "pgdata");
    writeLock(dataDir, { pid: 1, host: os.hostname(), start: "-1" });
    acquireDataDirLock(dataDir).release();
  });

  it("respects a lock held on another machine (shared folder)", () => {
    const dataDir = path.join(tmpDir(), "pgdata");
    writeLock(dataDir, { pid: 1, host: "een-andere-laptop", start: null });
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
  });
});

describe("startEmbeddedPostgres", () => {
  it("persists data across restarts and locks the directory while running", { timeout: SLOW }, async () => {
    const dataDir = path.join(tmpDir(), "pgdata");
    const eerste = await startEmbeddedPostgres({ dataDir, handleSignals: false });
    expect(eerste.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const c = new pg.Client({ connectionString: eerste.url });
    await c.connect();
    await c.query("CREATE TABLE proef (naam text); INSERT INTO proef VALUES ('Enschede')");
    await c.end();
    await expect(startEmbeddedPostgres({ dataDir, handleSignals: false })).rejects.toThrow(DataDirInUseError);
    await eerste.stop();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

    const tweede = await startEmbeddedPostgres({ dataDir, handleSignals: false });
    const c2 = new pg.Client({ connectionString: tweede.url });
    await c2.connect();
    expect((await c2.query("SELECT naam FROM proef")).rows).toEqual([{ naam: "Enschede" }]);
    await c2.end();
    await tweede.stop();
  });

  it("drops connections beyond maxConnections instead of queueing them", { timeout: SLOW }, async () => {
    const e = await startEmbeddedPostgres({ dataDir: "memory", maxConnections: 2 });
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: e.url }));
    try {
      await clients[0]!.connect();
      await clients[1]!.connect();
      await expect(clients[2]!.connect().then(() => clients[2]!.query("SELECT 1"))).rejects.toThrow();
    } finally {
      await Promise.allSettled(clients.map((c) => c.end()));
      await e.stop();
    }
  });

  it("shuts down cleanly on SIGTERM and releases the lock", { timeout: SLOW }, async () => {
    const dir = tmpDir();
    const dataDir = path.join(dir, "pgdata");
    const script = path.join(dir, "houd-vast.ts");
    fs.writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("lib/db/embedded.ts"))};
       startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }).then((e) => { console.log("KLAAR " + e.url); setInterval(() => {}, 1000); });`,
    );
    // tsx as a loader, not its CLI, so that the pid is the process that holds the lock.
    const child = spawn(process.execPath, [...NODE_MET_TSX, script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("KLAAR") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(JSON.parse(fs.readFileSync(lockPathFor(dataDir), "utf8")).pid).toBe(child.pid);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    try {
      expect(await exit).toBe(143);
    } finally {
      child.kill("SIGKILL");
    }
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });
});
