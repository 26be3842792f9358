/**
 * A small seeded PRNG (sfc32 seeded through cyrb128). Test data must be reproducible from a seed
 * across machines and Node versions, which Math.random is not.
 */

export type Rng = () => number;

function cyrb128(tekst: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < tekst.length; i++) {
    const k = tekst.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of floats in [0, 1), fully determined by the seed. */
export function maakRng(seed: string | number): Rng {
  let [a, b, c, d] = cyrb128(String(seed));
  const rng: Rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still correlate with the seed words.
  for (let i = 0; i < 12; i++) rng();
  return rng;
}

/** An integer in [van, tot] (both inclusive). */
export function geheel(rng: Rng, van: number, tot: number): number {
  return van + Math.floor(rng() * (tot - van + 1));
}

export function kans(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function kies<T>(rng: Rng, opties: readonly T[]): T {
  const waarde = opties[Math.floor(rng() * opties.length)];
  if (waarde === undefined) throw new Error("kies: lege lijst");
  return waarde;
}
