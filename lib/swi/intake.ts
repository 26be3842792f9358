/**
 * Intake: what arrives (an .XML or a .zip of them) becomes one technische controle result per
 * delivery. The entry point for the portal, the API and the CLI.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import type { ControleContext, TechnischeUitkomst } from "./types";
import { bestandsnaamUitleg, heeftXmlExtensie, heeftZipExtensie } from "./technisch/bestandsnaam";
import { controleerXml } from "./technisch/controleer-xml";
import { leesZip, STANDAARD_ZIP_LIMIETEN, zipAfgewezen, type ZipLimieten } from "./technisch/zip";
import { lijktXml } from "./xml/bestandssoort";

export { controleerXml, type XmlBron, type XmlInvoer } from "./technisch/controleer-xml";
export { MAX_FOUTEN } from "./technisch/fouten";
export { STANDAARD_ZIP_LIMIETEN, type ZipLimieten } from "./technisch/zip";
export { BESTANDSNAAM_PATROON, ontleedBestandsnaam, type Bestandsnaam } from "./technisch/bestandsnaam";

/** Read size for XML files: big enough to keep per-chunk overhead negligible, small enough for memory. */
const LEESBLOK = 256 * 1024;

/**
 * The technische controle of an uploaded file.
 * - `.XML` (any case): one result.
 * - `.zip` (any name, any case): one result per member XML, or one rejected result named after
 *   the zip when the zip as a whole is refused.
 * - An XML whose name does not fit the pattern (also one named otherwise whose bytes are XML):
 *   one rejected result with T01 and every failure of its contents.
 * - Anything else: one rejected T01 result.
 * `bestand.naam` is the name as delivered; `bestand.pad` where its bytes are.
 */
export async function* leesAanlevering(
  bestand: { naam: string; pad: string },
  ctx: ControleContext,
  limieten: ZipLimieten = STANDAARD_ZIP_LIMIETEN,
): AsyncGenerator<TechnischeUitkomst> {
  if (heeftZipExtensie(bestand.naam)) {
    yield* leesZip(bestand, ctx, limieten);
    return;
  }
  // A name off the pattern is a T01 failure, but the contents are still checked (controleerXml
  // reports the name too), so one upload shows every failure.
  if (!heeftXmlExtensie(bestand.naam) && !(await begintAlsXml(bestand.pad))) {
    yield zipAfgewezen(bestand.naam, [bestandsnaamUitleg(bestand.naam)]);
    return;
  }
  // Re-readable, so the byte scanner can hand a file it gives up on to the saxes path.
  const invoer = { lees: () => fs.createReadStream(bestand.pad, { highWaterMark: LEESBLOK }) };
  yield await controleerXml(invoer, bestand.naam, ctx);
}

async function begintAlsXml(pad: string): Promise<boolean> {
  try {
    const handle = await fsp.open(pad, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
      return lijktXml(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

export type { TechnischeUitkomst };
