/**
 * What the browser check reads from: a Blob (the chosen File) read slice by slice, so a 140 MB
 * file is streamed and never held whole. Also works in Node (Blob is global there), which is how
 * the unit tests run it.
 */

/** Bytes per read: large enough that the per-slice cost of Blob.arrayBuffer() does not count. */
export const LEESBLOK = 1024 * 1024;

export interface Bron {
  readonly grootte: number;
  /** Bytes [vanaf, tot), fewer at the end of the source. */
  lees(vanaf: number, tot: number): Promise<Uint8Array>;
}

export function blobBron(blob: Blob): Bron {
  return {
    grootte: blob.size,
    lees: async (vanaf, tot) => new Uint8Array(await blob.slice(vanaf, tot).arrayBuffer()),
  };
}

/**
 * The bytes [vanaf, tot) in slices of at most `blok`; `opGelezen` hears the position after each,
 * for the progress bar.
 */
export async function* stukken(
  bron: Bron,
  vanaf = 0,
  tot = bron.grootte,
  blok = LEESBLOK,
  opGelezen?: (positie: number) => void,
): AsyncGenerator<Uint8Array> {
  for (let p = vanaf; p < tot; p += blok) {
    const eind = Math.min(tot, p + blok);
    const stuk = await bron.lees(p, eind);
    opGelezen?.(eind);
    yield stuk;
  }
}
