import { z } from "zod";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { schrijfAudit } from "@/lib/audit";
import { NietGevonden, magBerichtgeverZien } from "@/lib/berichtgevers/toegang";
import { getDb } from "@/lib/db/client";
import { hashToken, nieuweTokenwaarde, tokenPrefix } from "./tokenwaarde";

/** The actor may see the berichtgever but not manage its tokens (a back-up user). */
export class GeenRecht extends Error {
  constructor(wat = "U heeft geen recht op deze handeling") {
    super(wat);
    this.name = "GeenRecht";
  }
}

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
async function beheerbareBerichtgever(actor: Actor, code: string): Promise<BerichtgeverKort> {
  if (!/^\d{4}$/.test(code)) throw new NietGevonden();
  const b = await getDb().berichtgever.findUnique({ where: { code }, select: { id: true, code: true, naam: true } });
  if (!b || !magBerichtgeverZien(actor, b.id)) throw new NietGevonden();
  if (!heeftRecht(actor, "tokensBeheren")) throw new GeenRecht();
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
  actor: Actor,
  code: string,
  naam: string,
): Promise<{ token: string; id: string; prefix: string; naam: string }> {
  const berichtgever = await beheerbareBerichtgever(actor, code);
  const geldigeNaam = tokenNaamSchema.parse(naam);
  const token = nieuweTokenwaarde();
  const rij = await getDb().apiToken.create({
    data: {
      berichtgeverId: berichtgever.id,
      naam: geldigeNaam,
      tokenHash: hashToken(token),
      prefix: tokenPrefix(token),
      createdById: actor.userId,
    },
  });
  await schrijfAudit({
    actor,
    actie: "apitoken.aangemaakt",
    doelType: "ApiToken",
    doelId: rij.id,
    berichtgeverId: berichtgever.id,
    details: { naam: rij.naam, prefix: rij.prefix },
  });
  return { token, id: rij.id, prefix: rij.prefix, naam: rij.naam };
}

/** Revokes at once: the next request with the token gets 401. Revoking twice changes nothing. */
export async function trekApiTokenIn(actor: Actor, code: string, tokenId: string): Promise<void> {
  const berichtgever = await beheerbareBerichtgever(actor, code);
  const db = getDb();
  const token = await db.apiToken.findFirst({ where: { id: tokenId, berichtgeverId: berichtgever.id } });
  if (!token) throw new NietGevonden();
  if (token.revokedAt) return;
  const { count } = await db.apiToken.updateMany({
    where: { id: token.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) return;
  await schrijfAudit({
    actor,
    actie: "apitoken.ingetrokken",
    doelType: "ApiToken",
    doelId: token.id,
    berichtgeverId: berichtgever.id,
    details: { naam: token.naam, prefix: token.prefix },
  });
}
