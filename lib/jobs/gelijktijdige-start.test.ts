/**
 * Several workers share one queue: they may start at the same moment (a deploy, a restart after a
 * PostgreSQL outage). The load benchmark once saw one of two such workers exit with "deadlock
 * detected" from pg-boss's queue set-up; the set-up now retries a deadlock victim. Each worker
 * also lowers its own priority, so that processing never starves the web server's pages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakPijplijnOmgeving, type PijplijnOmgeving } from "@/lib/leveringen/pijplijn.testhulp";
import { opnieuwBijDeadlock } from "./boss";
import { NODE_MET_TSX } from "@/scripts/lib/portaal";

describe("opnieuwBijDeadlock", () => {
  it("runs a step again after a deadlock, and only then", async () => {
    let n = 0;
    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    expect(
      await opnieuwBijDeadlock(async () => {
        if (++n < 3) throw deadlock;
        return "klaar";
      }),
    ).toBe("klaar");
    expect(n).toBe(3);

    let m = 0;
    const anders = Object.assign(new Error("relation does not exist"), { code: "42P01" });
    await expect(
      opnieuwBijDeadlock(async () => {
        m++;
        throw anders;
      }),
    ).rejects.toBe(anders);
    expect(m).toBe(1);

    let k = 0;
    await expect(
      opnieuwBijDeadlock(async () => {
        k++;
        throw deadlock;
      }, 2),
    ).rejects.toBe(deadlock);
    expect(k).toBe(2);
  });
});

/** Field 19 of /proc/PID/stat (after the parenthesised command name, which may hold spaces). */
function niceVan(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("worker processes starting at the same moment", () => {
  let omg: PijplijnOmgeving;
  beforeAll(async () => {
    omg = await maakPijplijnOmgeving();
  });
  afterAll(async () => omg?.close());

  function startProces(): Promise<{ kind: ChildProcess; uitvoer: string }> {
    const kind = spawn(process.execPath, [...NODE_MET_TSX, "scripts/worker.ts"], {
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...omg.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let uitvoer = "";
    return new Promise((resolve, reject) => {
      const lees = (d: Buffer) => {
        uitvoer += d.toString();
        if (uitvoer.includes("[worker] gestart")) resolve({ kind, uitvoer });
      };
      kind.stdout!.on("data", lees);
      kind.stderr!.on("data", lees);
      kind.once("exit", (code) => reject(new Error(`worker stopte (${code}) voordat hij startte:\n${uitvoer}`)));
    });
  }

  it("all start, on a fresh database and again once the queues exist", async () => {
    // The embedded PGlite is one backend session: nothing to deadlock, and few connections.
    const aantal = omg.tdb.soort === "postgres" ? 3 : 1;
    for (let ronde = 0; ronde < 2; ronde++) {
      const gestart = await Promise.allSettled(Array.from({ length: aantal }, startProces));
      // Each runs below the web server's priority (scripts/worker.ts, SWI_WORKER_NICE default 10).
      for (const g of gestart) if (g.status === "fulfilled") expect(niceVan(g.value.kind.pid!)).toBe(10);
      for (const g of gestart) if (g.status === "fulfilled") g.value.kind.kill("SIGTERM");
      await Promise.all(
        gestart.map((g) =>
          g.status === "fulfilled" && g.value.kind.exitCode === null
            ? new Promise((r) => g.value.kind.once("exit", r))
            : null,
        ),
      );
      expect(gestart.map((g) => (g.status === "rejected" ? String(g.reason) : "gestart"))).toEqual(
        Array(aantal).fill("gestart"),
      );
    }
  }, 120_000);
});
