/** The technische controle of one XML delivery, streaming. */
import type { Readable } from "node:stream";
import type { TechnischeUitkomst } from "../types";
import type { ControleContext, LeveringKop } from "../types";
import { Bytewacht, BytewachtFout } from "../xml/bytewacht";
import { ByteScanner } from "../xml/scanner";
import { StroomValidator } from "../xml/validator";
import { bestandsnaamUitleg, ontleedBestandsnaam, type Bestandsnaam } from "./bestandsnaam";
import * as bericht from "./berichten";
import { Foutenlijst } from "./fouten";
import { controleerKop } from "./kop";
import { nieuweTelling } from "../statistisch/bestand";

/** Internal result: the public outcome plus the verdict the published XSD alone would give. */
export interface XmlControle {
  uitkomst: TechnischeUitkomst;
  /** No failure that the XSD would also report (for comparing with xmllint). */
  schemaGeldig: boolean;
}

/**
 * The bytes of one XML file that can be read again from the start (a file on disk, bytes in
 * memory). Such input first goes through the byte scanner; only a file it gives up on (anything
 * beyond plain XML) is read a second time by the saxes path.
 */
export interface XmlInvoer {
  /** A fresh pass over the bytes, from the first. */
  lees(): AsyncIterable<Uint8Array>;
}

export interface XmlOpties {
  /**
   * Count the persons for the file-level checks (uitkomst.telling) instead of keeping them
   * (no uitkomst.levering): what the browser check needs, in the memory of one person.
   */
  alleenTellen?: boolean;
}

/** What controleerXml reads: re-readable input, bytes, or a stream that can be read once. */
export type XmlBron = XmlInvoer | Uint8Array | Readable | AsyncIterable<Uint8Array | string>;

/**
 * Checks one XML file (T01 on its name; T02–T10 on its contents) as it streams.
 * Never throws for a bad file; a read error of the input becomes a T02 failure.
 */
export async function controleerXml(
  input: XmlBron,
  fileName: string,
  ctx: ControleContext,
  opties: XmlOpties = {},
): Promise<TechnischeUitkomst> {
  return (await controleerXmlIntern(input, fileName, ctx, opties)).uitkomst;
}

export async function controleerXmlIntern(
  input: XmlBron,
  fileName: string,
  ctx: ControleContext,
  opties: XmlOpties = {},
): Promise<XmlControle> {
  const invoer = herleesbaar(input);
  if (invoer !== null) {
    const snel = await metScanner(invoer, fileName, ctx, opties);
    if (snel !== null) return snel;
    return metSaxes(invoer.lees(), fileName, ctx, opties);
  }
  return metSaxes(input as AsyncIterable<Uint8Array | string>, fileName, ctx, opties);
}

function herleesbaar(input: XmlBron): XmlInvoer | null {
  if (input instanceof Uint8Array) {
    return {
      lees: async function* () {
        yield input;
      },
    };
  }
  const lees = (input as Partial<XmlInvoer>).lees;
  return typeof lees === "function" ? (input as XmlInvoer) : null;
}

function begin(
  fileName: string,
  opties: XmlOpties,
): { fouten: Foutenlijst; validator: StroomValidator; naam: Bestandsnaam | null } {
  const fouten = new Foutenlijst();
  const naam = ontleedBestandsnaam(fileName);
  if (naam === null) fouten.voeg(null, null, "T01", bestandsnaamUitleg(fileName), false);
  const validator = new StroomValidator(fouten);
  // A fresh count per pass: a file the scanner hands back is counted again from the start.
  if (opties.alleenTellen) validator.telling = nieuweTelling();
  return { fouten, validator, naam };
}

/** The fast path; null when the scanner gives up or reading fails (the saxes path then reports). */
async function metScanner(
  invoer: XmlInvoer,
  fileName: string,
  ctx: ControleContext,
  opties: XmlOpties,
): Promise<XmlControle | null> {
  const { fouten, validator, naam } = begin(fileName, opties);
  const scanner = new ByteScanner(validator);
  try {
    for await (const stuk of invoer.lees()) if (!scanner.schrijf(stuk)) return null;
  } catch {
    return null;
  }
  if (!scanner.sluit()) return null;
  return uitkomst(validator, fouten, naam, fileName, ctx);
}

async function metSaxes(
  input: AsyncIterable<Uint8Array | string>,
  fileName: string,
  ctx: ControleContext,
  opties: XmlOpties,
): Promise<XmlControle> {
  const { fouten, validator, naam } = begin(fileName, opties);
  const wacht = new Bytewacht();
  try {
    for await (const stuk of input) {
      const chunk = alsBuffer(stuk);
      let tekst: string;
      try {
        tekst = wacht.lees(chunk);
      } catch (e) {
        if (!(e instanceof BytewachtFout)) throw e;
        validator.stopMet(validator.huidigeRegel + regeleinden(chunk, e.offset), e.message);
        break;
      }
      if (!validator.schrijf(tekst)) break;
    }
    if (!validator.gestopt) {
      try {
        validator.schrijf(wacht.einde());
        validator.sluit();
      } catch (e) {
        if (!(e instanceof BytewachtFout)) throw e;
        validator.stopMet(validator.huidigeRegel, e.message);
      }
    }
  } catch (e) {
    // The raw error can name server paths; the berichtgever gets a plain message only.
    const code = (e as NodeJS.ErrnoException | null)?.code;
    validator.stopMet(validator.huidigeRegel, bericht.nietLeesbaar(code ? `leesfout ${code}` : "leesfout"));
  } finally {
    (input as Partial<Readable>).destroy?.();
  }
  return uitkomst(validator, fouten, naam, fileName, ctx);
}

function alsBuffer(stuk: Uint8Array | string): Buffer {
  if (typeof stuk === "string") return Buffer.from(stuk, "utf8");
  return Buffer.isBuffer(stuk) ? stuk : Buffer.from(stuk.buffer, stuk.byteOffset, stuk.byteLength);
}

function uitkomst(
  validator: StroomValidator,
  fouten: Foutenlijst,
  naam: Bestandsnaam | null,
  fileName: string,
  ctx: ControleContext,
): XmlControle {
  controleerKop(validator.kop, validator.kopRegels, naam, fileName, ctx, fouten);

  const accepted = fouten.aantal === 0;
  const kopGelezen = Object.keys(validator.kop).length > 0;
  const uitkomst: TechnischeUitkomst = {
    fileName,
    accepted,
    errors: fouten.resultaat(),
    errorCount: fouten.aantal,
    aantalPersonen: validator.aantalPersonen,
    ...(kopGelezen ? { kop: { ...validator.kop } } : {}),
    ...(accepted && validator.telling !== null ? { telling: validator.telling } : {}),
    ...(accepted && validator.telling === null
      ? { levering: { fileName, kop: validator.kop as LeveringKop, personen: validator.personen ?? [] } }
      : {}),
  };
  return { uitkomst, schemaGeldig: fouten.schemaGeldig };
}

function regeleinden(chunk: Buffer, tot: number): number {
  let n = 0;
  let i = chunk.indexOf(10);
  while (i >= 0 && i < tot) {
    n++;
    i = chunk.indexOf(10, i + 1);
  }
  return n;
}
