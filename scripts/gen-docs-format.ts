/** Writes docs/aanleverformaat.md from lib/swi/format.ts (`npm run docs:format`). */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { genereerFormaatDoc } from "../lib/swi/format-doc";

const doel = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "aanleverformaat.md");
fs.writeFileSync(doel, genereerFormaatDoc());
console.log(`Geschreven: ${path.relative(process.cwd(), doel)}`);
