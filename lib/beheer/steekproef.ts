/**
 * A stratified random sample that can be drawn again: the same seed and the same candidates give
 * the same berichtgevers, so a kwaliteitsonderzoek can be shown to be drawn fairly. Pure.
 */
import crypto from "node:crypto";
import { GROOTTEKLASSEN, grootteklasse, type Grootteklasse } from "@/lib/swi/grootteklasse";

export { GROOTTEKLASSE_TEKST, GROOTTEKLASSEN, grootteklasse, type Grootteklasse } from "@/lib/swi/grootteklasse";

/** mulberry32, seeded from the SHA-256 of the seed text: small, fast, and the same everywhere. */
function toeval(seed: string): () => number {
  let a = crypto.createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trekSteekproef<T extends { id: string; personen: number }>(
  kandidaten: readonly T[],
  perKlasse: Record<Grootteklasse, number>,
  seed: string,
): (T & { klasse: Grootteklasse })[] {
  const r = toeval(seed);
  const uit: (T & { klasse: Grootteklasse })[] = [];
  for (const klasse of GROOTTEKLASSEN) {
    // Sorted by id first: the database's order must not change the draw.
    const laag = kandidaten
      .filter((k) => grootteklasse(k.personen) === klasse)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = laag.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [laag[i], laag[j]] = [laag[j]!, laag[i]!];
    }
    for (const k of laag.slice(0, Math.max(0, perKlasse[klasse]))) uit.push({ ...k, klasse });
  }
  return uit;
}
