/**
 * `npm start` (scripts/lib/portaal.ts) with a worker that dies: it is started again, with a
 * growing pause, and the web server keeps running; only the web server dying, or a signal, stops
 * the portal. Real child processes stand in for both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, expect, it, vi } from "vitest";
import { bijAfsluiten, herstartBijUitval } from "@/scripts/lib/portaal";

const kinderen: ChildProcess[] = [];
afterEach(() => {
  for (const k of kinderen) if (k.exitCode === null && k.signalCode === null) k.kill("SIGKILL");
  vi.restoreAllMocks();
});

/** A node process that exits with `code` after `ms`, or keeps running when ms is null. */
function kind(ms: number | null, code = 1): ChildProcess {
  const k = spawn(
    process.execPath,
    ["-e", ms === null ? "setInterval(() => {}, 1000)" : `setTimeout(() => process.exit(${code}), ${ms})`],
    {
      stdio: "ignore",
    },
  );
  kinderen.push(k);
  return k;
}

const wachtOp = async (ok: () => boolean, ms = 10_000) => {
  const tot = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > tot) throw new Error("te lang gewacht");
    await new Promise((r) => setTimeout(r, 20));
  }
};

it("starts a crashed worker again, waiting longer after quick successive crashes, until it stays up", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const starts: number[] = [];
  // Crashes twice at once (as a worker that cannot reach its database at start), then runs.
  const w = herstartBijUitval(
    "de worker",
    () => {
      starts.push(Date.now());
      return kind(starts.length <= 2 ? 50 : null);
    },
    { eerstePauzeMs: 200, maxPauzeMs: 1000 },
  );
  await wachtOp(() => starts.length === 3);
  expect(w.herstarts).toBe(2);
  // The second pause is twice the first.
  const pauze1 = starts[1]! - starts[0]!;
  const pauze2 = starts[2]! - starts[1]!;
  expect(pauze1).toBeGreaterThanOrEqual(200);
  expect(pauze2).toBeGreaterThanOrEqual(400);
  await new Promise((r) => setTimeout(r, 500));
  expect(w.huidig.exitCode).toBeNull();
  expect(starts).toHaveLength(3);

  // Stopped on purpose: not started again.
  await w.stop();
  expect(w.huidig.signalCode).toBe("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  expect(starts).toHaveLength(3);
});

it("keeps the portal up while the worker restarts, and stops everything once the web server dies", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  const opruimen = vi.fn(async () => {});
  const signalen = ["SIGINT", "SIGTERM"] as const;
  const eerder = signalen.map((s) => process.listeners(s));
  const web = kind(null);
  let workers = 0;
  const w = herstartBijUitval(
    "de worker",
    () => {
      workers++;
      return kind(null);
    },
    { eerstePauzeMs: 100 },
  );
  bijAfsluiten([web, w], opruimen);

  const eerste = w.huidig;
  eerste.kill("SIGKILL");
  await wachtOp(() => workers === 2);
  expect(w.huidig).not.toBe(eerste);
  expect(web.exitCode).toBeNull();
  expect(exit).not.toHaveBeenCalled();

  web.kill("SIGKILL");
  await wachtOp(() => exit.mock.calls.length > 0);
  expect(opruimen).toHaveBeenCalledTimes(1);
  expect(w.huidig.signalCode).toBe("SIGTERM");
  expect(workers).toBe(2);
  // Only the handlers bijAfsluiten added; the test runner's own stay.
  signalen.forEach((s, i) => {
    for (const l of process.listeners(s)) if (!eerder[i]!.includes(l)) process.removeListener(s, l);
  });
});
