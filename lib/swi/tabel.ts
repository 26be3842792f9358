/**
 * The one writer of every table file the portal and the CLI hand out (CSV, and the cells of XLSX):
 * a civil servant opens them in a spreadsheet, which evaluates a text cell that starts like a
 * formula (=, +, -, @, tab, CR; OWASP "CSV injection"). Every text cell is neutralised with a
 * leading apostrophe; numbers stay numbers so they can be computed with (-3 stays -3).
 *
 * CSV as Dutch Excel opens it: UTF-8 with BOM, `;` between cells, CRLF between rows.
 */
import { stringify as stringifyStroom, type Stringifier } from "csv-stringify";
import { stringify, type Options } from "csv-stringify/sync";

export type Cel = string | number | boolean | null | undefined;

/** A spreadsheet evaluates a cell that starts like a formula; an apostrophe makes it text. */
export function zonderFormule(waarde: string): string {
  return /^[=+\-@\t\r]/.test(waarde) ? `'${waarde}` : waarde;
}

/** A cell as written: text neutralised, numbers as numbers, nothing as empty. */
export function veiligeCel(c: Cel): string | number {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return Number.isFinite(c) ? c : "";
  if (typeof c === "boolean") return c ? "ja" : "nee";
  return zonderFormule(c);
}

export interface CsvOpties {
  /** Text cells matching this are quoted, e.g. BSNs, so a spreadsheet keeps their leading zero. */
  aanhalen?: RegExp;
}

function csvOpties(opties: CsvOpties): Options {
  return {
    delimiter: ";",
    record_delimiter: "\r\n",
    bom: true,
    // csv-stringify applies these to every cell, so no caller can forget one.
    cast: {
      string: (v) => String(veiligeCel(v)),
      boolean: (v) => String(veiligeCel(v)),
      number: (v) => String(veiligeCel(v)),
    },
    ...(opties.aanhalen ? { quoted_match: opties.aanhalen } : {}),
  };
}

/** A whole CSV file as text, BOM included. */
export function csvTekst(rijen: readonly (readonly Cel[])[], opties: CsvOpties = {}): string {
  return stringify(rijen as Cel[][], csvOpties(opties));
}

/** A CSV written row by row (long exports): write arrays of cells, read the file's bytes. */
export function csvStroom(opties: CsvOpties = {}): Stringifier {
  return stringifyStroom(csvOpties(opties));
}
