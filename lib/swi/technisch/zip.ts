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
import type { ControleContext, TechnischeUitkomst } from "../types";
import { controleerXml } from "./controleer-xml";
import {
  beoordeelInhoud,
  geenZipBericht,
  nietUitpakbaarBericht,
  onleesbareInhoudsopgaveBericht,
  STANDAARD_ZIP_LIMIETEN,
  TeGrootUitgepakt,
  teveelLedenBericht,
  Uitpakbewaking,
  voegLidToe,
  zipAfgewezen,
  type ZipLidInfo,
  type ZipLimieten,
} from "./zip-controle";

export {
  STANDAARD_ZIP_LIMIETEN,
  TeGrootUitgepakt,
  Uitpakbewaking,
  zipAfgewezen,
  type ZipLimieten,
} from "./zip-controle";

type Lid = ZipLidInfo<yauzl.Entry>;

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
    yield zipAfgewezen(bestand.naam, [geenZipBericht(bestand.naam, await eersteBytes(bestand.pad))]);
    return;
  }
  try {
    let inhoud: Inhoud;
    try {
      inhoud = await leesInhoud(zip, limieten);
    } catch (e) {
      yield zipAfgewezen(
        bestand.naam,
        e instanceof ZipProblemen ? e.problemen : [onleesbareInhoudsopgaveBericht(bestand.naam)],
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
        const stroom = await openLid(zip, lid.bron);
        yield await controleerXml(ReadableStream.from(bewaakt(stroom, lid, bewaking)), lid.naam, ctx);
      }
      return;
    }
    // Refused as a whole, but the members that can be read are still checked, so the sender sees
    // every failure after one upload instead of one more after each next attempt.
    const afgewezen = zipAfgewezen(bestand.naam, problemen);
    for (const lid of leden) {
      const stroom = await openLid(zip, lid.bron);
      const uitkomst = await controleerXml(ReadableStream.from(bewaakt(stroom, lid, bewaking)), lid.naam, ctx);
      voegLidToe(afgewezen, lid.naam, uitkomst);
    }
    yield afgewezen;
  } finally {
    zip.close();
  }
}

/** The first bytes of a file, to say what it is when it is no zip. */
async function eersteBytes(pad: string): Promise<Uint8Array> {
  try {
    const handle = await fsp.open(pad, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return new Uint8Array(0); // unreadable: the general message
  }
}

class ZipProblemen extends Error {
  constructor(readonly problemen: string[]) {
    super(problemen.join(" "));
  }
}

interface Inhoud {
  leden: Lid[];
  problemen: string[];
}

/**
 * Pass 1: the central directory. Throws ZipProblemen when the zip must not be unpacked at all
 * (declared sizes of a zip bomb, too many members); other problems refuse the zip as a whole but
 * leave its readable members to be checked.
 */
async function leesInhoud(zip: yauzl.ZipFile, limieten: ZipLimieten): Promise<Inhoud> {
  const entries = await alleEntries(zip, limieten.maxLeden);
  const { leden, problemen, onveilig } = beoordeelInhoud(
    entries.map((entry): Lid => ({
      naam: yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true),
      versleuteld: entry.isEncrypted(),
      compressiemethode: entry.compressionMethod,
      gecomprimeerd: entry.compressedSize,
      uitgepakt: entry.uncompressedSize,
      bron: entry,
    })),
    limieten,
  );
  if (onveilig) throw new ZipProblemen(problemen);
  return { leden, problemen };
}

function alleEntries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > max) {
        reject(new ZipProblemen([teveelLedenBericht(max)]));
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
      stroom = await openLid(zip, lid.bron);
      for await (const chunk of bewaakt(stroom, lid, bewaking)) void chunk;
    } catch (e) {
      if (e instanceof TeGrootUitgepakt) return e.message;
      return nietUitpakbaarBericht(lid.naam);
    } finally {
      stroom?.destroy();
    }
  }
  return null;
}

async function* bewaakt(stroom: Readable, lid: Lid, bewaking: Uitpakbewaking): AsyncGenerator<Buffer> {
  let lidTotaal = 0;
  try {
    for await (const chunk of stroom) {
      const buf = chunk as Buffer;
      lidTotaal += buf.length;
      bewaking.tel(lid.naam, lid.gecomprimeerd, lidTotaal, buf.length);
      yield buf;
    }
  } finally {
    stroom.destroy();
  }
}
