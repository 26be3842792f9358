/**
 * The fast path of the technische controle: a byte scanner over the UTF-8 input that drives the
 * same checks as the saxes path (StroomValidator) without general-purpose SAX machinery.
 *
 * It only reads the plain XML every SWI export is: ASCII, an optional XML declaration, elements
 * with at most simple attributes, text without references. Anything else — a comment, a CDATA
 * section, an entity, a non-ASCII byte, a DOCTYPE, any well-formedness fault — makes it give up
 * (`schrijf`/`sluit` return false), and the caller checks the whole file again on the saxes
 * path. So every message about malformed XML still comes from one place, word for word, and the
 * scanner only has to be right about what it accepts.
 *
 * Why it is fast: one pass over the bytes with no string per tag or per whitespace text; element
 * names are found by a hash of their bytes; only leaf values and unknown names become strings.
 * Uint8Array only (no Node Buffer), so it can also run in a browser worker.
 */
import { KNOPEN, SOORT_GROEP, type Knoop } from "./knopen";
import type { StroomValidator } from "./validator";

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const VRAAG = 0x3f;
const NL = 0x0a;
const CR = 0x0d;
const SPATIE = 0x20;
const TAB = 0x09;
const AMP = 0x26;
const IS = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const GROEP = SOORT_GROEP;

/** Longer tokens are left to the saxes path, which reports what is too long. */
const MAX_TOKEN = 64 * 1024;
/** Open elements the scanner follows; deeper nesting is left to the saxes path. */
const MAX_STAPEL = 256;

/** Result of scanning: how far complete tokens went, or that the scanner gives up. */
const OPGEVEN = -1;
/** The XML declaration has not fully arrived yet. */
const ONVOLLEDIG = -2;

/** Name bytes: a-z A-Z 0-9 _ . - ; 1 = may also start a name. */
const NAAMTEKEN = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  if (letter) NAAMTEKEN[c] = 1;
  else if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d) NAAMTEKEN[c] = 2;
}

function hash(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

interface Bekend {
  knoop: Knoop;
  bytes: Uint8Array;
}

const OP_HASH = new Map<number, Bekend[]>();
for (const knoop of KNOPEN.values()) {
  const bytes = new Uint8Array(knoop.naam.length);
  let h = 0;
  for (let i = 0; i < knoop.naam.length; i++) {
    bytes[i] = knoop.naam.charCodeAt(i);
    h = hash(h, bytes[i]!);
  }
  const lijst = OP_HASH.get(h) ?? [];
  lijst.push({ knoop, bytes });
  OP_HASH.set(h, lijst);
}

function isWit(c: number): boolean {
  return c === SPATIE || c === NL || c === TAB || c === CR;
}

/** ASCII bytes as a string (the scanner gave up on anything else). */
function tekstVan(data: Uint8Array, van: number, tot: number, metCr: boolean): string {
  let s = "";
  for (let i = van; i < tot; i += 4096) {
    s += String.fromCharCode.apply(null, data.subarray(i, Math.min(tot, i + 4096)) as unknown as number[]);
  }
  // saxes normalises line ends as XML requires; a lone CR already made the scanner give up.
  return metCr ? s.replace(/\r\n/g, "\n") : s;
}

const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])(?:[Uu][Tt][Ff]-?8)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

export class ByteScanner {
  private regel = 1;
  private begin = true;
  private wortelGesloten = false;
  private rest: Uint8Array | null = null;
  private werk = new Uint8Array(0);
  private diepte = 0;
  /** Per open element: its definition, or null and its name in `namen`. */
  private readonly knopen: (Knoop | null)[] = new Array<Knoop | null>(MAX_STAPEL).fill(null);
  private readonly namen: string[] = new Array<string>(MAX_STAPEL).fill("");

  constructor(private readonly validator: StroomValidator) {}

