/**
 * Reads a zip from a Bron the way the server's yauzl does: the central directory first (names,
 * flags, sizes), then one member at a time, inflated with fflate as its compressed bytes are read.
 * Judging what is read is left to lib/swi/technisch/zip-controle.ts, shared with the server.
 */
import { Inflate } from "fflate";
import type { ZipLidInfo } from "@/lib/swi/technisch/zip-controle";
import { LEESBLOK, stukken, type Bron } from "./bron";

export interface LidPositie {
  /** Where the member's local header starts. */
  kopOffset: number;
}

export type Lid = ZipLidInfo<LidPositie>;

/** The file is no zip, or its central directory cannot be read. */
export class GeenZip extends Error {}
/** The central directory is there but damaged. */
export class BeschadigdeZip extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAAL = 0x02014b50;
const LOKAAL = 0x04034b50;

// yauzl decodes names without the UTF-8 flag as CP437, all 256 bytes mapped; the same here, so a
// member's name in a message reads the same in the browser as after the upload.
const CP437 =
  "\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

const utf8 = new TextDecoder("utf-8");

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function naamVan(vlag: number, ruw: Uint8Array, extra: Map<number, Uint8Array>): string {
  const unicode = extra.get(0x7075);
  if (unicode && unicode.length >= 6 && unicode[0] === 1) return utf8.decode(unicode.subarray(5));
  if (vlag & 0x800) return utf8.decode(ruw);
  let s = "";
  for (const b of ruw) s += CP437[b];
  return s;
}

function extraVelden(b: Uint8Array): Map<number, Uint8Array> {
  const velden = new Map<number, Uint8Array>();
  for (let i = 0; i + 4 <= b.length;) {
    const id = u16(b, i);
    const n = u16(b, i + 2);
    if (i + 4 + n > b.length) throw new BeschadigdeZip("extra veld");
    velden.set(id, b.subarray(i + 4, i + 4 + n));
    i += 4 + n;
  }
  return velden;
}

