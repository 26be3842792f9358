/**
 * One error type for everything the storage layer refuses, so callers can branch on `code`
 * (e.g. answer 404 for NIET_GEVONDEN) without parsing Dutch messages.
 */
export type OpslagFoutCode =
  /** Missing or malformed configuration (no key, no bucket, …). */
  | "CONFIGURATIE"
  /** The object key is not a safe, well-formed storage key. */
  | "ONGELDIGE_SLEUTEL"
  /** No object under this key. */
  | "NIET_GEVONDEN"
  /** The stored bytes do not authenticate: tampered, truncated, reordered or wrong key. */
  | "BESCHADIGD"
  /** The file was written with a master key that is not configured (anymore). */
  | "ONBEKENDE_HOOFDSLEUTEL";

export class OpslagFout extends Error {
  readonly code: OpslagFoutCode;

  constructor(code: OpslagFoutCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OpslagFout";
    this.code = code;
  }
}

export function isOpslagFout(fout: unknown, code?: OpslagFoutCode): fout is OpslagFout {
  return fout instanceof OpslagFout && (code === undefined || fout.code === code);
}
