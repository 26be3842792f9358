import type { Actor } from "@/lib/auth/actor";
import { getDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { wachtrijMailer, type BeheerMail, type BeheerSjabloon, type Mailer } from "./mail";

/**
 * The frame every staff change runs in: one transaction for the change, its audit entries and
 * the mails it queues: a change without its audit entry or mail, or the other way round, cannot
 * happen.
 *
 * Everything inside `werk` must use `ctx.tx`: on the embedded PGlite an open transaction blocks
 * every other connection, so a query through getDb() inside it would wait forever.
 */

export type Tx = Prisma.TransactionClient;

export interface VeldFout {
  veld: string;
  bericht: string;
}

/** A refusal the staff member can act on, tied to a form field. Nothing was changed. */
export class BeheerFout extends Error {
  readonly fouten: VeldFout[];
  constructor(veld: string | VeldFout[], bericht?: string) {
    const fouten = Array.isArray(veld) ? veld : [{ veld, bericht: bericht ?? "Er is iets misgegaan" }];
    super(fouten.map((f) => f.bericht).join(" "));
    this.name = "BeheerFout";
    this.fouten = fouten;
  }
}

/** Someone other than CBS staff reached staff code (a bug in a caller; the pages check first). */
export class GeenBeheerder extends Error {
  constructor() {
    super("Alleen CBS-medewerkers mogen dit doen.");
    this.name = "GeenBeheerder";
  }
}

export interface AuditVoorstel {
  actie: string;
  doelType?: string;
  doelId?: string;
  berichtgeverId?: string | null;
  details?: Record<string, unknown>;
}

export interface Herkomst {
  ip: string | null;
  userAgent: string | null;
}

export interface BeheerContext {
  actor: Actor;
  tx: Tx;
  nu: Date;
  /** Adds an audit entry; written in the same transaction as the change. */
  audit(entry: AuditVoorstel): void;
  /** Queues a mail in the same transaction (only when run with `metMail`). */
  mail<N extends BeheerSjabloon>(mail: BeheerMail<N>): Promise<void>;
}

/**
 * The portal itself, for scheduled work (the automatic reminder). Its audit entries carry no
 * person: actor fields stay empty and details say "systeem".
 */
export const SYSTEEM: Actor = Object.freeze({
  userId: "systeem",
  email: "systeem",
  naam: "SWI-portaal (automatisch)",
  rol: "CBS" as const,
  berichtgeverId: null,
});

export function vereisBeheerder(actor: Actor): void {
  if (actor.rol !== "CBS") throw new GeenBeheerder();
}

export interface BeheerOpties {
  db?: Db;
  herkomst?: Herkomst;
  nu?: Date;
  /** The work sends mail: the queue is made ready before the transaction opens. */
  metMail?: boolean;
  /** Tests: where mail goes instead of the queue. */
  mailer?: Mailer;
}

export async function voerBeheerUit<T>(
  actor: Actor,
  werk: (ctx: BeheerContext) => Promise<T>,
  opties: BeheerOpties = {},
): Promise<T> {
  vereisBeheerder(actor);
  const db = opties.db ?? getDb();
  const nu = opties.nu ?? new Date();
  const herkomst = opties.herkomst ?? { ip: null, userAgent: null };
  const mailer = opties.mailer ?? (opties.metMail ? await wachtrijMailer() : null);
  return db.$transaction(
    async (tx) => {
      const audits: AuditVoorstel[] = [];
      const r = await werk({
        actor,
        tx,
        nu,
        audit: (e) => audits.push(e),
        mail: async (m) => {
          if (!mailer) throw new Error("Deze beheeractie is zonder metMail gestart en kan geen e-mail versturen.");
          await mailer.zet(tx, m);
        },
      });
      if (audits.length) {
        await tx.auditLog.createMany({
          data: audits.map((a) => ({
            tijdstip: nu,
            actorUserId: actor === SYSTEEM ? null : actor.userId,
            actorEmail: actor === SYSTEEM ? null : actor.email,
            actorRol: actor === SYSTEEM ? null : actor.rol,
            actie: a.actie,
            doelType: a.doelType ?? null,
            doelId: a.doelId ?? null,
            berichtgeverId: a.berichtgeverId ?? null,
            ip: herkomst.ip,
            userAgent: herkomst.userAgent,
            details: (actor === SYSTEEM ? { ...a.details, door: "systeem" } : (a.details ?? undefined)) as never,
          })),
        });
      }
      return r;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
