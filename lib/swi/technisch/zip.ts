/**
 * A zip delivery: every member must be an SWI XML at the top level; the zip is rejected as a
 * whole (one T01 result named after the zip) when any member breaks that, when two members are
 * about the same gemeente and quarter, or when it unpacks to too much (zip bomb). A zip refused
 * as a whole still has its readable members checked, their failures added to that one result
 * (controles.md: every failure found is reported); a zip bomb is never unpacked.
 *
 * Three passes over the one open zip (yauzl reads members by offset, so this costs no extra
 * I/O beyond decompressing twice):
 *   1. the central directory: names, encryption, compression method, declared sizes;
 *   2. every member decompressed and counted, without parsing: the ACTUAL bytes against the
 *      limits (yauzl's validateEntrySizes also stops a member at its declared size);
 *   3. every member streamed through the technische controle, one result each.
 * Pass 2 makes "rejected as a whole" hold even when the last member is the bomb, without
 * keeping the parsed earlier members in memory meanwhile.
 */
import fsp from "node:fs/promises";
import type { Readable } from "node:stream";
import { Readable as ReadableStream } from "node:stream";
import yauzl from "yauzl";
import type { ControleContext, TechnischeFout, TechnischeUitkomst } from "../types";
import { bestandssoort, lijktXml, XML_BESTAND, ZIP_BESTAND } from "../xml/bestandssoort";
import { BESTANDSNAAM_PATROON, heeftXmlExtensie, heeftZipExtensie, ontleedBestandsnaam } from "./bestandsnaam";
import { controleerXml } from "./controleer-xml";
import { MAX_FOUTEN } from "./fouten";

export interface ZipLimieten {
  /** Total uncompressed bytes of all members together. */
  maxUitgepakt: number;
  /** Uncompressed : compressed per member … */
  maxVerhouding: number;
  /** … once a member has unpacked more than this many bytes (tiny members compress extremely). */
  verhoudingVanaf: number;
  /** Members per zip (the Netherlands has some 342 gemeenten). */
  maxLeden: number;
}

const MiB = 1024 * 1024;
export const STANDAARD_ZIP_LIMIETEN: ZipLimieten = {
  maxUitgepakt: 1024 * MiB,
  maxVerhouding: 200,
  verhoudingVanaf: 1 * MiB,
  maxLeden: 1000,
};

interface Lid {
  entry: yauzl.Entry;
  naam: string;
}

export async function* leesZip(
  bestand: { naam: string; pad: string },
  ctx: ControleContext,
  limieten: ZipLimieten = STANDAARD_ZIP_LIMIETEN,
): AsyncGenerator<TechnischeUitkomst> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(bestand.pad, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch {
    yield zipAfgewezen(bestand.naam, [await geenZipBericht(bestand)]);
    return;
  }
  try {
    let inhoud: Inhoud;
    try {
      inhoud = await leesInhoud(zip, limieten);
    } catch (e) {
      yield zipAfgewezen(
        bestand.naam,
        e instanceof ZipProblemen
          ? e.problemen
          : [`Het zip-bestand ${bestand.naam} is beschadigd: de inhoudsopgave ervan kan niet worden gelezen.`],
      );
      return;
    }
    const { leden, problemen } = inhoud;
    const probleem = await controleerUitpakken(zip, leden, limieten);
    if (probleem !== null) {
      yield zipAfgewezen(bestand.naam, [...problemen, probleem]);
      return;
    }
    const bewaking = new Uitpakbewaking(limieten);
    if (problemen.length === 0) {
      for (const lid of leden) {
        const stroom = await openLid(zip, lid.entry);
        yield await controleerXml(ReadableStream.from(bewaakt(stroom, lid, bewaking)), lid.naam, ctx);
      }
      return;
    }
    // Refused as a whole, but the members that can be read are still checked, so the sender sees
    // every failure after one upload instead of one more after each next attempt.
    const afgewezen = zipAfgewezen(bestand.naam, problemen);
    for (const lid of leden) {
      const stroom = await openLid(zip, lid.entry);
      const uitkomst = await controleerXml(ReadableStream.from(bewaakt(stroom, lid, bewaking)), lid.naam, ctx);
      voegLidToe(afgewezen, lid.naam, uitkomst);
    }
    yield afgewezen;
  } finally {
    zip.close();
  }
}

/** Adds a member's own failures to the result of a zip refused as a whole, each naming the member. */
function voegLidToe(afgewezen: TechnischeUitkomst, lid: string, uitkomst: TechnischeUitkomst): void {
  // The member's name failure is already among the zip's problems.
  const eigen = uitkomst.errors.filter((f) => !(f.rule === "T01" && f.line === null));
  afgewezen.errorCount += uitkomst.errorCount - (uitkomst.errors.length - eigen.length);
  for (const fout of eigen) {
    if (afgewezen.errors.length >= MAX_FOUTEN) break;
    afgewezen.errors.push({ ...fout, message: `In ${lid}: ${fout.message}`, bestand: lid });
  }
}

