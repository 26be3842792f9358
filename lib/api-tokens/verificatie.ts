import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { bearerUit, hashToken } from "./tokenwaarde";

/**
 * Who is calling the vendor API: the token's berichtgever, with a contact person's rights there
 * (upload, status, person-level download) and nothing elsewhere. `userId` is the person who issued
 * the token (accountable for it, and a valid user for foreign keys); `email` names the token, so
 * an audit entry written from this actor shows the token, not that person.
 */
export interface ApiTokenActor extends Actor {
  rol: "CONTACTPERSOON";
  berichtgeverId: string;
  berichtgeverCode: string;
  apiToken: { id: string; prefix: string; naam: string };
}

/** Writes at most one lastUsedAt per token per minute: polling clients would otherwise write on every call. */
const GEBRUIK_BIJWERKEN_NA_MS = 60_000;

/** The actor for a valid, unrevoked token of an active berichtgever; null otherwise. */
export async function verifieerToken(token: string, nu: Date = new Date()): Promise<ApiTokenActor | null> {
  const db = getDb();
  const rij = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { berichtgever: { select: { code: true, actief: true } } },
  });
  if (!rij || rij.revokedAt || !rij.berichtgever.actief) return null;
  if (!rij.lastUsedAt || nu.getTime() - rij.lastUsedAt.getTime() > GEBRUIK_BIJWERKEN_NA_MS) {
    await db.apiToken.update({ where: { id: rij.id }, data: { lastUsedAt: nu } });
  }
  return {
    userId: rij.createdById,
    email: `api-token:${rij.prefix}`,
    naam: `API-token ${rij.naam}`,
    rol: "CONTACTPERSOON",
    berichtgeverId: rij.berichtgeverId,
    berichtgeverCode: rij.berichtgever.code,
    apiToken: { id: rij.id, prefix: rij.prefix, naam: rij.naam },
  };
}

export async function verifieerBearer(authorization: string | null | undefined): Promise<ApiTokenActor | null> {
  const token = bearerUit(authorization);
  return token ? verifieerToken(token) : null;
}