/** The central directory. Throws GeenZip or BeschadigdeZip; stops reading past `maxLeden + 1`. */
export async function leesCentraleMap(bron: Bron, maxLeden: number): Promise<Lid[]> {
  const staartLengte = Math.min(bron.grootte, 22 + 0xffff);
  const staart = await bron.lees(bron.grootte - staartLengte, bron.grootte);
  let eocd = -1;
  for (let i = staart.length - 22; i >= 0; i--) {
    if (u32(staart, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GeenZip("geen einde van de centrale map");
  let aantal = u16(staart, eocd + 10);
  let mapGrootte = u32(staart, eocd + 12);
  let mapOffset = u32(staart, eocd + 16);
  if (aantal === 0xffff || mapGrootte === 0xffffffff || mapOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(staart, loc) !== ZIP64_EOCD_LOCATOR) throw new BeschadigdeZip("zip64 zonder locator");
    const z64Offset = u64(staart, loc + 8);
    const z64 = await bron.lees(z64Offset, z64Offset + 56);
    if (z64.length < 56 || u32(z64, 0) !== ZIP64_EOCD) throw new BeschadigdeZip("zip64-einde");
    aantal = u64(z64, 32);
    mapGrootte = u64(z64, 40);
    mapOffset = u64(z64, 48);
  }
  if (mapOffset + mapGrootte > bron.grootte) throw new BeschadigdeZip("centrale map buiten het bestand");
  const map = await bron.lees(mapOffset, mapOffset + mapGrootte);
  const leden: Lid[] = [];
  let i = 0;
  for (let n = 0; n < aantal && leden.length <= maxLeden; n++) {
    if (i + 46 > map.length || u32(map, i) !== CENTRAAL) throw new BeschadigdeZip("centrale map");
    const vlag = u16(map, i + 8);
    const naamLengte = u16(map, i + 28);
    const extraLengte = u16(map, i + 30);
    const commentaarLengte = u16(map, i + 32);
    if (i + 46 + naamLengte + extraLengte > map.length) throw new BeschadigdeZip("centrale map");
    const ruw = map.subarray(i + 46, i + 46 + naamLengte);
    const extra = extraVelden(map.subarray(i + 46 + naamLengte, i + 46 + naamLengte + extraLengte));
    let gecomprimeerd = u32(map, i + 20);
    let uitgepakt = u32(map, i + 24);
    let kopOffset = u32(map, i + 42);
    const z64 = extra.get(0x0001);
    if (z64) {
      let k = 0;
      if (uitgepakt === 0xffffffff) [uitgepakt, k] = [u64(z64, k), k + 8];
      if (gecomprimeerd === 0xffffffff) [gecomprimeerd, k] = [u64(z64, k), k + 8];
      if (kopOffset === 0xffffffff) kopOffset = u64(z64, k);
    }
    leden.push({
      naam: naamVan(vlag, ruw, extra),
      versleuteld: (vlag & 0x1) !== 0,
      compressiemethode: u16(map, i + 10),
      gecomprimeerd,
      uitgepakt,
      bron: { kopOffset },
    });
    i += 46 + naamLengte + extraLengte + commentaarLengte;
  }
  return leden;
}

// Small pushes into the inflater: a lying member could turn one push into ~1000× its size before
// the bytes can be counted against the zip-bomb limits.
const INFLATE_STAP = 64 * 1024;

/**
 * The unpacked bytes of one member, in pieces. Throws BeschadigdeZip when it cannot be unpacked
 * or unpacks to another size than its central directory entry says (yauzl's validateEntrySizes).
 */
export async function* lidInhoud(
  bron: Bron,
  lid: Lid,
  opGelezen?: (positie: number) => void,
): AsyncGenerator<Uint8Array> {
  const kop = await bron.lees(lid.bron.kopOffset, lid.bron.kopOffset + 30);
  if (kop.length < 30 || u32(kop, 0) !== LOKAAL) throw new BeschadigdeZip("lokale kop");
  const begin = lid.bron.kopOffset + 30 + u16(kop, 26) + u16(kop, 28);
  const eind = begin + lid.gecomprimeerd;
  if (eind > bron.grootte) throw new BeschadigdeZip("lid buiten het bestand");
  let totaal = 0;
  const teVeel = () => {
    if (totaal > lid.uitgepakt) throw new BeschadigdeZip("groter dan opgegeven");
  };
  if (lid.compressiemethode === 0) {
    // Stored: the bytes as they are.
    for await (const stuk of stukken(bron, begin, eind, undefined, opGelezen)) {
      totaal += stuk.length;
      teVeel();
      yield stuk;
    }
  } else {
    // Handed on in pieces of about LEESBLOK: the checker's cost per piece then does not count.
    let uit: Uint8Array[] = [];
    let opgespaard = 0;
    let klaar = false;
    const inflate = new Inflate((data, laatste) => {
      totaal += data.length;
      opgespaard += data.length;
      uit.push(data);
      if (laatste) klaar = true;
    });
    const geefDoor = (): Uint8Array => {
      const stuk = uit.length === 1 ? uit[0]! : samen(uit, opgespaard);
      uit = [];
      opgespaard = 0;
      return stuk;
    };
    const duw = (data: Uint8Array, laatste: boolean) => {
      try {
        inflate.push(data, laatste);
      } catch {
        throw new BeschadigdeZip("inflate");
      }
      teVeel();
    };
    for await (const stuk of stukken(bron, begin, eind, undefined, opGelezen)) {
      for (let p = 0; p < stuk.length; p += INFLATE_STAP) {
        duw(stuk.subarray(p, p + INFLATE_STAP), false);
        if (opgespaard >= LEESBLOK) yield geefDoor();
      }
    }
    if (!klaar) duw(new Uint8Array(0), true);
    if (opgespaard > 0) yield geefDoor();
  }
  if (totaal !== lid.uitgepakt) throw new BeschadigdeZip("andere grootte dan opgegeven");
}

function samen(delen: readonly Uint8Array[], lengte: number): Uint8Array {
  const uit = new Uint8Array(lengte);
  let p = 0;
  for (const d of delen) {
    uit.set(d, p);
    p += d.length;
  }
  return uit;
}
