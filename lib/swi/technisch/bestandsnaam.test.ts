import { describe, expect, it } from "vitest";
import { bestandsnaamUitleg, heeftXmlExtensie, heeftZipExtensie, ontleedBestandsnaam } from "./bestandsnaam";

describe("bestandsnaam", () => {
  it("reads SWI_[bgc]_[gem]_[jjjj][q].XML, extension in any case", () => {
    expect(ontleedBestandsnaam("SWI_0153_0363_20261.XML")).toEqual({
      berichtgevercode: "0153",
      gemeentecode: "0363",
      statistiekjaar: 2026,
      statistiekkwartaal: 1,
    });
    expect(ontleedBestandsnaam("SWI_0153_0363_20264.xml")?.statistiekkwartaal).toBe(4);
  });

  it("refuses anything else", () => {
    for (const n of [
      "SWI_0153_0363_20265.XML",
      "SWI_0153_0363_20260.XML",
      "swi_0153_0363_20261.XML",
      "SWI_153_0363_20261.XML",
      "SWI_0153_0363_2026_1.XML",
      "SWI_0153_0363_20261.XML.zip",
      " SWI_0153_0363_20261.XML",
      "SWI_0153_0363_20261.XMLX",
      "map/SWI_0153_0363_20261.XML",
    ]) {
      expect(ontleedBestandsnaam(n), n).toBeNull();
    }
  });

  it("knows the extensions and explains the pattern", () => {
    expect(heeftXmlExtensie("a.Xml")).toBe(true);
    expect(heeftZipExtensie("a.ZiP")).toBe(true);
    expect(heeftZipExtensie("a.zip.xml")).toBe(false);
    expect(bestandsnaamUitleg("x.xml")).toContain("SWI_0153_0153_20261.XML");
  });
});
