import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { normaliseerEmail } from "@/lib/auth/adapter";

/** The same hash next-auth stores (sha256 of token + secret), so a link can be checked without using it up. */
export function hashInlogtoken(token: string): string {
  return createHash("sha256").update(`${token}${env().NEXTAUTH_SECRET}`).digest("hex");
}

export type InlogtokenStaat = "geldig" | "verlopen" | "onbekend";

/** Looks, never touches: a GET of the confirmation page must leave the token usable. */
export async function inlogtokenStaat(email: string, token: string): Promise<InlogtokenStaat> {
  const t = await getDb().verificationToken.findFirst({
    where: { identifier: normaliseerEmail(email), token: hashInlogtoken(token) },
  });
  if (!t) return "onbekend";
  return t.expires.getTime() < Date.now() ? "verlopen" : "geldig";
}
