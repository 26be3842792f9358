/**
 * Writes docs/regels.md from the rule catalogue (lib/swi/regels.ts):  npm run docs:regels
 *
 * The text goes through prettier with the project's settings, so `prettier --check .` accepts the
 * generated file; a test (lib/swi/regels.test.ts) fails when the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { regelsMarkdown } from "../lib/swi/regels";

export const REGELS_DOC = path.resolve(__dirname, "..", "docs", "regels.md");

export async function regelsDoc(): Promise<string> {
  const config = (await resolveConfig(REGELS_DOC)) ?? {};
  return format(regelsMarkdown(), { ...config, parser: "markdown", filepath: REGELS_DOC });
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith("gen-docs-regels")) {
  regelsDoc().then(
    (tekst) => {
      writeFileSync(REGELS_DOC, tekst);
      console.log(`geschreven: ${path.relative(process.cwd(), REGELS_DOC)}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
