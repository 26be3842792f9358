/**
 * Guards the raw bytes before the XML parser sees them: refuses a 0-byte file, UTF-16/32,
 * invalid UTF-8 and any `<!DOCTYPE` (also when split over two chunks), and turns valid
 * UTF-8 chunks into strings without ever splitting a multi-byte character.
 *
 * Why a DOCTYPE is refused on the bytes: a DTD is the only way to entity expansion
 * (billion laughs) and external entities (XXE). Refusing it before parsing means no parser
 * in this project ever processes one, whatever its options.
 */
import { isUtf8 } from "node:buffer";
import { bestandssoort, ZIP_BESTAND } from "./bestandssoort";

const DOCTYPE = Buffer.from("<!DOCTYPE", "latin1");
const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/** A byte-level refusal (T02). offset: bytes into the chunk given to lees(), for the line number. */
export class BytewachtFout extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export class Bytewacht {
  private totaal = 0;
  private begin = true;
  /** Bytes of an incomplete UTF-8 character (or of the first, too short, chunk) kept for the next chunk. */
  private rest: Buffer | null = null;
  /** The last bytes of the previous chunk, to find a `<!DOCTYPE` that spans two chunks. */
  private staart: Buffer = Buffer.alloc(0);

  /** The decoded text of this chunk (possibly empty); throws BytewachtFout. */
  lees(chunk: Buffer): string {
    this.totaal += chunk.length;
    this.zoekDoctype(chunk);

    let data = chunk;
    let restLengte = 0;
    if (this.rest !== null) {
      restLengte = this.rest.length;
      data = Buffer.concat([this.rest, chunk]);
      this.rest = null;
    }
    if (this.begin) {
      if (data.length < 4) {
        this.rest = data;
        return "";
      }
      data = this.controleerBegin(data);
    }

    const heel = eindeVanLaatsteHeleTeken(data);
    if (heel < data.length) this.rest = data.subarray(heel);
    const deel = heel < data.length ? data.subarray(0, heel) : data;
    if (!isUtf8(deel)) {
      throw new BytewachtFout(geenUtf8Bericht(deel), Math.max(0, eersteOngeldigeByte(deel) - restLengte));
    }
    return deel.toString("utf8");
  }

  /** Call at the end of the input; returns remaining text, throws BytewachtFout. */
  einde(): string {
    if (this.totaal === 0) {
      throw new BytewachtFout("Het bestand is leeg (0 bytes). Lever het bestand opnieuw aan.", 0);
    }
    if (this.rest === null) return "";
    const data = this.begin ? this.controleerBegin(this.rest) : this.rest;
    this.rest = null;
    if (!isUtf8(data)) throw new BytewachtFout(geenUtf8Bericht(data), 0);
    return data.toString("utf8");
  }

  private controleerBegin(data: Buffer): Buffer {
    this.begin = false;
    const [b0, b1, b2] = [data[0], data[1], data[2]];
    if (b0 === BOM_UTF8[0] && b1 === BOM_UTF8[1] && b2 === BOM_UTF8[2]) return data.subarray(3);
    if (
      (b0 === 0xff && b1 === 0xfe) ||
      (b0 === 0xfe && b1 === 0xff) ||
      (b0 === 0x3c && b1 === 0) ||
      (b0 === 0 && b1 === 0x3c)
    ) {
      throw new BytewachtFout(
        "Het bestand is opgeslagen als UTF-16; alleen UTF-8 is toegestaan. Sla het bestand op als UTF-8 en lever het opnieuw aan.",
        0,
      );
    }
    const soort = bestandssoort(data);
    if (soort !== null) {
      throw new BytewachtFout(
        `Het bestand is geen XML-bestand maar ${soort}. Lever het SWI-bestand aan als XML-bestand in UTF-8` +
          (soort === ZIP_BESTAND ? "; een zip-bestand moet de extensie .zip hebben." : "."),
        0,
      );
    }
    return data;
  }

  private zoekDoctype(chunk: Buffer): void {
    let plek = chunk.indexOf(DOCTYPE);
    if (plek < 0 && this.staart.length > 0) {
      const grens = Buffer.concat([this.staart, chunk.subarray(0, DOCTYPE.length - 1)]);
      if (grens.indexOf(DOCTYPE) >= 0) plek = 0;
    }
    if (plek >= 0) {
      throw new BytewachtFout(
        "Het bestand bevat een <!DOCTYPE>-declaratie. Die is om veiligheidsredenen niet toegestaan " +
          "(een DOCTYPE kan verwijzingen naar andere bestanden of zichzelf herhalende entiteiten bevatten). " +
          "Lever het bestand aan zonder DOCTYPE.",
        plek,
      );
    }
    // Copied, so the tail does not keep the whole chunk alive.
    const bijElkaar = chunk.length >= DOCTYPE.length ? chunk : Buffer.concat([this.staart, chunk]);
    this.staart = Buffer.from(bijElkaar.subarray(Math.max(0, bijElkaar.length - (DOCTYPE.length - 1))));
  }
}

/** Index just past the last complete UTF-8 character; an incomplete one at the end waits for the next chunk. */
function eindeVanLaatsteHeleTeken(data: Buffer): number {
  const n = data.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = data[i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const nodig = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return i + nodig > n ? i : n;
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8 (only called once isUtf8 said no). */
export function eersteOngeldigeByte(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let nodig: number;
    let min: number;
    if ((b & 0xe0) === 0xc0) [nodig, min] = [1, 0x80];
    else if ((b & 0xf0) === 0xe0) [nodig, min] = [2, 0x800];
    else if ((b & 0xf8) === 0xf0) [nodig, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> nodig);
    for (let k = 1; k <= nodig; k++) {
      const c = data[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += nodig + 1;
  }
  return data.length;
}

function geenUtf8Bericht(data: Buffer): string {
  const verklaard = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(data.subarray(0, 200).toString("latin1"))?.[1];
  const basis =
    verklaard && !/^utf-?8$/i.test(verklaard)
      ? `Het bestand is opgeslagen in de tekenset ${verklaard}; alleen UTF-8 is toegestaan.`
      : "Het bestand bevat tekens die geen geldige UTF-8 zijn (bijvoorbeeld een é of ë uit een andere tekenset, zoals Windows-1252 of ISO-8859-1); alleen UTF-8 is toegestaan.";
  return `${basis} Sla het bestand op als UTF-8 en lever het opnieuw aan.`;
}
