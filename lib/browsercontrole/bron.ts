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
 * for the progress bar. The next slice is already being read while the caller works on this one:
 * in a browser every read of a chosen file is a round trip to the browser process.
 */
export async function* stukken(
  bron: Bron,
  vanaf = 0,
  tot = bron.grootte,
  blok = LEESBLOK,
  opGelezen?: (positie: number) => void,
): AsyncGenerator<Uint8Array> {
  const lees = (p: number) =>
    p < tot ? { eind: Math.min(tot, p + blok), data: bron.lees(p, Math.min(tot, p + blok)) } : null;
  let volgende = lees(vanaf);
  try {
    while (volgende !== null) {
      const huidig = volgende;
      const stuk = await huidig.data;
      volgende = lees(huidig.eind);
      opGelezen?.(huidig.eind);
      yield stuk;
    }
  } finally {
    // Stopped early: the read ahead is not wanted, and its failure must not go unhandled.
    volgende?.data.catch(() => {});
  }
}
