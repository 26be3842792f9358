import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MINIMALE_LENGTE, hashToken, nieuweTokenwaarde, tokenPrefix } from "./tokenwaarde";

export const DEMO_TOKEN_NAAM = "Demo-token (seed)";

export interface DemoTokenResultaat {
  berichtgever: string;
  /** The secret when this call made the token; null when one was there already (it cannot be shown again). */
  token: string | null;
  /** True when `token` came from SWI_DEMO_TOKEN rather than being generated. */
  uitOmgeving: boolean;
}

/**
 * Makes sure berichtgever `code` has a demo API token, issued by its contact person. With `waarde`
 * (SWI_DEMO_TOKEN) that value is the token, so tests and demos can know it beforehand; without,
 * a random one is made once. Idempotent; a revoked demo token stays revoked.
 */
export async function zorgVoorDemoToken(
  db: PrismaClient,
  code: string,
  waarde?: string,
): Promise<DemoTokenResultaat | null> {
  const berichtgever = await db.berichtgever.findUnique({
    where: { code },
    include: { contactpersoon: true },
  });
  const uitgever = berichtgever?.contactpersoon?.userId;
  if (!berichtgever || !uitgever) return null;

  if (waarde !== undefined) {
    if (waarde.length < MINIMALE_LENGTE || /\s/.test(waarde)) {
      throw new Error(`SWI_DEMO_TOKEN moet minstens ${MINIMALE_LENGTE} tekens lang zijn, zonder spaties.`);
    }
    const tokenHash = hashToken(waarde);
    const bestaand = await db.apiToken.findUnique({ where: { tokenHash } });
    if (bestaand) {
      if (bestaand.berichtgeverId !== berichtgever.id) {
        throw new Error(`SWI_DEMO_TOKEN is al in gebruik door een andere berichtgever.`);
      }
      return { berichtgever: code, token: null, uitOmgeving: true };
    }
    await db.apiToken.create({
      data: {
        berichtgeverId: berichtgever.id,
        naam: DEMO_TOKEN_NAAM,
        tokenHash,
        prefix: tokenPrefix(waarde),
        createdById: uitgever,
      },
    });
    return { berichtgever: code, token: waarde, uitOmgeving: true };
  }

  const bestaand = await db.apiToken.findFirst({ where: { berichtgeverId: berichtgever.id, naam: DEMO_TOKEN_NAAM } });
  if (bestaand) return { berichtgever: code, token: null, uitOmgeving: false };
  const token = nieuweTokenwaarde();
  await db.apiToken.create({
    data: {
      berichtgeverId: berichtgever.id,
      naam: DEMO_TOKEN_NAAM,
      tokenHash: hashToken(token),
      prefix: tokenPrefix(token),
      createdById: uitgever,
    },
  });
  return { berichtgever: code, token, uitOmgeving: false };
}
