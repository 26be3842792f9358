/**
 * What a file is by its first bytes, for when its extension lies: a PNG, a PDF or a zip named .XML,
 * or an XML named .zip. The technische controle then says what the file really is, instead of an
 * encoding or parse error that sends the sender looking in the wrong place.
 */

export const ZIP_BESTAND = "een zip-bestand";
export const XML_BESTAND = "een XML-bestand";

const HANDTEKENINGEN: readonly [string, readonly number[]][] = [
  [ZIP_BESTAND, [0x50, 0x4b, 0x03, 0x04]],
  [ZIP_BESTAND, [0x50, 0x4b, 0x05, 0x06]], // an empty zip
  ["een gzip-bestand", [0x1f, 0x8b]],
  ["een 7-Zip-bestand", [0x37, 0x7a, 0xbc, 0xaf]],
  ["een RAR-bestand", [0x52, 0x61, 0x72, 0x21]], // Rar!
  ["een PDF-document", [0x25, 0x50, 0x44, 0x46]], // %PDF
  ["een PNG-afbeelding", [0x89, 0x50, 0x4e, 0x47]],
  ["een JPEG-afbeelding", [0xff, 0xd8, 0xff]],
  ["een GIF-afbeelding", [0x47, 0x49, 0x46, 0x38]], // GIF8
  ["een Word- of Excel-bestand", [0xd0, 0xcf, 0x11, 0xe0]], // the pre-2007 Office format
];

/** The kind of file its first bytes show ("een PNG-afbeelding"), or null when they show none of these. */
export function bestandssoort(begin: Uint8Array): string | null {
  for (const [soort, handtekening] of HANDTEKENINGEN) {
    if (begin.length >= handtekening.length && handtekening.every((b, i) => begin[i] === b)) return soort;
  }
  return null;
}

/** Whether the first bytes look like XML: an optional UTF-8 BOM, white space, then `<`. */
export function lijktXml(begin: Uint8Array): boolean {
  let i = begin[0] === 0xef && begin[1] === 0xbb && begin[2] === 0xbf ? 3 : 0;
  while (i < begin.length && (begin[i] === 0x20 || begin[i] === 0x09 || begin[i] === 0x0a || begin[i] === 0x0d)) i++;
  return begin[i] === 0x3c;
}
