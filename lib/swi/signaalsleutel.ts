/**
 * The key under which a signal is recognised in a later quarter: an HMAC-SHA256 over BSN, rule and
 * values. A keyed hash, not a plain one, because the BSN space is small (10^9, fewer with the
 * elfproef) and a plain hash of it would be reversed by trying every BSN; without the key the
 * stored value says nothing. The key is passed in so this module stays pure (the portal derives it
 * from its master key, lib/leveringen/signalen.ts).
 */
import { createHmac } from "node:crypto";
import type { Signaal } from "./types";

export function signaalSleutel(sleutel: Uint8Array, s: Pick<Signaal, "bsn" | "rule" | "waarden">): string {
  // JSON of an array: no choice of separator can make two different triples hash alike.
  return createHmac("sha256", sleutel)
    .update(JSON.stringify([s.bsn, s.rule, s.waarden]))
    .digest("base64url");
}

/** The response a signal got (the portal's SignaalReactie), for the next quarter's list. */
export type SignaalReactieSoort = "KLOPT" | "WORDT_HERSTELD" | "VRAAG";

export const REACTIE_TEKST: Record<SignaalReactieSoort, string> = {
  KLOPT: "klopt",
  WORDT_HERSTELD: "wordt hersteld",
  VRAAG: "vraag aan CBS",
};

/** What the previous quarter's list said about the same signal. */
export interface VorigKwartaal {
  reactie: SignaalReactieSoort | null;
}

/** "Wordt hersteld" last quarter but here again: the promise was not kept, so it goes first. */
export function isGemarkeerd(v: VorigKwartaal | undefined): boolean {
  return v?.reactie === "WORDT_HERSTELD";
}

/** The text of the "Vorig kwartaal" column. */
export function vorigKwartaalTekst(v: VorigKwartaal | undefined): string {
  if (!v) return "";
  if (isGemarkeerd(v)) return "ook vorig kwartaal; toen: wordt hersteld (niet hersteld)";
  return v.reactie ? `ook vorig kwartaal; toen: ${REACTIE_TEKST[v.reactie]}` : "ook vorig kwartaal";
}
