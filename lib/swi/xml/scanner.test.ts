import { describe, expect, it } from "vitest";
import {
  boeteXml,
  controleerIntern,
  controleerMetSaxes,
  gesprekXml,
  leveringXml,
  persoonXml,
  pipXml,
} from "../technisch/fixtures.testhulp";
import { Foutenlijst } from "../technisch/fouten";
import { ByteScanner } from "./scanner";
import { StroomValidator } from "./validator";

/** Whether the scanner reads the whole file itself (true) or gives up (the saxes path takes over). */
function scant(xml: string, blok = 64 * 1024): boolean {
  const bytes = new TextEncoder().encode(xml);
  const scanner = new ByteScanner(new StroomValidator(new Foutenlijst()));
  for (let i = 0; i < bytes.length; i += blok) if (!scanner.schrijf(bytes.subarray(i, i + blok))) return false;
  return scanner.sluit();
}

const RIJK = leveringXml({
  personen: [persoonXml(0, { na: pipXml() + gesprekXml() + boeteXml() }), persoonXml(1), persoonXml(2)],
});

describe("byte scanner", () => {
  it.each([1, 2, 7, 64 * 1024])("reads a plain delivery itself, in chunks of %i bytes", (blok) => {
    expect(scant(RIJK, blok)).toBe(true);
    expect(scant(RIJK.replaceAll("\n", "\r\n"), blok)).toBe(true);
  });

  it("also reads plain files with value failures itself, with the same outcome as saxes", async () => {
    const fout = RIJK.replace(/<Geslacht>\d<\/Geslacht>/, "<Geslacht> 4</Geslacht>").replace(
      "<Statistiekcode>40</Statistiekcode>",
      "<Statistiekcode>41</Statistiekcode>",
    );
    expect(scant(fout)).toBe(true);
    const uitkomst = await controleerIntern(fout, undefined, undefined, 5);
    expect(uitkomst.uitkomst.errors.map((f) => f.rule)).toEqual(["T07", "T03"]);
    expect(uitkomst).toEqual(await controleerMetSaxes(fout));
  });

  it.each([
    ["a comment", RIJK.replace("<Personen>", "<Personen><!-- x -->")],
    ["an entity", RIJK.replace(/<Geslacht>\d<\/Geslacht>/, "<Geslacht>&#49;</Geslacht>")],
    ["CDATA", RIJK.replace(/<Geslacht>\d<\/Geslacht>/, "<Geslacht><![CDATA[1]]></Geslacht>")],
    ["a DOCTYPE", RIJK.replace("<SWILevering", '<!DOCTYPE SWILevering SYSTEM "x.dtd"><SWILevering')],
    ["a non-ASCII character", RIJK.replace("<Personen>", "<Personen>é")],
    ["a lone CR", RIJK.replace("<Personen>\n", "<Personen>\r")],
    ["a mismatched end tag", RIJK.replace("</Geslacht>", "</Geslacht2>")],
    ["an unclosed root", RIJK.replace("</SWILevering>", "")],
    ["a namespace prefix", RIJK.replace("<Personen>", "<x:Personen>").replace("</Personen>", "</x:Personen>")],
    ["text after the root", `${RIJK}x`],
    ["a processing instruction", RIJK.replace("<Personen>", "<Personen><?pi x?>")],
  ])("hands %s to the saxes path, which says the same as saxes alone", async (_, xml) => {
    expect(xml).not.toBe(RIJK);
    expect(scant(xml)).toBe(false);
    expect(await controleerIntern(xml, undefined, undefined, 3)).toEqual(await controleerMetSaxes(xml));
  });
});
