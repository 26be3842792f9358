import "server-only";
/**
 * Secure messages (issue 13): a conversation per delivery, and a general one per berichtgever,
 * between the berichtgever's contact person and CBS staff. A message may quote a BSN, so:
 * - its text is encrypted at rest (lib/storage/tekstkluis.ts), bound to the berichtgever;
 * - the notification mail says only that there is a new message, with a link (emails/bericht-nieuw.tsx);
 * - only roles with the right "berichten" read and write them (the contact person, like the
 *   person-level downloads, and CBS staff); another berichtgever's conversation is "niet gevonden";
 * - messages are deleted after SWI_BEWAARTERMIJN_BERICHT_DAGEN (default 400, like the uploads) by
 *   the hourly purge (lib/leveringen/opruimen.ts).
 *
 * Audit: sending a message is a change and audited (ids, no text); reading a conversation in the
 * portal is a view, not a download, and is not audited (the rule: every download of person-level
 * data is audited, and nothing else). The purge audits what it deleted, as counts.
 */
import { z } from "zod";
import type { ActieContext } from "@/lib/acties/context";
import { heeftRecht, vereisRecht, type Actor } from "@/lib/auth/actor";
import { beheerLezing } from "@/lib/beheer/context";
import { tenantFilter } from "@/lib/berichtgevers/toegang";
import { getDb, type Db } from "@/lib/db/client";
import { portaalUrl } from "@/lib/http/adres";
import { NietGevonden } from "@/lib/http/fouten";
import { tekstkluisUitOmgeving } from "@/lib/storage/tekstkluis";

export const STANDAARD_BEWAARTERMIJN_BERICHT_DAGEN = 400;
const BERICHT_MAX = 5000;
const DAG = 24 * 3600 * 1000;

export function bewaartermijnBerichtDagen(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SWI_BEWAARTERMIJN_BERICHT_DAGEN?.trim() || NaN);
  return Number.isFinite(n) && n > 0 ? n : STANDAARD_BEWAARTERMIJN_BERICHT_DAGEN;
}

const context = (berichtgeverId: string) => `bericht:${berichtgeverId}`;

export function berichtenPad(code: string, leveringId?: string | null): string {
  return `/berichtgever/${code}/berichten${leveringId ? `?levering=${leveringId}` : ""}`;
}

export interface BerichtWeergave {
  id: string;
  tekst: string;
  afzender: string;
  vanCbs: boolean;
  verstuurdOp: Date;
}

export interface Gesprek {
  berichtgever: { id: string; code: string; naam: string };
  levering: { id: string; bestandsnaam: string } | null;
  berichten: BerichtWeergave[];
  /** The other conversations of this berichtgever, for the navigation. */
  gesprekken: { levering: { id: string; bestandsnaam: string } | null; aantal: number; laatste: Date }[];
}

async function berichtgeverEnLevering(db: Db | ActieContext["tx"], actor: Actor, code: string, leveringId?: string) {
  const eigen = tenantFilter(actor).berichtgeverId;
  const b = await db.berichtgever.findFirst({
    where: { code, ...(eigen ? { id: eigen } : {}) },
    select: { id: true, code: true, naam: true },
  });
  if (!b) throw new NietGevonden();
  vereisRecht(actor, "berichten");
  if (!leveringId) return { b, levering: null };
  const levering = await db.levering.findFirst({
    where: { id: leveringId, berichtgeverId: b.id },
    select: { id: true, bestandsnaam: true },
  });
  if (!levering) throw new NietGevonden();
  return { b, levering };
}

/** One conversation, oldest message first. */
export async function gesprek(actor: Actor, code: string, leveringId?: string): Promise<Gesprek> {
  const db = getDb();
  const { b, levering } = await berichtgeverEnLevering(db, actor, code, leveringId);
  const kluis = tekstkluisUitOmgeving();
  const rijen = await db.bericht.findMany({
    where: { berichtgeverId: b.id, leveringId: levering?.id ?? null },
    orderBy: { verstuurdOp: "asc" },
  });
  const groepen = await db.bericht.groupBy({
    by: ["leveringId"],
    where: { berichtgeverId: b.id },
    _count: { _all: true },
    _max: { verstuurdOp: true },
  });
  const leveringen = await db.levering.findMany({
    where: { id: { in: groepen.flatMap((g) => (g.leveringId ? [g.leveringId] : [])) } },
    select: { id: true, bestandsnaam: true },
  });
  const perId = new Map(leveringen.map((l) => [l.id, l]));
  return {
    berichtgever: b,
    levering,
    berichten: rijen.map((r) => ({
      id: r.id,
      tekst: kluis.ontsleutel(r.tekst, context(b.id)),
      afzender: r.afzenderNaam,
      vanCbs: r.vanCbs,
      verstuurdOp: r.verstuurdOp,
    })),
    gesprekken: groepen
      .map((g) => ({
        levering: g.leveringId ? (perId.get(g.leveringId) ?? null) : null,
        aantal: g._count._all,
        laatste: g._max.verstuurdOp!,
      }))
      .sort((x, y) => y.laatste.getTime() - x.laatste.getTime()),
  };
}

