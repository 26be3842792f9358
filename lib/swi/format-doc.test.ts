import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { alleBladen } from "./format";
import { formaatDoc, genereerFormaatDoc, VOORBEELD_XML } from "./format-doc";
import { controleer, CTX } from "./technisch/fixtures.testhulp";

const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "aanleverformaat.md");

describe("docs/aanleverformaat.md", () => {
  it("is exactly what format.ts generates (run `npm run docs:format` after changing the format)", async () => {
    expect(fs.readFileSync(DOC, "utf8")).toBe(await formaatDoc(DOC));
  });

  it("names every element and every code with its meaning", () => {
    const doc = genereerFormaatDoc();
    for (const blad of alleBladen()) {
      expect(doc).toContain(`\`${blad.naam}\``);
      if (blad.type.soort === "code")
        for (const w of blad.type.waarden) expect(doc).toContain(`\`${w.code}\` ${w.label}`);
    }
  });

  it("has an example that passes the technische controle", async () => {
    const u = await controleer(VOORBEELD_XML, "SWI_0153_0153_20261.XML", CTX);
    expect(u.errors).toEqual([]);
    expect(u.aantalPersonen).toBe(2);
    expect(genereerFormaatDoc()).toContain(VOORBEELD_XML.trimEnd());
  });
});
