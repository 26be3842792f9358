import { z } from "zod";
import { schrijfAudit } from "@/lib/audit";
import type { ActieContext } from "@/lib/acties/context";
import { SYSTEEM } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Db } from "@/lib/db/client";
import type { LandelijkeControleStatus } from "@/lib/generated/prisma/enums";
import { NietGevonden } from "@/lib/http/fouten";
import type { Opslag } from "@/lib/storage";
import { tekstkluisUitOmgeving, type Tekstkluis } from "@/lib/storage/tekstkluis";
import type { Kwartaalnummer } from "@/lib/swi/datum";
import { beheerLezing } from "./context";
import {
  landelijkeControle,
  type DubbeleBsn,
  type LandelijkeControle,
  type VerdwenenPersoon,
} from "./landelijke-controles";

/**
 * The national checks as a background job with a stored result. A staff member starts a run for a
 * quarter (one action: the row and its job in one transaction); the worker reads every accepted
 * delivery of that quarter and the next, which takes minutes on a national quarter, and stores the
 * findings encrypted; the page shows them a page at a time for as long as they are kept.
 *
 * The findings hold BSNs. They are kept 14 days, like a signaleringslijst (long enough to work
 * through them with the gemeenten, short enough that a list nobody needs is gone), then purged by
 * the hourly job; the counts stay, so the page can still say what was found.
 */

export const BEWAARDAGEN_LANDELIJKE_CONTROLE = 14;
/** A run still "bezig" after this long was cut off (a worker that died; its one retry failed too). */
const AFGEBROKEN_NA_MS = 2 * 3600 * 1000;

export const startSchema = z.object({
  kwartaal: z.string().regex(/^\d{4}-[1-4]$/, "Kies een kwartaal"),
});

export type Samenvatting = Omit<LandelijkeControle, "dubbel" | "verdwenen"> & { dubbel: number; verdwenen: number };

export interface Uitkomst {
  dubbel: DubbeleBsn[];
  verdwenen: VerdwenenPersoon[];
}

export interface ControleRun {
  id: string;
  jaar: number;
  kwartaal: number;
  status: LandelijkeControleStatus | "AFGEBROKEN";
  aangevraagdDoor: string;
  aangevraagdOp: Date;
  gestartOp: Date | null;
  klaarOp: Date | null;
  melding: string | null;
  samenvatting: Samenvatting | null;
  /** The findings can still be read (done, and not yet past their term). */
  leesbaar: boolean;
  verlooptOp: Date | null;
  verwijderdOp: Date | null;
}

const kluisContext = (id: string) => `landelijke-controle:${id}`;

function alsRun(r: Awaited<ReturnType<Db["landelijkeControle"]["findFirstOrThrow"]>>, nu: Date): ControleRun {
  const open = r.status === "WACHT" || r.status === "BEZIG";
  const afgebroken = open && nu.getTime() - r.aangevraagdOp.getTime() > AFGEBROKEN_NA_MS;
  return {
    id: r.id,
    jaar: r.jaar,
    kwartaal: r.kwartaal,
    status: afgebroken ? "AFGEBROKEN" : r.status,
    aangevraagdDoor: r.aangevraagdDoor,
    aangevraagdOp: r.aangevraagdOp,
    gestartOp: r.gestartOp,
    klaarOp: r.klaarOp,
    melding: r.melding,
    samenvatting: (r.samenvatting as Samenvatting | null) ?? null,
    leesbaar: r.status === "KLAAR" && r.uitkomst !== null && !r.verwijderdOp,
    verlooptOp: r.verlooptOp,
    verwijderdOp: r.verwijderdOp,
  };
}

export function isBezig(run: Pick<ControleRun, "status"> | null): boolean {
  return run?.status === "WACHT" || run?.status === "BEZIG";
}

/**
 * Starts a run for the quarter, or gives the one already waiting or running (a second click, or a
 * colleague at the same moment, does not read the whole country twice).
 */
export async function startLandelijkeControle(
  ctx: ActieContext,
  jaar: number,
  kwartaal: Kwartaalnummer,
): Promise<{ id: string; alGestart: boolean }> {
  beheerLezing(ctx.actor, ctx.tx);
  const laatste = await ctx.tx.landelijkeControle.findFirst({
    where: { jaar, kwartaal },
    orderBy: { aangevraagdOp: "desc" },
  });
  if (laatste && isBezig(alsRun(laatste, ctx.nu))) return { id: laatste.id, alGestart: true };
  const run = await ctx.tx.landelijkeControle.create({
    data: { jaar, kwartaal, aangevraagdDoor: `${ctx.actor.naam} (${ctx.actor.email})`, aangevraagdOp: ctx.nu },
  });
  await ctx.taak("landelijke-controle", { controleId: run.id });
  ctx.audit({
    actie: "start.landelijke-controle",
    doelType: "LandelijkeControle",
    doelId: run.id,
    details: { jaar, kwartaal },
  });
  return { id: run.id, alGestart: false };
}