export const berichtSchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  leveringId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(64).optional()),
  tekst: z
    .string()
    .trim()
    .min(1, "Schrijf een bericht")
    .max(BERICHT_MAX, `Een bericht mag hoogstens ${BERICHT_MAX} tekens lang zijn`),
});

/** Sends a message and tells the other side by mail (that there is one, never what it says). */
export async function verstuurBericht(ctx: ActieContext, input: z.output<typeof berichtSchema>): Promise<void> {
  const { b, levering } = await berichtgeverEnLevering(ctx.tx, ctx.actor, input.code, input.leveringId);
  const vanCbs = heeftRecht(ctx.actor, "beheer");
  const bericht = await ctx.tx.bericht.create({
    data: {
      berichtgeverId: b.id,
      leveringId: levering?.id ?? null,
      afzenderUserId: ctx.actor.userId,
      afzenderNaam: vanCbs ? `${ctx.actor.naam} (CBS)` : ctx.actor.naam,
      vanCbs,
      tekst: tekstkluisUitOmgeving().versleutel(input.tekst, context(b.id)),
      verstuurdOp: ctx.nu,
    },
  });
  ctx.audit({
    actie: "bericht.verstuurd",
    doelType: "bericht",
    doelId: bericht.id,
    berichtgeverId: b.id,
    details: { leveringId: levering?.id ?? null },
  });
  const parameters = {
    berichtgeverCode: b.code,
    van: vanCbs ? "het CBS" : `${b.code} ${b.naam}`,
    bestandsnaam: levering?.bestandsnaam ?? null,
    url: portaalUrl(berichtenPad(b.code, levering?.id)),
  };
  const ontvangers = vanCbs
    ? await ctx.tx.user.findMany({
        where: { berichtgeverId: b.id, rol: "CONTACTPERSOON", actief: true },
        select: { email: true },
      })
    : await ctx.tx.user.findMany({ where: { rol: "CBS", actief: true }, select: { email: true } });
  for (const o of ontvangers) {
    await ctx.mail({ aan: o.email, sjabloon: "bericht-nieuw", parameters, berichtgeverId: b.id });
  }
}

export interface GesprekRij {
  berichtgever: { code: string; naam: string };
  levering: { id: string; bestandsnaam: string } | null;
  aantal: number;
  laatste: Date;
  /** The last message is the berichtgever's: CBS still has to answer. */
  wachtOpCbs: boolean;
}

/** Staff: every conversation, the most recent first. */
export async function gesprekkenVoorCbs(actor: Actor): Promise<GesprekRij[]> {
  const db = beheerLezing(actor);
  const groepen = await db.bericht.groupBy({
    by: ["berichtgeverId", "leveringId"],
    _count: { _all: true },
    _max: { verstuurdOp: true },
  });
  const [berichtgevers, leveringen] = await Promise.all([
    db.berichtgever.findMany({
      where: { id: { in: groepen.map((g) => g.berichtgeverId) } },
      select: { id: true, code: true, naam: true },
    }),
    db.levering.findMany({
      where: { id: { in: groepen.flatMap((g) => (g.leveringId ? [g.leveringId] : [])) } },
      select: { id: true, bestandsnaam: true },
    }),
  ]);
  const bg = new Map(berichtgevers.map((b) => [b.id, b]));
  const lv = new Map(leveringen.map((l) => [l.id, l]));
  const rijen: GesprekRij[] = [];
  for (const g of groepen) {
    const laatste = await db.bericht.findFirst({
      where: { berichtgeverId: g.berichtgeverId, leveringId: g.leveringId },
      orderBy: { verstuurdOp: "desc" },
      select: { vanCbs: true },
    });
    const b = bg.get(g.berichtgeverId);
    rijen.push({
      berichtgever: { code: b?.code ?? "?", naam: b?.naam ?? "" },
      levering: g.leveringId ? (lv.get(g.leveringId) ?? null) : null,
      aantal: g._count._all,
      laatste: g._max.verstuurdOp!,
      wachtOpCbs: laatste?.vanCbs === false,
    });
  }
  return rijen.sort((a, b) => b.laatste.getTime() - a.laatste.getTime());
}

/** The purge: messages past their retention term, with one audit entry per berichtgever (a count). */
export async function verwijderOudeBerichten(nu: Date, db: Db = getDb()): Promise<number> {
  const grens = new Date(nu.getTime() - bewaartermijnBerichtDagen() * DAG);
  const oud = await db.bericht.groupBy({
    by: ["berichtgeverId"],
    where: { verstuurdOp: { lt: grens } },
    _count: { _all: true },
  });
  let aantal = 0;
  for (const g of oud) {
    await db.$transaction([
      db.bericht.deleteMany({ where: { berichtgeverId: g.berichtgeverId, verstuurdOp: { lt: grens } } }),
      db.auditLog.create({
        data: {
          actie: "berichten.verwijderd",
          doelType: "berichtgever",
          doelId: g.berichtgeverId,
          berichtgeverId: g.berichtgeverId,
          details: { aantal: g._count._all, bewaartermijnDagen: bewaartermijnBerichtDagen() },
        },
      }),
    ]);
    aantal += g._count._all;
  }
  return aantal;
}
