/**
 * Fuzzing the intake: random mutations of a valid delivery (and of a zip holding it) must each end
 * in a verdict — accepted, or rejected with rule-coded Dutch messages — never a crash or a hang,
 * and never more stored errors than the cap.
 *
 * "Never a hang" and "bounded memory" are measured, not hoped for: every case must settle within
 * SWI_FUZZ_TERMIJN_MS (default 2000 ms), a watchdog thread stops the run naming the case when a
 * synchronous loop blocks the test thread itself (no timer can fire then), and the resident set
 * may grow at most 256 MB over the run. Each run prints its figures (cases, time, peak RSS).
 *
 * SWI_FUZZ_GEVALLEN sets the number of XML cases (zip cases: a fifth of it); CI runs 2000. The
 * longer run by hand:
 *   SWI_FUZZ_GEVALLEN=20000 npx vitest run lib/swi/fuzz
 * and with another seed, to explore new mutations (a failure names its seed and case):
 *   SWI_FUZZ_GEVALLEN=20000 SWI_FUZZ_ZAAD=$RANDOM npx vitest run lib/swi/fuzz
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { controleerXml, leesAanlevering, MAX_FOUTEN } from "./intake";
import type { TechnischeUitkomst } from "./types";
import {
  CTX,
  leveringXml,
  maakZip,
  NAAM,
  persoonXml,
  pipXml,
  gesprekXml,
  boeteXml,
  schrijfTijdelijk,
  tijdelijkeMap,
} from "./technisch/fixtures.testhulp";

const GEVALLEN = Number(process.env.SWI_FUZZ_GEVALLEN ?? 2000);
const ZAAD = Number(process.env.SWI_FUZZ_ZAAD ?? 20261123);
const TERMIJN_MS = Number(process.env.SWI_FUZZ_TERMIJN_MS ?? 2000);
const MB = 1024 * 1024;
const MAX_GROEI = 256 * MB;
// The per-case deadline bounds the run; this only keeps vitest from cutting a long run short.
const TEST_TIMEOUT = Math.max(120_000, GEVALLEN * 20);
const map = tijdelijkeMap();
afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

/** mulberry32: small, seeded, reproducible. */
function prng(zaad: number) {
  let a = zaad >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GEVAARLIJK = [
  "<!DOCTYPE x [<!ENTITY a 'b'>]>",
  "&a;",
  "<",
  ">",
  "]]>",
  "\u0000",
  "é",
  "\uFEFF",
  "xmlns='urn:x'",
  "<![CDATA[",
];

function muteer(bron: Buffer, r: () => number): Buffer {
  let b = Buffer.from(bron);
  const stappen = 1 + Math.floor(r() * 4);
  for (let s = 0; s < stappen; s++) {
    const p = Math.floor(r() * b.length);
    const soort = Math.floor(r() * 6);
    if (soort === 0) b[p] = Math.floor(r() * 256);
    else if (soort === 1)
      b = Buffer.concat([b.subarray(0, p), b.subarray(Math.min(b.length, p + 1 + Math.floor(r() * 40)))]);
    else if (soort === 2) {
      const stuk = b.subarray(p, Math.min(b.length, p + 1 + Math.floor(r() * 200)));
      b = Buffer.concat([b.subarray(0, p), stuk, stuk, b.subarray(p)]);
    } else if (soort === 3) {
      const extra = Buffer.from(GEVAARLIJK[Math.floor(r() * GEVAARLIJK.length)]!, "utf8");
      b = Buffer.concat([b.subarray(0, p), extra, b.subarray(p)]);
    } else if (soort === 4) b = b.subarray(0, p);
    else {
      const q = Math.floor(r() * b.length);
      const [x, y] = [Math.min(p, q), Math.max(p, q)];
      b = Buffer.concat([b.subarray(0, x), b.subarray(y), b.subarray(x, y)]);
    }
  }
  return b;
}

/**
 * Runs one case against the deadline. A case whose promise does not settle in time is refused by
 * the timer; one that settles late (it held the thread, so the timer could not fire) by its
 * measured duration. Both name the case, so that SWI_FUZZ_ZAAD and the case number reproduce it.
 */
async function binnenTermijn<T>(naam: string, werk: () => Promise<T>, termijnMs = TERMIJN_MS): Promise<T> {
  const begin = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const verlopen = new Promise<never>((_, weiger) => {
    timer = setTimeout(() => weiger(new Error(`${naam}: na ${termijnMs} ms nog geen oordeel`)), termijnMs);
  });
  try {
    const uit = await Promise.race([werk(), verlopen]);
    const duur = performance.now() - begin;
    if (duur > termijnMs) throw new Error(`${naam}: duurde ${Math.round(duur)} ms, de termijn is ${termijnMs} ms`);
    return uit;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A thread that watches the test thread from outside. An endless synchronous loop (a regular
 * expression gone exponential, say) blocks every timer of the test thread and would hang the
 * run without a word; the watchdog then writes which case it was and, with `stoppen`, kills the
 * test process so that the run fails instead of hanging.
 */
function startWaakhond(label: string, termijnMs: number, stoppen: boolean) {
  // [0] 1 while a case runs, [1] its number, [2] its start (ms since `nul`), [3] 1 once expired, [4] 1 to stop.
  const stand = new Int32Array(new SharedArrayBuffer(5 * 4));
  const nul = Date.now();
  const code = `
    const { workerData } = require("node:worker_threads");
    const { stand, nul, termijnMs, label, stoppen } = workerData;
    for (;;) {
      Atomics.wait(stand, 4, 0, 50);
      if (Atomics.load(stand, 4) === 1) break;
      if (Atomics.load(stand, 0) !== 1) continue;
      const duur = Date.now() - nul - Atomics.load(stand, 2);
      if (duur <= termijnMs) continue;
      Atomics.store(stand, 3, 1);
      if (stoppen) {
        require("node:fs").writeSync(2, "\\n" + label + ", geval " + Atomics.load(stand, 1) +
          ": houdt de thread al " + duur + " ms vast; de fuzz-run wordt gestopt.\\n");
        process.kill(process.pid, "SIGKILL");
      }
      break;
    }`;
  const worker = new Worker(code, { eval: true, workerData: { stand, nul, termijnMs, label, stoppen } });
  worker.unref();
  return {
    begin(geval: number) {
      Atomics.store(stand, 2, Date.now() - nul);
      Atomics.store(stand, 1, geval);
      Atomics.store(stand, 0, 1);
    },
    klaar() {
      Atomics.store(stand, 0, 0);
    },
    verlopen: () => Atomics.load(stand, 3) === 1,
    async stop() {
      Atomics.store(stand, 4, 1);
      Atomics.notify(stand, 4);
      await worker.terminate();
    },
  };
}

/** Resident set size before, and its high-water mark after every case. */
function geheugenmeter() {
  const begin = process.memoryUsage.rss();
  let piek = begin;
  return {
    meet() {
      piek = Math.max(piek, process.memoryUsage.rss());
    },
    groei: () => piek - begin,
    tekst: () =>
      `RSS ${Math.round(begin / MB)} MB, piek ${Math.round(piek / MB)} MB (+${Math.round((piek - begin) / MB)} MB)`,
  };
}

/** The loop every fuzz test shares: each case within its deadline, watched, memory measured. */
async function fuzz(soort: string, aantal: number, zaad: number, geval: (i: number) => Promise<void>) {
  const label = `fuzz ${soort} (zaad ${zaad})`;
  const waakhond = startWaakhond(label, 5 * TERMIJN_MS, true);
  const geheugen = geheugenmeter();
  const begin = performance.now();
  try {
    for (let i = 0; i < aantal; i++) {
      waakhond.begin(i);
      await binnenTermijn(`${label}, geval ${i}`, () => geval(i));
      waakhond.klaar();
      geheugen.meet();
    }
  } finally {
    await waakhond.stop();
  }
  console.info(`${label}: ${aantal} gevallen in ${Math.round(performance.now() - begin)} ms, ${geheugen.tekst()}`);
  expect(geheugen.groei(), `${label}: geheugengroei ${geheugen.tekst()}`).toBeLessThan(MAX_GROEI);
}

function verwachtOordeel(u: TechnischeUitkomst) {
  expect(typeof u.accepted).toBe("boolean");
  expect(u.errors.length).toBeLessThanOrEqual(MAX_FOUTEN);
  expect(u.errorCount).toBeGreaterThanOrEqual(u.errors.length);
  if (u.accepted) {
    expect(u.errors).toEqual([]);
    expect(u.levering).toBeDefined();
  } else {
    expect(u.errors.length).toBeGreaterThan(0);
    for (const f of u.errors) {
      expect(f.rule).toMatch(/^T(0[1-9]|10)$/);
      expect(f.message.length).toBeGreaterThan(10);
      // Messages never quote server paths.
      expect(f.message).not.toMatch(/\/tmp\/|\/work\/|ENOENT/);
    }
  }
}

const geldig = Buffer.from(
  leveringXml({
    personen: [persoonXml(0, { na: pipXml() + gesprekXml() + boeteXml() }), persoonXml(1), persoonXml(2)],
  }),
  "utf8",
);

describe(`fuzz van de intake (${GEVALLEN} gevallen, zaad ${ZAAD})`, () => {
  it("elk gemuteerd XML-bestand krijgt een oordeel, nooit een crash", { timeout: TEST_TIMEOUT }, async () => {
    // The starting point itself is a clean delivery.
    expect((await controleerXml(Readable.from([geldig]), NAAM, CTX)).accepted).toBe(true);
    const r = prng(ZAAD);
    let afgekeurd = 0;
    await fuzz("XML", GEVALLEN, ZAAD, async () => {
      const invoer = muteer(geldig, r);
      const u = await controleerXml(Readable.from([invoer]), NAAM, CTX);
      verwachtOordeel(u);
      // Bytes go through the byte scanner (the saxes path when it gives up): word for word the same.
      expect(await controleerXml(invoer, NAAM, CTX)).toEqual(u);
      if (!u.accepted) afgekeurd++;
    });
    // Mutations almost always break something; a run where nothing is rejected tests nothing.
    expect(afgekeurd).toBeGreaterThan(GEVALLEN / 2);
  });

  it("elke gemuteerde zip krijgt per lid of als geheel een oordeel", { timeout: TEST_TIMEOUT }, async () => {
    const r = prng(ZAAD + 1);
    const zip = maakZip([{ naam: NAAM, data: geldig }]);
    const aantal = Math.max(20, Math.floor(GEVALLEN / 5));
    await fuzz("zip", aantal, ZAAD + 1, async (i) => {
      const pad = schrijfTijdelijk(`fuzz-${i}.zip`, muteer(zip, r), map);
      const uit: TechnischeUitkomst[] = [];
      for await (const u of leesAanlevering({ naam: `fuzz-${i}.zip`, pad }, CTX)) uit.push(u);
      expect(uit.length).toBeGreaterThan(0);
      uit.forEach(verwachtOordeel);
      fs.rmSync(pad);
    });
  });
});

// The guards above would be worthless if they could not fail; here they are made to.
describe("de bewaking van de fuzz-run", () => {
  it("een geval dat nooit een oordeel geeft, faalt op de termijn met zijn nummer", async () => {
    await expect(binnenTermijn("fuzz XML (zaad 1), geval 7", () => new Promise(() => {}), 100)).rejects.toThrow(
      "fuzz XML (zaad 1), geval 7: na 100 ms nog geen oordeel",
    );
  });

  it("een geval dat de thread vasthoudt, faalt op zijn gemeten duur", async () => {
    const bezig = async () => {
      const tot = performance.now() + 150;
      while (performance.now() < tot);
    };
    await expect(binnenTermijn("geval 3", bezig, 100)).rejects.toThrow(/geval 3: duurde \d+ ms, de termijn is 100 ms/);
    await expect(binnenTermijn("geval 4", async () => "oordeel", 100)).resolves.toBe("oordeel");
  });

  it("de waakhond ziet een geblokkeerde thread, waar geen timer meer afgaat", async () => {
    const waakhond = startWaakhond("proef", 200, false);
    try {
      // Give the watchdog thread time to start, then block this thread well past its limit.
      await new Promise((r) => setTimeout(r, 300));
      waakhond.begin(1);
      const tot = performance.now() + 1500;
      while (performance.now() < tot);
      waakhond.klaar();
      expect(waakhond.verlopen()).toBe(true);
    } finally {
      await waakhond.stop();
    }
    const rustig = startWaakhond("proef", 200, false);
    try {
      await new Promise((r) => setTimeout(r, 300));
      rustig.begin(2);
      rustig.klaar();
      await new Promise((r) => setTimeout(r, 400));
      expect(rustig.verlopen()).toBe(false);
    } finally {
      await rustig.stop();
    }
  });
});