/** The worker's half: run the checks and store the result. Safe to run again for the same run. */
export async function voerLandelijkeControleUit(
  controleId: string,
  opties: { nu?: () => Date; opslag?: Opslag; kluis?: Tekstkluis } = {},
): Promise<void> {
  const db = getDb();
  const nu = opties.nu ?? (() => new Date());
  const run = await db.landelijkeControle.findUnique({ where: { id: controleId } });
  if (!run || run.status === "KLAAR") return;
  await db.landelijkeControle.update({
    where: { id: run.id },
    data: { status: "BEZIG", gestartOp: nu(), melding: null },
  });
  let r: LandelijkeControle;
  try {
    r = await landelijkeControle(SYSTEEM, run.jaar, run.kwartaal as Kwartaalnummer, {
      nu: nu(),
      opslag: opties.opslag,
    });
  } catch (e) {
    // Only the kind of failure: an error's message could quote file content.
    console.error(`[landelijke controle] ${run.id} mislukt:`, e instanceof Error ? e.name : "onbekende fout");
    await db.landelijkeControle.update({
      where: { id: run.id },
      data: {
        status: "MISLUKT",
        klaarOp: nu(),
        melding: "De controles konden niet worden uitgevoerd. Probeer het opnieuw.",
      },
    });
    return;
  }
  const { dubbel, verdwenen, ...rest } = r;
  const samenvatting: Samenvatting = { ...rest, dubbel: dubbel.length, verdwenen: verdwenen.length };
  const klaar = nu();
  const kluis = opties.kluis ?? tekstkluisUitOmgeving();
  const uitkomst: Uitkomst = { dubbel, verdwenen };
  await db.landelijkeControle.update({
    where: { id: run.id },
    data: {
      status: "KLAAR",
      klaarOp: klaar,
      samenvatting: samenvatting as never,
      uitkomst: kluis.versleutel(JSON.stringify(uitkomst), kluisContext(run.id)),
      verlooptOp: new Date(klaar.getTime() + BEWAARDAGEN_LANDELIJKE_CONTROLE * 24 * 3600 * 1000),
    },
  });
}

/** The newest run for the quarter, or null. */
export async function laatsteLandelijkeControle(
  actor: Actor,
  jaar: number,
  kwartaal: number,
  nu: Date = new Date(),
): Promise<ControleRun | null> {
  const r = await beheerLezing(actor).landelijkeControle.findFirst({
    where: { jaar, kwartaal },
    orderBy: { aangevraagdOp: "desc" },
  });
  return r ? alsRun(r, nu) : null;
}

/** The newest run of the quarter whose findings can still be read, with the findings. */
export async function leesbareUitkomst(
  actor: Actor,
  jaar: number,
  kwartaal: number,
  kluis: Tekstkluis = tekstkluisUitOmgeving(),
): Promise<{ run: ControleRun; uitkomst: Uitkomst }> {
  const r = await beheerLezing(actor).landelijkeControle.findFirst({
    where: { jaar, kwartaal, status: "KLAAR", uitkomst: { not: null }, verwijderdOp: null },
    orderBy: { aangevraagdOp: "desc" },
  });
  if (!r?.uitkomst) {
    throw new NietGevonden(
      `Er is geen uitkomst van de landelijke controles van ${jaar} kwartaal ${kwartaal} (meer). Voer de controles uit op de pagina Landelijke controles.`,
    );
  }
  const uitkomst = JSON.parse(kluis.ontsleutel(r.uitkomst, kluisContext(r.id))) as Uitkomst;
  return { run: alsRun(r, new Date()), uitkomst };
}

/**
 * The purge's part: findings past their term are emptied (the counts stay). An audit entry per
 * run, as for a signaleringslijst: the log shows where that person-level data went.
 */
export async function verwijderVerlopenLandelijkeControles(nu: Date, db: Db = getDb()): Promise<number> {
  const verlopen = await db.landelijkeControle.findMany({
    where: { verlooptOp: { lt: nu }, verwijderdOp: null, uitkomst: { not: null } },
    select: { id: true, jaar: true, kwartaal: true, verlooptOp: true },
  });
  for (const r of verlopen) {
    await db.landelijkeControle.update({ where: { id: r.id }, data: { uitkomst: null, verwijderdOp: nu } });
    await schrijfAudit({
      actor: null,
      actie: "landelijke-controle.verwijderd",
      doelType: "LandelijkeControle",
      doelId: r.id,
      details: { jaar: r.jaar, kwartaal: r.kwartaal, verlooptOp: r.verlooptOp?.toISOString() },
      ip: null,
    });
  }
  return verlopen.length;
}
