import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor } from "@/lib/auth/actor";
import { beheerLezing } from "./context";
import { VIERCIJFERCODE } from "@/lib/db/validation";

/**
 * Searching and exporting the audit log. Reading only: the table refuses UPDATE, DELETE and
 * TRUNCATE (a trigger), and the application has no code path that would try.
 */

const datumSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-11-01")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Deze datum bestaat niet");

const leegIsNiets = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const auditFilterSchema = z
  .object({
    email: z.preprocess(leegIsNiets, z.string().trim().max(254).optional()),
    actie: z.preprocess(leegIsNiets, z.string().trim().max(100).optional()),
    berichtgever: z.preprocess(
      leegIsNiets,
      z.string().trim().regex(VIERCIJFERCODE, "Een berichtgevercode bestaat uit 4 cijfers").optional(),
    ),
    van: z.preprocess(leegIsNiets, datumSchema.optional()),
    tot: z.preprocess(leegIsNiets, datumSchema.optional()),
  })
  .refine((f) => !f.van || !f.tot || f.van <= f.tot, {
    path: ["tot"],
    message: "De einddatum ligt vóór de begindatum",
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Midnight at the start of a Dutch calendar day, as an instant. */
export function begintDagInNederland(jjjjmmdd: string): Date {
  const [j, m, d] = jjjjmmdd.split("-").map(Number) as [number, number, number];
  let t = Date.UTC(j, m - 1, d);
  // Two passes settle the offset also on the days summer time starts or ends.
  for (let i = 0; i < 2; i++) t = Date.UTC(j, m - 1, d) - offsetMs(new Date(t));
  return new Date(t);
}

function offsetMs(moment: Date): number {
  const delen = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(moment);
  const v = (type: string) => Number(delen.find((p) => p.type === type)?.value);
  return (
    Date.UTC(v("year"), v("month") - 1, v("day"), v("hour"), v("minute"), v("second")) -
    Math.floor(moment.getTime() / 1000) * 1000
  );
}

/** The calendar day after jjjj-mm-dd (as a calendar day, so a summer-time change cannot shift it). */
function volgendeDag(jjjjmmdd: string): string {
  const [j, m, d] = jjjjmmdd.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(j, m - 1, d + 1)).toISOString().slice(0, 10);
}

async function waarVoor(db: Db, f: AuditFilter): Promise<Prisma.AuditLogWhereInput | null> {
  const where: Prisma.AuditLogWhereInput = {};
  if (f.email) where.actorEmail = { contains: f.email.toLowerCase(), mode: "insensitive" };
  // "contactpersoon" finds contactpersoon.vervang and contactpersoon.registreer.
  if (f.actie) where.OR = [{ actie: f.actie }, { actie: { startsWith: `${f.actie}.` } }];
  if (f.berichtgever) {
    const b = await db.berichtgever.findUnique({ where: { code: f.berichtgever }, select: { id: true } });
    if (!b) return null;
    where.berichtgeverId = b.id;
  }
  if (f.van || f.tot) {
    where.tijdstip = {
      ...(f.van ? { gte: begintDagInNederland(f.van) } : {}),
      ...(f.tot ? { lt: begintDagInNederland(volgendeDag(f.tot)) } : {}),
    };
  }
  return where;
}

export interface AuditRij {
  id: string;
  tijdstip: Date;
  actorEmail: string | null;
  actorRol: string | null;
  actie: string;
  doelType: string | null;
  doelId: string | null;
  berichtgever: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

async function metCodes(db: Db, rijen: Awaited<ReturnType<Db["auditLog"]["findMany"]>>): Promise<AuditRij[]> {
  const ids = [...new Set(rijen.map((r) => r.berichtgeverId).filter((x): x is string => x !== null))];
  const codes = new Map(
    (await db.berichtgever.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } })).map((b) => [
      b.id,
      b.code,
    ]),
  );
  return rijen.map((r) => ({
    id: r.id.toString(),
    tijdstip: r.tijdstip,
    actorEmail: r.actorEmail,
    actorRol: r.actorRol,
    actie: r.actie,
    doelType: r.doelType,
    doelId: r.doelId,
    berichtgever: r.berichtgeverId ? (codes.get(r.berichtgeverId) ?? r.berichtgeverId) : null,
    ip: r.ip,
    userAgent: r.userAgent,
    details: r.details,
  }));
}

