/**
 * Small builders for the tests of the intake and technische controle: valid SWI XML with
 * targeted deviations, files in the OS temp folder, and hand-made zip files (so a test can
 * lie in a zip header the way an attacker would).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { ControleContext, TechnischeUitkomst } from "../types";
import { controleerXmlIntern, type XmlControle } from "./controleer-xml";

export const NAAM = "SWI_0153_0153_20261.XML";

/** Received well after Q1 2026; gemeenten 0153 and 0363 exist. */
export const CTX: ControleContext = {
  received: 20260415,
  codelijst: () => new Set(["0153", "0363"]),
};

const BSNS: string[] = [];

/** The i-th 9-digit number (from 100000000 up) that passes the eleven-test. */
export function geldigBsn(i: number): string {
  let n = BSNS.length === 0 ? 100_000_000 : Number(BSNS[BSNS.length - 1]) + 1;
  while (BSNS.length <= i) {
    const s = String(n++);
    let som = 0;
    for (let k = 0; k < 8; k++) som += (s.charCodeAt(k) - 48) * (9 - k);
    som -= s.charCodeAt(8) - 48;
    if (som % 11 === 0) BSNS.push(s);
  }
  return BSNS[i]!;
}

/** Element name → value; null leaves the element out; a value is written as is (not escaped). */
export type Velden = Record<string, string | null>;

const KOP: [string, string][] = [
  ["Statistiekjaar", "2026"],
  ["Statistiekkwartaal", "1"],
  ["Statistiekcode", "40"],
  ["NaamSoftwarepakket", "ssd"],
  ["VersieSoftwarepakket", "2026.1.4"],
  ["Berichtgevercode", "0153"],
  ["Gemeentecode", "0153"],
];

const PERSOON: [string, string | null][] = [
  ["Burgerservicenummer", ""], // filled per person
  ["Geboortedatum", "19910514"],
  ["Geslacht", "2"],
  ["TypeMigrant", "1"],
  ["MaatschappelijkeBegeleidingBegindatum", "20250903"],
  ["OntzorgenBegindatum", null],
  ["OntzorgenEinddatum", null],
  ["BredeIntakeBegindatum", "20250910"],
  ["BredeIntakeUrenTaalKNM", null],
  ["WaarschuwingNietVerschijnenIntakeDatum", null],
  ["Alfabetiseringscursus", "1"],
  ["Analfabetisme", null],
  ["PVTOndertekeningsdatum", "20260115"],
  ["MAPDatumEersteActiviteit", null],
  ["MAPDatumEindgesprek", null],
  ["ZRouteInschattingTaalniveau", null],
  ["ZRouteLezen", null],
  ["ZRouteSchrijven", null],
  ["ZRouteSpreken", null],
  ["ZRouteLuisteren", null],
  ["EindeBegeleidingReden", null],
  ["EindeBegeleidingDatum", null],
];

function velden(standaard: [string, string | null][], anders: Velden, inspringing: string): string {
  const bekend = new Set(standaard.map(([n]) => n));
  for (const n of Object.keys(anders)) if (!bekend.has(n)) throw new Error(`fixtures: onbekend veld ${n}`);
  return standaard
    .map(([naam, waarde]) => {
      const v = naam in anders ? anders[naam]! : waarde;
      return v === null ? "" : `${inspringing}<${naam}>${v}</${naam}>\n`;
    })
    .join("");
}

export interface PersoonOpties {
  velden?: Velden;
  /** Raw XML for PIP/Voortgangsgesprek/Boete and anything else, placed after the fields. */
  na?: string;
}

/** One <Persoon> (valid unless told otherwise), BSN geldigBsn(i). */
export function persoonXml(i: number, opties: PersoonOpties = {}): string {
  const v: Velden = { Burgerservicenummer: geldigBsn(i), ...opties.velden };
  return `    <Persoon>\n${velden(PERSOON, v, "      ")}${opties.na ?? ""}    </Persoon>\n`;
}

export function pipXml(v: Velden = {}): string {
  const standaard: [string, string | null][] = [
    ["PIPDatum", "20251020"],
    ["LeerrouteRoute", "1"],
    ["LeerrouteNiveau", "1"],
    ["LeerrouteBegindatum", "20251103"],
    ["LeerrouteEinddatum", null],
  ];
  return `      <PIP>\n${velden(standaard, v, "        ")}      </PIP>\n`;
}

export function gesprekXml(datum = "20260212"): string {
  return `      <Voortgangsgesprek>\n        <VoortgangsgesprekDatum>${datum}</VoortgangsgesprekDatum>\n      </Voortgangsgesprek>\n`;
}

export function boeteXml(v: Velden = {}): string {
  const standaard: [string, string | null][] = [
    ["BoeteDatum", "20260212"],
    ["BoeteReden", "2"],
    ["BoeteBedrag", "250"],
  ];
  return `      <Boete>\n${velden(standaard, v, "        ")}      </Boete>\n`;
}

export interface LeveringOpties {
  kop?: Velden;
  /** Default: one valid person. */
  personen?: string[];
  /** Replaces the XML declaration line (include "\n"); "" for none. */
  prolog?: string;
  /** Attributes of the root element, e.g. ` xmlns="urn:x"`. */
  wortelAttributen?: string;
}