  /** Feeds the next bytes; false: the scanner gives up, check the file on the saxes path. */
  schrijf(stuk: Uint8Array): boolean {
    let data = stuk;
    if (this.rest !== null) {
      // One buffer reused for every chunk: allocating one per chunk kept the collector busy.
      const lengte = this.rest.length + stuk.length;
      if (this.werk.length < lengte) this.werk = new Uint8Array(Math.max(lengte, this.werk.length * 2));
      this.werk.set(this.rest, 0);
      this.werk.set(stuk, this.rest.length);
      data = this.werk.subarray(0, lengte);
      this.rest = null;
    }
    if (this.begin) {
      if (data.length < 6) {
        this.rest = data.slice();
        return true;
      }
      this.begin = false;
      let van = 0;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) van = 3;
      if (data[van] === LT && data[van + 1] === VRAAG) {
        const eind = this.xmlDeclaratie(data, van);
        if (eind === OPGEVEN) return false;
        if (eind === ONVOLLEDIG) {
          this.begin = true;
          this.rest = data.slice();
          return true;
        }
        van = eind;
      } else if (data[van] !== LT && !isWit(data[van]!)) {
        return false;
      }
      data = data.subarray(van);
    }
    const tot = this.scan(data);
    if (tot === OPGEVEN) return false;
    if (tot < data.length) {
      if (data.length - tot > MAX_TOKEN) return false;
      this.rest = data.slice(tot);
    }
    return true;
  }

  /** End of input; false: the scanner gives up (the document is incomplete or not plain). */
  sluit(): boolean {
    if (this.begin) return false;
    if (!this.wortelGesloten) return false;
    // Only white space may follow the root element.
    const rest = this.rest;
    this.rest = null;
    if (rest !== null) {
      for (let i = 0; i < rest.length; i++) {
        const c = rest[i]!;
        if (c === CR ? rest[i + 1] !== NL : !isWit(c)) return false;
      }
    }
    return true;
  }

  /** The XML declaration at `van`; returns where it ends, ONVOLLEDIG or OPGEVEN. */
  private xmlDeclaratie(data: Uint8Array, van: number): number {
    let eind = -1;
    for (let i = van + 2; i < data.length - 1 && i < van + 200; i++) {
      if (data[i] === VRAAG && data[i + 1] === GT) {
        eind = i + 2;
        break;
      }
    }
    if (eind < 0) return data.length < van + 200 ? ONVOLLEDIG : OPGEVEN;
    let nl = 0;
    for (let i = van; i < eind; i++) {
      const c = data[i]!;
      if (c >= 0x7f || (c < 0x20 && !isWit(c))) return OPGEVEN;
      if (c === NL) nl++;
      else if (c === CR && data[i + 1] !== NL) return OPGEVEN;
    }
    if (!XML_DECL.test(tekstVan(data, van, eind, false))) return OPGEVEN;
    this.regel += nl;
    return eind;
  }

  /** Handles every complete token in data; returns where the incomplete rest begins, or OPGEVEN. */
  private scan(data: Uint8Array): number {
    const n = data.length;
    const v = this.validator;
    let i = 0;
    while (i < n) {
      if (data[i] !== LT) {
        // Text up to the next '<'.
        let j = i;
        let nl = 0;
        let nietWit = false;
        let metCr = false;
        for (; j < n; j++) {
          const c = data[j]!;
          if (c === LT) break;
          if (c === NL) nl++;
          else if (c === CR) {
            if (j + 1 >= n) return i;
            if (data[j + 1] !== NL) return OPGEVEN;
            metCr = true;
          } else if (c !== SPATIE && c !== TAB) {
            if (c < 0x20 || c >= 0x7f || c === AMP || c === GT) return OPGEVEN;
            nietWit = true;
          }
        }
        if (j === n) return j - i > MAX_TOKEN ? OPGEVEN : i;
        if (j - i > MAX_TOKEN) return OPGEVEN;
        this.regel += nl;
        if (this.diepte === 0) {
          if (nietWit) return OPGEVEN;
        } else {
          const boven = this.knopen[this.diepte - 1]!;
          if (boven !== null && boven.soort !== GROEP) {
            // A value right before its end tag can be read from the bytes.
            if (!(j + 1 < n && data[j + 1] === SLASH && v.bladBytes(data, i, j))) {
              v.tekst(tekstVan(data, i, j, metCr), this.regel);
            }
          } else if (nietWit) {
            v.tekst(tekstVan(data, i, j, metCr), this.regel);
          }
        }
        i = j;
        continue;
      }
      if (i + 1 >= n) return i;
      const c1 = data[i + 1]!;
      if (c1 === SLASH) {
        const eind = this.eindTag(data, i);
        if (eind === OPGEVEN || eind === i) return eind;
        i = eind;
      } else if (NAAMTEKEN[c1] === 1) {
        const eind = this.startTag(data, i);
        if (eind === OPGEVEN || eind === i) return eind;
        i = eind;
      } else {
        // '<?', '<!' (comment, CDATA, DOCTYPE) and anything malformed: the saxes path.
        return OPGEVEN;
      }
    }
    return n;
  }

  /** `<naam attr="w" ...>` or `<naam/>` at i; returns the end, i when incomplete, or OPGEVEN. */
  private startTag(data: Uint8Array, i: number): number {
    const n = data.length;
    if (this.wortelGesloten || this.diepte >= MAX_STAPEL) return OPGEVEN;
    let j = i + 1;
    let h = 0;
    for (; j < n; j++) {
      const c = data[j]!;
      if (NAAMTEKEN[c] === 0) break;
      h = hash(h, c);
    }
    if (j >= n) return j - i > MAX_TOKEN ? OPGEVEN : i;
    const naamVan = i + 1;
    const naamTot = j;
    let nl = 0;
    let attributen: Record<string, string> | null = null;
    let leeg = false;
    for (;;) {
      // White space, then '>', '/>' or an attribute.
      let wit = false;
      for (; j < n; j++) {
        const c = data[j]!;
        if (c === NL) nl++;
        else if (c === CR) {
          if (j + 1 < n && data[j + 1] !== NL) return OPGEVEN;
        } else if (c !== SPATIE && c !== TAB) break;
        wit = true;
      }
      if (j >= n) return j - i > MAX_TOKEN ? OPGEVEN : i;
      const c = data[j]!;
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= n) return i;
        if (data[j + 1] !== GT) return OPGEVEN;
        j += 2;
        leeg = true;
        break;
      }
      // An attribute needs white space before it, a name, '=', and a quoted plain value.
      if (!wit || NAAMTEKEN[c] !== 1) return OPGEVEN;
      const av = j;
      for (; j < n; j++) {
        const a = data[j]!;
        if (NAAMTEKEN[a] === 0 && a !== 0x3a) break;
      }
      const at = j;
      for (; j < n && (data[j] === SPATIE || data[j] === TAB); j++);
      if (j >= n) return j - i > MAX_TOKEN ? OPGEVEN : i;
      if (data[j] !== IS) return OPGEVEN;
      j++;
      for (; j < n && (data[j] === SPATIE || data[j] === TAB); j++);
      if (j >= n) return i;
      const q = data[j]!;
      if (q !== DQ && q !== SQ) return OPGEVEN;
      const wv = ++j;
      for (; j < n; j++) {
        const a = data[j]!;
        if (a === q) break;
        if (a < 0x20 || a >= 0x7f || a === LT || a === AMP) return OPGEVEN;
      }
      if (j >= n) return j - i > MAX_TOKEN ? OPGEVEN : i;
      const naam = tekstVan(data, av, at, false);
      attributen ??= {};
      if (naam === "__proto__" || Object.prototype.hasOwnProperty.call(attributen, naam)) return OPGEVEN;
      attributen[naam] = tekstVan(data, wv, j, false);
      j++;
    }
    if (j - i > MAX_TOKEN) return OPGEVEN;
    const knoop = this.zoek(data, naamVan, naamTot, h);
    const naam = knoop !== null ? knoop.naam : tekstVan(data, naamVan, naamTot, false);
    const d = this.diepte++;
    this.knopen[d] = knoop;
    this.namen[d] = knoop !== null ? "" : naam;
    this.regel += nl;
    this.validator.openTag(naam, knoop ?? undefined, attributen, this.regel);
    if (leeg) this.sluitElement();
    return j;
  }

  /** `</naam>` at i; returns the end, i when incomplete, or OPGEVEN. */
  private eindTag(data: Uint8Array, i: number): number {
    const n = data.length;
    if (this.diepte === 0) return OPGEVEN;
    let j = i + 2;
    let h = 0;
    for (; j < n; j++) {
      const c = data[j]!;
      if (NAAMTEKEN[c] === 0) break;
      h = hash(h, c);
    }
    const naamTot = j;
    let nl = 0;
    for (; j < n; j++) {
      const c = data[j]!;
      if (c === NL) nl++;
      else if (c === CR) {
        if (j + 1 < n && data[j + 1] !== NL) return OPGEVEN;
      } else if (c !== SPATIE && c !== TAB) break;
    }
    if (j >= n) return j - i > MAX_TOKEN ? OPGEVEN : i;
    if (data[j] !== GT || naamTot === i + 2) return OPGEVEN;
    // The end tag must close the innermost open element (else saxes reports which one).
    const open = this.knopen[this.diepte - 1]!;
    if (open !== null) {
      if (this.zoek(data, i + 2, naamTot, h) !== open) return OPGEVEN;
    } else if (tekstVan(data, i + 2, naamTot, false) !== this.namen[this.diepte - 1]) {
      return OPGEVEN;
    }
    this.regel += nl;
    this.sluitElement();
    return j + 1;
  }

  private sluitElement(): void {
    this.diepte--;
    if (this.diepte === 0) this.wortelGesloten = true;
    this.validator.opSluit();
  }

  /** The definition whose name is data[van..tot), or null. */
  private zoek(data: Uint8Array, van: number, tot: number, h: number): Knoop | null {
    const kandidaten = OP_HASH.get(h);
    if (kandidaten === undefined) return null;
    const lengte = tot - van;
    for (const k of kandidaten) {
      const b = k.bytes;
      if (b.length !== lengte) continue;
      let gelijk = true;
      for (let x = 0; x < lengte; x++) {
        if (b[x] !== data[van + x]) {
          gelijk = false;
          break;
        }
      }
      if (gelijk) return k.knoop;
    }
    return null;
  }
}
