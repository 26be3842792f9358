/**
 * Intake: what arrives (an .XML or a .zip of them) becomes one technische controle result per
 * delivery. The entry point for the portal, the API and the CLI.
 */
import fs from "node:fs";
import type { ControleContext, TechnischeUitkomst } from "./types";
import { bestandsnaamUitleg, heeftXmlExtensie, heeftZipExtensie, ontleedBestandsnaam } from "./technisch/bestandsnaam";
import { controleerXml } from "./technisch/controleer-xml";
import { leesZip, STANDAARD_ZIP_LIMIETEN, zipAfgewezen, type ZipLimieten } from "./technisch/zip";

export { controleerXml } from "./technisch/controleer-xml";
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
 * - Anything else, or an XML whose name does not fit the pattern: one rejected T01 result.
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
  if (!heeftXmlExtensie(bestand.naam) || ontleedBestandsnaam(bestand.naam) === null) {
    yield zipAfgewezen(bestand.naam, [bestandsnaamUitleg(bestand.naam)]);
    return;
  }
  yield await controleerXml(fs.createReadStream(bestand.pad, { highWaterMark: LEESBLOK }), bestand.naam, ctx);
}

export type { TechnischeUitkomst };
