/**
 * Node's Buffer for the worker bundle only (the build aliases `node:buffer` here and injects
 * `Buffer`): lib/swi's byte guard and XML check are written against Buffer and `isUtf8`. The
 * `buffer` package decodes UTF-8 and searches in plain JavaScript, several times slower than the
 * browser's TextDecoder and Uint8Array.indexOf, so those two paths use the browser's own; the
 * UTF-8 check decodes once and the decode that follows it reuses the text.
 */
import { Buffer } from "buffer";

// ignoreBOM: a U+FEFF at the start of a later piece is content, as in Node.
const streng = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const los = new TextDecoder("utf-8", { ignoreBOM: true });
let laatste: { data: Uint8Array; tekst: string } | null = null;

export function isUtf8(data: Uint8Array): boolean {
  try {
    laatste = { data, tekst: streng.decode(data) };
    return true;
  } catch {
    laatste = null;
    return false;
  }
}

type ToString = (this: Uint8Array, encoding?: string, start?: number, end?: number) => string;
type IndexOf = (this: Uint8Array, waarde: unknown, vanaf?: number, encoding?: string) => number;
const proto = Buffer.prototype as unknown as { toString: ToString; indexOf: IndexOf };
const origineelToString = proto.toString;
const origineelIndexOf = proto.indexOf;

proto.toString = function (encoding, start, end) {
  if (
    (encoding === undefined || encoding === "utf8" || encoding === "utf-8") &&
    start === undefined &&
    end === undefined
  ) {
    if (laatste !== null && laatste.data === this) {
      const tekst = laatste.tekst;
      laatste = null;
      return tekst;
    }
    return los.decode(this);
  }
  return origineelToString.call(this, encoding, start, end);
};

proto.indexOf = function (waarde, vanaf, encoding) {
  if (!(waarde instanceof Uint8Array) || waarde.length === 0 || encoding !== undefined || (vanaf ?? 0) < 0) {
    return origineelIndexOf.call(this, waarde, vanaf, encoding);
  }
  const eerste = waarde[0]!;
  let i = Uint8Array.prototype.indexOf.call(this, eerste, vanaf ?? 0);
  while (i >= 0 && i + waarde.length <= this.length) {
    let k = 1;
    while (k < waarde.length && this[i + k] === waarde[k]) k++;
    if (k === waarde.length) return i;
    i = Uint8Array.prototype.indexOf.call(this, eerste, i + 1);
  }
  return -1;
};

export { Buffer };