export const AUDIT_PER_PAGINA = 50;

/** Newest first; `voor` is the id of the last row of the previous page. */
export async function zoekAuditLog(
  actor: Actor,
  filter: AuditFilter,
  opties: { voor?: string; aantal?: number; db?: Db } = {},
): Promise<{ rijen: AuditRij[]; volgende: string | null }> {
  const db = beheerLezing(actor, opties.db);
  const where = await waarVoor(db, filter);
  if (!where) return { rijen: [], volgende: null };
  const aantal = opties.aantal ?? AUDIT_PER_PAGINA;
  const voor = opties.voor && /^\d+$/.test(opties.voor) ? BigInt(opties.voor) : null;
  const rijen = await db.auditLog.findMany({
    where: voor !== null ? { AND: [where, { id: { lt: voor } }] } : where,
    orderBy: { id: "desc" },
    take: aantal + 1,
  });
  const meer = rijen.length > aantal;
  const pagina = await metCodes(db, rijen.slice(0, aantal));
  return { rijen: pagina, volgende: meer ? (pagina.at(-1)?.id ?? null) : null };
}

/** All matching entries, newest first, in batches (for the CSV export). */
export async function* alleAuditRijen(
  actor: Actor,
  filter: AuditFilter,
  opties: { aantal?: number; db?: Db } = {},
): AsyncGenerator<AuditRij> {
  let voor: string | undefined;
  for (;;) {
    const { rijen, volgende } = await zoekAuditLog(actor, filter, {
      voor,
      aantal: opties.aantal ?? 1000,
      db: opties.db,
    });
    yield* rijen;
    if (!volgende) return;
    voor = volgende;
  }
}

export const AUDIT_CSV_KOLOMMEN = [
  "id",
  "tijdstip",
  "actor_email",
  "actor_rol",
  "actie",
  "doel_type",
  "doel_id",
  "berichtgever",
  "ip",
  "user_agent",
  "details",
];

export function auditCsvRij(r: AuditRij): string[] {
  return [
    r.id,
    r.tijdstip.toISOString(),
    r.actorEmail ?? "",
    r.actorRol ?? "",
    r.actie,
    r.doelType ?? "",
    r.doelId ?? "",
    r.berichtgever ?? "",
    r.ip ?? "",
    r.userAgent ?? "",
    r.details === null || r.details === undefined ? "" : JSON.stringify(r.details),
  ];
}

/** The actions that occur, for the filter's choice list. */
export async function bekendeActies(actor: Actor, db?: Db): Promise<string[]> {
  const rijen = await beheerLezing(actor, db).auditLog.groupBy({ by: ["actie"], orderBy: { actie: "asc" } });
  return rijen.map((r) => r.actie);
}

/**
 * An entry's details as a person reads them: one "naam: waarde" line per field, nested fields
 * named by their path ("filter.jaar"), lists joined, nothing left out. The CSV keeps the JSON.
 */
export function leesbareDetails(details: unknown): [string, string][] {
  const uit: [string, string][] = [];
  const loop = (pad: string, v: unknown) => {
    if (v === null || v === undefined) uit.push([pad, "—"]);
    else if (Array.isArray(v))
      uit.push([
        pad,
        v.length === 0 ? "(geen)" : v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", "),
      ]);
    else if (typeof v === "object") {
      const velden = Object.entries(v as Record<string, unknown>);
      if (velden.length === 0) uit.push([pad, "(geen)"]);
      for (const [k, w] of velden) loop(pad ? `${pad}.${k}` : k, w);
    } else if (typeof v === "boolean") uit.push([pad, v ? "ja" : "nee"]);
    else uit.push([pad, String(v)]);
  };
  if (details !== null && details !== undefined) loop("", details);
  return uit;
}
