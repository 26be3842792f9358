import { z } from "zod";

/**
 * Input rules that the database also enforces (CHECK constraints in the migration). Validate with
 * these first so a person gets a plain Dutch message instead of a database error.
 */

/** A berichtgever's or gemeente's code: exactly four digits, leading zeros kept. The one pattern. */
export const VIERCIJFERCODE = /^[0-9]{4}$/;

export function isViercijfercode(code: string): boolean {
  return VIERCIJFERCODE.test(code);
}

export const BERICHTGEVERCODE_MELDING = "De berichtgevercode bestaat uit precies 4 cijfers, bijvoorbeeld 0153.";
export const GEMEENTECODE_MELDING = "De gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0363.";

// Trimmed, because codes are often pasted from spreadsheets; never coerced from a number, which
// would have lost the leading zero already.
export const berichtgeverCodeSchema = z
  .string({ error: BERICHTGEVERCODE_MELDING })
  .trim()
  .regex(VIERCIJFERCODE, BERICHTGEVERCODE_MELDING);

export const gemeentecodeSchema = z
  .string({ error: GEMEENTECODE_MELDING })
  .trim()
  .regex(VIERCIJFERCODE, GEMEENTECODE_MELDING);
