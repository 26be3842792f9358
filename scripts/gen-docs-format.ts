/** Writes docs/aanleverformaat.md from lib/swi/format.ts (`npm run docs:format`). */
import fs from "node:fs";
import path from "node:path";
import { formaatDoc } from "../lib/swi/format-doc";

async function main() {
  const doel = path.join(__dirname, "..", "docs", "aanleverformaat.md");
  fs.writeFileSync(doel, await formaatDoc(doel));
  console.log(`Geschreven: ${path.relative(process.cwd(), doel)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
