/** The published XSD (swi-2026.xsd) as a file, for `swi xsd` and the portal's download. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const XSD_BESTANDSNAAM = "swi-2026.xsd";

function vindXsd(): string {
  // Beside this module when run from source (tsx, vitest); from the project root otherwise
  // (a bundled server, where import.meta.url points elsewhere or is no file URL).
  try {
    const p = path.join(path.dirname(fileURLToPath(import.meta.url)), XSD_BESTANDSNAAM);
    if (fs.existsSync(p)) return p;
  } catch {
    // fall through
  }
  return path.join(process.cwd(), "lib", "swi", "schema", XSD_BESTANDSNAAM);
}

/** Absolute path of the XSD file. */
export const XSD_PATH: string = vindXsd();

/** The XSD as text (UTF-8). */
export function leesXsd(): string {
  return fs.readFileSync(XSD_PATH, "utf8");
}