/**
 * Why a file named .zip cannot be opened as one. The library's own reason is English and can name
 * server paths; the sender gets what the file really is, when its first bytes tell.
 */
async function geenZipBericht(bestand: { naam: string; pad: string }): Promise<string> {
  let begin: Uint8Array = new Uint8Array(0);
  try {
    const handle = await fsp.open(bestand.pad, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
      begin = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable: the general message below.
  }
  const soort = lijktXml(begin) ? XML_BESTAND : bestandssoort(begin);
  if (soort !== null && soort !== ZIP_BESTAND) {
    return (
      `Het bestand ${bestand.naam} is geen zip-bestand maar ${soort}. Lever een zip-bestand aan met daarin de SWI-bestanden` +
      (soort === XML_BESTAND ? ", of lever het XML-bestand los aan met de extensie .XML." : ".")
    );
  }
  return `Het bestand ${bestand.naam} is geen leesbaar zip-bestand: het is beschadigd, niet volledig aangekomen, of geen zip-bestand.`;
}

/** A file refused before its contents are read: one result under its own name, all problems as T01 failures. */
export function zipAfgewezen(naam: string, problemen: readonly string[]): TechnischeUitkomst {
  const errors: TechnischeFout[] = problemen.map((message) => ({ line: null, kenmerk: null, rule: "T01", message }));
  return { fileName: naam, accepted: false, errors, errorCount: errors.length, aantalPersonen: 0 };
}

class ZipProblemen extends Error {
  constructor(readonly problemen: string[]) {
    super(problemen.join(" "));
  }
}

interface Inhoud {
  /** The members that can safely be checked (also when the zip is refused as a whole). */
  leden: Lid[];
  /** Why the zip is refused as a whole; empty when it is not. */
  problemen: string[];
}

/**
 * Pass 1: the central directory. Throws ZipProblemen when the zip must not be unpacked at all
 * (declared sizes of a zip bomb, too many members); other problems refuse the zip as a whole but
 * leave its readable members to be checked.
 */
async function leesInhoud(zip: yauzl.ZipFile, limieten: ZipLimieten): Promise<Inhoud> {
  const entries = await alleEntries(zip, limieten.maxLeden);
  const problemen: string[] = [];
  const leden: Lid[] = [];
  const perKwartaal = new Map<string, string>();
  let gedeclareerd = 0;
  let onveilig = false;
  for (const entry of entries) {
    const naam = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
    const p = naamProbleem(naam);
    if (p !== null) {
      problemen.push(p);
      // Only a plain XML with a name off the pattern is still worth reading; never a path.
      if (!heeftXmlExtensie(naam) || /[/\\]|^[A-Za-z]:/.test(naam)) continue;
    }
    if (entry.isEncrypted()) {
      problemen.push(
        `Het bestand ${naam} in het zip-bestand is versleuteld met een wachtwoord; lever het zip-bestand aan zonder wachtwoord.`,
      );
      continue;
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      problemen.push(
        `Het bestand ${naam} in het zip-bestand is ingepakt met een methode die niet wordt ondersteund; gebruik gewone zip-compressie (deflate).`,
      );
      continue;
    }
    gedeclareerd += entry.uncompressedSize;
    if (isBom(entry.uncompressedSize, entry.compressedSize, limieten)) {
      problemen.push(bomBericht(naam, limieten));
      onveilig = true;
    }
    const sleutel = ontleedBestandsnaam(naam);
    if (sleutel !== null) {
      const kwartaal = `${sleutel.gemeentecode}|${sleutel.statistiekjaar}|${sleutel.statistiekkwartaal}`;
      const eerder = perKwartaal.get(kwartaal);
      if (eerder !== undefined) {
        problemen.push(
          `Het zip-bestand bevat twee bestanden voor gemeente ${sleutel.gemeentecode} over kwartaal ${sleutel.statistiekkwartaal} van ${sleutel.statistiekjaar}: ${eerder} en ${naam}. Lever per gemeente en kwartaal één bestand aan.`,
        );
      } else perKwartaal.set(kwartaal, naam);
    }
    leden.push({ entry, naam });
  }
  if (gedeclareerd > limieten.maxUitgepakt) {
    problemen.push(totaalBericht(limieten));
    onveilig = true;
  }
  if (entries.length === 0) problemen.push("Het zip-bestand is leeg; het moet één of meer SWI-bestanden bevatten.");
  if (onveilig) throw new ZipProblemen(problemen);
  return { leden, problemen };
}

function naamProbleem(naam: string): string | null {
  // Escaped beyond JSON: a bidi override or zero width in the message would make it show another name.
  const toon = JSON.stringify(naam).replace(
    /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  if (naam.endsWith("/") || naam.endsWith("\\")) {
    return `Het zip-bestand bevat een map (${toon}); een zip mag alleen SWI-bestanden bevatten, niet in mappen.`;
  }
  if (naam.startsWith("/") || naam.startsWith("\\") || /^[A-Za-z]:/.test(naam)) {
    return `Het zip-bestand bevat een bestand met een absoluut pad (${toon}); de SWI-bestanden moeten direct in de zip staan, zonder pad.`;
  }
  if (naam.split(/[/\\]/).includes("..")) {
    return `Het zip-bestand bevat een bestand met ".." in het pad (${toon}); dat is niet toegestaan.`;
  }
  if (naam.includes("\\") || naam.includes("/")) {
    return `Het zip-bestand bevat een bestand in een map (${toon}); de SWI-bestanden moeten direct in de zip staan, niet in mappen.`;
  }
  if (heeftZipExtensie(naam)) {
    return `Het zip-bestand bevat een ander zip-bestand (${toon}); een zip in een zip is niet toegestaan. Zet de SWI-bestanden direct in één zip.`;
  }
  if (!heeftXmlExtensie(naam)) {
    return `Het zip-bestand bevat een bestand dat geen SWI-bestand is (${toon}); een zip mag alleen bestanden ${BESTANDSNAAM_PATROON} bevatten.`;
  }
  if (ontleedBestandsnaam(naam) === null) {
    return `De naam van ${toon} in het zip-bestand voldoet niet aan het patroon ${BESTANDSNAAM_PATROON}, bijvoorbeeld SWI_0153_0153_20261.XML.`;
  }
  return null;
}

function alleEntries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > max) {
        reject(new ZipProblemen([`Het zip-bestand bevat meer dan ${max} bestanden; dat is niet toegestaan.`]));
        return;
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function openLid(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/** Pass 2: decompress every member, count actual bytes. Returns the problem, or null. */
async function controleerUitpakken(zip: yauzl.ZipFile, leden: Lid[], limieten: ZipLimieten): Promise<string | null> {
  const bewaking = new Uitpakbewaking(limieten);
  for (const lid of leden) {
    let stroom: Readable | null = null;
    try {
      stroom = await openLid(zip, lid.entry);
      for await (const chunk of bewaakt(stroom, lid, bewaking)) void chunk;
    } catch (e) {
      if (e instanceof TeGrootUitgepakt) return e.message;
      return `Het bestand ${lid.naam} in het zip-bestand kan niet worden uitgepakt; het zip-bestand is beschadigd of gemanipuleerd.`;
    } finally {
      stroom?.destroy();
    }
  }
  return null;
}

export class TeGrootUitgepakt extends Error {}

/** Counts the bytes members really unpack to, across members, against the limits. */
export class Uitpakbewaking {
  private totaal = 0;
  constructor(private readonly limieten: ZipLimieten) {}

  /** Adds n bytes of member `naam` (compressed size `gecomprimeerd`), `lidTotaal` so far; throws TeGrootUitgepakt. */
  tel(naam: string, gecomprimeerd: number, lidTotaal: number, n: number): void {
    this.totaal += n;
    if (this.totaal > this.limieten.maxUitgepakt) throw new TeGrootUitgepakt(totaalBericht(this.limieten));
    if (isBom(lidTotaal, gecomprimeerd, this.limieten)) throw new TeGrootUitgepakt(bomBericht(naam, this.limieten));
  }
}

async function* bewaakt(stroom: Readable, lid: Lid, bewaking: Uitpakbewaking): AsyncGenerator<Buffer> {
  let lidTotaal = 0;
  try {
    for await (const chunk of stroom) {
      const buf = chunk as Buffer;
      lidTotaal += buf.length;
      bewaking.tel(lid.naam, lid.entry.compressedSize, lidTotaal, buf.length);
      yield buf;
    }
  } finally {
    stroom.destroy();
  }
}

function isBom(uitgepakt: number, gecomprimeerd: number, limieten: ZipLimieten): boolean {
  return uitgepakt > limieten.verhoudingVanaf && uitgepakt > limieten.maxVerhouding * Math.max(gecomprimeerd, 1);
}

function grootte(bytes: number): string {
  return bytes >= 1024 * MiB ? `${+(bytes / (1024 * MiB)).toFixed(1)} GB` : `${Math.round(bytes / MiB)} MB`;
}

function totaalBericht(limieten: ZipLimieten): string {
  return `Het zip-bestand pakt uit tot meer dan ${grootte(limieten.maxUitgepakt)}; dat is niet toegestaan. Lever grote bestanden in meerdere zip-bestanden aan.`;
}

function bomBericht(naam: string, limieten: ZipLimieten): string {
  return `Het bestand ${naam} in het zip-bestand wordt bij uitpakken meer dan ${limieten.maxVerhouding} keer zo groot; zo sterk laat een SWI-bestand zich niet inpakken. Het zip-bestand is geweigerd (bescherming tegen zogenaamde zip-bommen).`;
}
