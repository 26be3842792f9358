import crypto from "node:crypto";

/**
 * The secret itself. Only its SHA-256 is stored: a stolen database gives no working tokens, and
 * a plain hash suffices because the value is 256 random bits (nothing to brute-force, unlike a
 * password). The recognisable "swi_" start lets secret scanners and people spot a leaked token.
 */
export const TOKEN_VOORVOEGSEL = "swi_";

/** Characters kept in ApiToken.prefix to tell tokens apart in lists ("swi_AbCd1234"). */
const PREFIX_LENGTE = TOKEN_VOORVOEGSEL.length + 8;

/** A value given by the operator (SWI_DEMO_TOKEN) must not be guessable either. */
export const MINIMALE_LENGTE = 20;

export function nieuweTokenwaarde(): string {
  return TOKEN_VOORVOEGSEL + crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenPrefix(token: string): string {
  return token.slice(0, PREFIX_LENGTE);
}

/** The token from an Authorization header ("Bearer <token>"), or null. */
export function bearerUit(authorization: string | null | undefined): string | null {
  const m = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(authorization ?? "");
  return m?.[1] ?? null;
}
