/**
 * Fuzzing the intake: random mutations of a valid delivery (and of a zip holding it) must each end
 * in a verdict — accepted, or rejected with rule-coded Dutch messages — never a crash or a hang,
 * and never more stored errors than the cap. SWI_FUZZ_GEVALLEN sets the number of cases (CI runs a
 * bounded number; run a long one by hand: SWI_FUZZ_GEVALLEN=20000 npx vitest run lib/swi/fuzz);
 * SWI_FUZZ_ZAAD reproduces a run.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
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
} from "./technisch/fixtures.test-helpers";

const GEVALLEN = Number(process.env.SWI_FUZZ_GEVALLEN ?? 2000);
const ZAAD = Number(process.env.SWI_FUZZ_ZAAD ?? 20261123);
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
  it("elk gemuteerd XML-bestand krijgt een oordeel, nooit een crash", { timeout: 120_000 }, async () => {
    // The starting point itself is a clean delivery.
    expect((await controleerXml(Readable.from([geldig]), NAAM, CTX)).accepted).toBe(true);
    const r = prng(ZAAD);
    let afgekeurd = 0;
    for (let i = 0; i < GEVALLEN; i++) {
      const invoer = muteer(geldig, r);
      const u = await controleerXml(Readable.from([invoer]), NAAM, CTX);
      verwachtOordeel(u);
      if (!u.accepted) afgekeurd++;
    }
    // Mutations almost always break something; a run where nothing is rejected tests nothing.
    expect(afgekeurd).toBeGreaterThan(GEVALLEN / 2);
  });

  it("elke gemuteerde zip krijgt per lid of als geheel een oordeel", { timeout: 120_000 }, async () => {
    const r = prng(ZAAD + 1);
    const zip = maakZip([{ naam: NAAM, data: geldig }]);
    const aantal = Math.max(20, Math.floor(GEVALLEN / 5));
    for (let i = 0; i < aantal; i++) {
      const pad = schrijfTijdelijk(`fuzz-${i}.zip`, muteer(zip, r), map);
      const uit: TechnischeUitkomst[] = [];
      for await (const u of leesAanlevering({ naam: `fuzz-${i}.zip`, pad }, CTX)) uit.push(u);
      expect(uit.length).toBeGreaterThan(0);
      uit.forEach(verwachtOordeel);
    }
  });
});
