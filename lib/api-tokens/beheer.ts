import { z } from "zod";
import { type Actor, vereisRecht } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/http/fouten";
import { magBerichtgeverZien } from "@/lib/berichtgevers/toegang";
import { getDb, type Db } from "@/lib/db/client";
import { hashToken, nieuweTokenwaarde, tokenPrefix } from "./tokenwaarde";
import { isViercijfercode } from "@/lib/db/validation";
import { type ActieContext, type Tx } from "@/lib/acties/context";

export const tokenNaamSchema = z
  .string()
  .trim()
  .min(1, "Geef de token een naam, bijvoorbeeld de naam van uw softwareleverancier")
  .max(100, "De naam mag hoogstens 100 tekens lang zijn");

export interface ApiTokenOverzicht {
  id: string;
  naam: string;
  /** The first characters of the token, to recognise it ("swi_AbCd1234"). */
  prefix: string;
  aangemaaktOp: Date;
  aangemaaktDoor: string;
  laatstGebruiktOp: Date | null;
  ingetrokkenOp: Date | null;
}

interface BerichtgeverKort {
  id: string;
  code: string;
  naam: string;
}

/** The berichtgever whose tokens the actor manages: NietGevonden for another tenant, GeenRecht without the right. */
async function beheerbareBerichtgever(actor: Actor, code: string, db: Db | Tx = getDb()): Promise<BerichtgeverKort> {
  if (!isViercijfercode(code)) throw new NietGevonden();
  const b = await db.berichtgever.findUnique({ where: { code }, select: { id: true, code: true, naam: true } });
  if (!b || !magBerichtgeverZien(actor, b.id)) throw new NietGevonden();
  vereisRecht(actor, "tokensBeheren");
  return b;
}

export async function apiTokensVanBerichtgever(
  actor: Actor,
  code: string,
): Promise<{ berichtgever: BerichtgeverKort; tokens: ApiTokenOverzicht[] }> {
  const berichtgever = await beheerbareBerichtgever(actor, code);
  const rijen = await getDb().apiToken.findMany({
    where: { berichtgeverId: berichtgever.id },
    include: { createdBy: { select: { naam: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return {
    berichtgever,
    tokens: rijen.map((t) => ({
      id: t.id,
      naam: t.naam,
      prefix: t.prefix,
      aangemaaktOp: t.createdAt,
      aangemaaktDoor: t.createdBy.naam,
      laatstGebruiktOp: t.lastUsedAt,
      ingetrokkenOp: t.revokedAt,
    })),
  };
}

/** Creates a token; the returned `token` is the only time the secret exists outside the caller's hands. */
export async function maakApiToken(
  ctx: ActieContext,
  code: string,
  naam: string,
): Promise<{ token: string; id: string; prefix: string; naam: string }> {
  const berichtgever = await beheerbareBerichtgever(ctx.actor, code, ctx.tx);
  const geldigeNaam = tokenNaamSchema.parse(naam);
  const token = nieuweTokenwaarde();
  const rij = await ctx.tx.apiToken.create({
    data: {
      berichtgeverId: berichtgever.id,
      naam: geldigeNaam,
      tokenHash: hashToken(token),
      prefix: tokenPrefix(token),
      createdById: ctx.actor.userId,
    },
  });
  ctx.audit({
    actie: "apitoken.aangemaakt",
    doelType: "ApiToken",
    doelId: rij.id,
    berichtgeverId: berichtgever.id,
    details: { naam: rij.naam, prefix: rij.prefix },
  });
  return { token, id: rij.id, prefix: rij.prefix, naam: rij.naam };
}

/** Revokes at once: the next request with the token gets 401. Revoking twice changes nothing. */
export async function trekApiTokenIn(ctx: ActieContext, code: string, tokenId: string): Promise<void> {
  const berichtgever = await beheerbareBerichtgever(ctx.actor, code, ctx.tx);
  const token = await ctx.tx.apiToken.findFirst({ where: { id: tokenId, berichtgeverId: berichtgever.id } });
  if (!token) throw new NietGevonden();
  if (token.revokedAt) return;
  const { count } = await ctx.tx.apiToken.updateMany({
    where: { id: token.id, revokedAt: null },
    data: { revokedAt: ctx.nu },
  });
  if (count === 0) return;
  ctx.audit({
    actie: "apitoken.ingetrokken",
    doelType: "ApiToken",
    doelId: token.id,
    berichtgeverId: berichtgever.id,
    details: { naam: token.naam, prefix: token.prefix },
  });
}
