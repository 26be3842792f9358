import { describe, expect, it } from "vitest";
import { Bytewacht, BytewachtFout, eersteOngeldigeByte } from "./bytewacht";

function lees(stukken: Buffer[]): string {
  const w = new Bytewacht();
  return stukken.map((s) => w.lees(s)).join("") + w.einde();
}

function inStukken(b: Buffer, n: number): Buffer[] {
  const uit: Buffer[] = [];
  for (let i = 0; i < b.length; i += n) uit.push(b.subarray(i, i + n));
  return uit;
}

describe("Bytewacht", () => {
  const tekst = "<a>é€😀 ü</a>";
  const bytes = Buffer.from(tekst, "utf8");

  it("decodes UTF-8 without splitting a character over chunks", () => {
    for (const n of [1, 2, 3, 5, 64]) expect(lees(inStukken(bytes, n)), `blok ${n}`).toBe(tekst);
  });

  it("drops a UTF-8 BOM, also when it arrives byte by byte", () => {
    const metBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(lees(inStukken(metBom, 1))).toBe(tekst);
    expect(lees([metBom])).toBe(tekst);
  });

  it("refuses invalid UTF-8 and says where", () => {
    const fout = Buffer.from("<a>\nab\xe9c</a>", "latin1");
    try {
      lees([fout]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BytewachtFout);
      expect((e as BytewachtFout).offset).toBe(6);
    }
    expect(() => lees([Buffer.from([0x3c, 0x61, 0xc3])])).toThrow(BytewachtFout); // cut-off character at the end
    expect(() => lees([Buffer.from([0xed, 0xa0, 0x80])])).toThrow(BytewachtFout); // encoded surrogate
  });

  it("finds the first invalid byte", () => {
    expect(eersteOngeldigeByte(Buffer.from("abc", "utf8"))).toBe(3);
    expect(eersteOngeldigeByte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(eersteOngeldigeByte(Buffer.from([0x61, 0xe2, 0x82, 0xac, 0xff]))).toBe(4);
  });

  it("refuses <!DOCTYPE anywhere, across every chunk boundary", () => {
    const b = Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>');
    for (let n = 1; n <= 12; n++) expect(() => lees(inStukken(b, n)), `blok ${n}`).toThrow(/DOCTYPE/);
  });

  it("refuses an empty input and UTF-16", () => {
    expect(() => lees([])).toThrow(/leeg/);
    expect(() => lees([Buffer.alloc(0)])).toThrow(/leeg/);
    expect(() => lees([Buffer.from("\ufeff<a/>", "utf16le")])).toThrow(/UTF-16/);
    expect(() => lees([Buffer.from("<a/>", "utf16le")])).toThrow(/UTF-16/);
  });

  it("says what a file really is when its first bytes are a zip, a PDF or an image", () => {
    const begin = (...b: number[]) => Buffer.concat([Buffer.from(b), Buffer.from("rest van het bestand")]);
    expect(() => lees([begin(0x50, 0x4b, 0x03, 0x04)])).toThrow(
      /geen XML-bestand maar een zip-bestand.*extensie \.zip/,
    );
    expect(() => lees([Buffer.from("%PDF-1.7\n")])).toThrow(/geen XML-bestand maar een PDF-document/);
    // Also when the signature arrives byte by byte.
    expect(() => lees(inStukken(begin(0x89, 0x50, 0x4e, 0x47), 1))).toThrow(/maar een PNG-afbeelding/);
    expect(lees([Buffer.from("<PK/>")])).toBe("<PK/>");
  });

  it("accepts tiny inputs", () => {
    expect(lees([Buffer.from("<a/")])).toBe("<a/");
  });
});
