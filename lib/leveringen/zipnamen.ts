/**
 * The member names of an uploaded zip, read at receipt without a second pass over the file and
 * without unpacking anything: a zip's table of contents (the central directory) sits at its end, so
 * the upload stream keeps its last bytes and yauzl reads the names from those. The full checks of
 * the members (T01) are the processing job's.
 */
import { Readable } from "node:stream";
import yauzl from "yauzl";
import { STANDAARD_ZIP_LIMIETEN } from "@/lib/swi/intake";

/**
 * Enough for the central directory of the largest zip the intake accepts (1000 members of ~100
 * bytes each) plus the longest zip comment (64 KiB).
 */
export const ZIP_STAART_BYTES = 1024 * 1024;

/** Keeps the last `max` bytes of what is added. */
export class Staart {
  private delen: Buffer[] = [];
  private lengte = 0;

  constructor(private readonly max: number = ZIP_STAART_BYTES) {}

  voegToe(stuk: Buffer): void {
    this.delen.push(stuk);
    this.lengte += stuk.length;
    while (this.delen.length > 1 && this.lengte - this.delen[0]!.length >= this.max) {
      this.lengte -= this.delen.shift()!.length;
    }
  }

  bytes(): Buffer {
    const alles = Buffer.concat(this.delen, this.lengte);
    return alles.subarray(Math.max(0, alles.length - this.max));
  }
}

/** Serves reads from the tail of a file; a read before it fails (the listing then falls back). */
class StaartLezer extends yauzl.RandomAccessReader {
  constructor(
    private readonly staart: Buffer,
    private readonly begin: number,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (start < this.begin) {
      const stroom = new Readable({ read() {} });
      process.nextTick(() => stroom.destroy(new Error("buiten de bewaarde staart")));
      return stroom;
    }
    return Readable.from([this.staart.subarray(start - this.begin, end - this.begin)]);
  }
}

export interface ZipLid {
  naam: string;
  /** The unpacked size the zip declares. */
  grootte: number;
}

/**
 * Characters a member name cannot be recorded or shown with: NUL, which PostgreSQL text refuses
 * (the whole upload failed on it), other control characters, and invisible formatting characters
 * that make a name show as another in the portal and the mail.
 */
const ONTOONBAAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/u;

/**
 * The files in the zip (folders left out), or null when they cannot be read from the tail (not a
 * zip, damaged, too many members) or a name cannot be recorded: processing then rejects the zip
 * as a whole, under the zip's own name.
 */
export async function zipLedenUitStaart(staart: Buffer, totaal: number): Promise<ZipLid[] | null> {
  try {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromRandomAccessReader(
        new StaartLezer(staart, totaal - staart.length),
        totaal,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
        (fout, z) => (fout ? reject(fout) : resolve(z)),
      ),
    );
    try {
      if (zip.entryCount > STANDAARD_ZIP_LIMIETEN.maxLeden) return null;
      const leden = await new Promise<ZipLid[]>((resolve, reject) => {
        const uit: ZipLid[] = [];
        zip.on("entry", (entry: yauzl.Entry) => {
          const naam = yauzl.getFileNameLowLevel(
            entry.generalPurposeBitFlag,
            entry.fileNameRaw,
            entry.extraFields,
            true,
          );
          if (!naam.endsWith("/") && !naam.endsWith("\\")) uit.push({ naam, grootte: entry.uncompressedSize });
          zip.readEntry();
        });
        zip.on("end", () => resolve(uit));
        zip.on("error", reject);
        zip.readEntry();
      });
      return leden.length > 0 && !leden.some((l) => ONTOONBAAR.test(l.naam)) ? leden : null;
    } finally {
      zip.close();
    }
  } catch {
    return null;
  }
}