/** A whole SWI file. Line 1 is the declaration, line 2 <SWILevering>, lines 4–10 the kop, the first Persoon on line 13. */
export function leveringXml(opties: LeveringOpties = {}): string {
  const prolog = opties.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>\n';
  const personen = opties.personen ?? [persoonXml(0)];
  return (
    `${prolog}<SWILevering${opties.wortelAttributen ?? ""}>\n  <Levering>\n${velden(KOP, opties.kop ?? {}, "    ")}  </Levering>\n` +
    `  <Personen>\n${personen.join("")}  </Personen>\n</SWILevering>\n`
  );
}

/** The line (1-based) of the first occurrence of `fragment` in `xml`. */
export function regelVan(xml: string, fragment: string, vanaf = 0): number {
  const i = xml.indexOf(fragment, vanaf);
  if (i < 0) throw new Error(`fixtures: ${fragment} niet gevonden`);
  return xml.slice(0, i).split("\n").length;
}

/** Runs controleerXml over the bytes, fed in chunks of `blok` bytes (small blocks test chunk boundaries). */
export async function controleerIntern(
  inhoud: string | Buffer,
  naam = NAAM,
  ctx: ControleContext = CTX,
  blok = 64 * 1024,
): Promise<XmlControle> {
  const bytes = typeof inhoud === "string" ? Buffer.from(inhoud, "utf8") : inhoud;
  const stukken: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += blok) stukken.push(bytes.subarray(i, i + blok));
  return controleerXmlIntern({ lees: () => Readable.from(stukken) }, naam, ctx);
}

/** The same over the saxes path alone (a stream can be read once, so the scanner is skipped). */
export async function controleerMetSaxes(
  inhoud: string | Buffer,
  naam = NAAM,
  ctx: ControleContext = CTX,
  blok = 64 * 1024,
): Promise<XmlControle> {
  const bytes = typeof inhoud === "string" ? Buffer.from(inhoud, "utf8") : inhoud;
  const stukken: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += blok) stukken.push(bytes.subarray(i, i + blok));
  return controleerXmlIntern(Readable.from(stukken), naam, ctx);
}

export async function controleer(
  inhoud: string | Buffer,
  naam = NAAM,
  ctx: ControleContext = CTX,
  blok?: number,
): Promise<TechnischeUitkomst> {
  return (await controleerIntern(inhoud, naam, ctx, blok)).uitkomst;
}

/** A fresh folder in the OS temp folder. */
export function tijdelijkeMap(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "swi-test-"));
}

export function schrijfTijdelijk(naam: string, inhoud: string | Buffer, map = tijdelijkeMap()): string {
  const pad = path.join(map, naam.replace(/[/\\]/g, "_"));
  fs.writeFileSync(pad, inhoud);
  return pad;
}

export interface ZipLid {
  naam: string;
  data?: Buffer;
  /** 0 stored, 8 deflate (default). */
  methode?: number;
  /** Already compressed bytes; with it, data is not used. */
  ruw?: Buffer;
  /** The uncompressed size written in the headers (default: the real one). */
  gedeclareerd?: number;
  versleuteld?: boolean;
}

/** A zip file built by hand, so headers can say anything. */
export function maakZip(leden: ZipLid[]): Buffer {
  const delen: Buffer[] = [];
  const centraal: Buffer[] = [];
  let offset = 0;
  for (const lid of leden) {
    const naam = Buffer.from(lid.naam, "utf8");
    const data = lid.data ?? Buffer.alloc(0);
    const methode = lid.methode ?? (lid.ruw ? 8 : 8);
    const ruw = lid.ruw ?? (methode === 8 ? zlib.deflateRawSync(data) : data);
    const crc = lid.ruw ? 0 : crc32(data);
    const grootte = lid.gedeclareerd ?? data.length;
    const vlag = 0x800 | (lid.versleuteld ? 1 : 0);

    const lokaal = Buffer.alloc(30);
    lokaal.writeUInt32LE(0x04034b50, 0);
    lokaal.writeUInt16LE(20, 4);
    lokaal.writeUInt16LE(vlag, 6);
    lokaal.writeUInt16LE(methode, 8);
    lokaal.writeUInt16LE(0, 10);
    lokaal.writeUInt16LE(0x21, 12);
    lokaal.writeUInt32LE(crc, 14);
    lokaal.writeUInt32LE(ruw.length, 18);
    lokaal.writeUInt32LE(grootte, 22);
    lokaal.writeUInt16LE(naam.length, 26);
    lokaal.writeUInt16LE(0, 28);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(vlag, 8);
    c.writeUInt16LE(methode, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(ruw.length, 20);
    c.writeUInt32LE(grootte, 24);
    c.writeUInt16LE(naam.length, 28);
    c.writeUInt32LE(lid.naam.endsWith("/") ? 0x10 : 0, 38);
    c.writeUInt32LE(offset, 42);
    centraal.push(c, naam);

    delen.push(lokaal, naam, ruw);
    offset += lokaal.length + naam.length + ruw.length;
  }
  const cd = Buffer.concat(centraal);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(leden.length, 8);
  eind.writeUInt16LE(leden.length, 10);
  eind.writeUInt32LE(cd.length, 12);
  eind.writeUInt32LE(offset, 16);
  return Buffer.concat([...delen, cd, eind]);
}

/**
 * A raw deflate stream that inflates to `mib` MiB of zeros while being about 1 KB per MiB:
 * one full-flushed block of 1 MiB zeros repeated (each block only refers to itself), then an
 * empty final block. Built in milliseconds, so a test can hold a >1 GB bomb in ~1 MB.
 */
export function nullenBom(mib: number): Buffer {
  const blok = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  return Buffer.concat([...Array.from({ length: mib }, () => blok), Buffer.from([0x03, 0x00])]);
}

const CRC_TABEL = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABEL[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
