import type { Actor } from "@/lib/auth/actor";
import type { Herkomst } from "@/lib/client-adres";
import { getDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { wachtrijMailer, type BeheerMail, type BeheerSjabloon, type Mailer } from "@/lib/beheer/mail";
import { jobVerzender, stuurJob, type JobGegevens, type Wachtrij } from "@/lib/jobs/boss";

/**
 * The frame every change runs in, a staff member's or a berichtgever's: one transaction for the
 * change, its audit entries and the mails it queues: a change without its audit entry or mail, or
 * the other way round, cannot happen. Who may make the change is decided before (the action
 * wrappers in lib/acties/formulier.ts, or the caller), and again by the change itself where it
 * touches a tenant's data.
 *
 * Everything inside `werk` must use `ctx.tx`: on the embedded PGlite an open transaction blocks
 * every other connection, so a query through getDb() inside it would wait forever.
 */

export type Tx = Prisma.TransactionClient;

export interface VeldFout {
  veld: string;
  bericht: string;
}

/** A refusal the person can act on, tied to a form field. Nothing was changed. */
export class ActieFout extends Error {
  readonly fouten: VeldFout[];
  constructor(veld: string | VeldFout[], bericht?: string) {
    const fouten = Array.isArray(veld) ? veld : [{ veld, bericht: bericht ?? "Er is iets misgegaan" }];
    super(fouten.map((f) => f.bericht).join(" "));
    this.name = "ActieFout";
    this.fouten = fouten;
  }
}

export interface AuditVoorstel {
  actie: string;
  doelType?: string;
  doelId?: string;
  berichtgeverId?: string | null;
  details?: Record<string, unknown>;
}

export interface ActieContext {
  actor: Actor;
  tx: Tx;
  nu: Date;
  /** Adds an audit entry; written in the same transaction as the change. */
  audit(entry: AuditVoorstel): void;
  /** Queues a mail in the same transaction (only when run with `metMail`). */
  mail<N extends BeheerSjabloon>(mail: BeheerMail<N>): Promise<void>;
  /** Queues a failed mail again in the same transaction (only with `metMail`); false if there is none. */
  mailOpnieuw(mailBerichtId: string): Promise<boolean>;
  /** Sends a background job in the same transaction (only when run with `metTaken`). */
  taak<N extends keyof JobGegevens & Wachtrij>(naam: N, gegevens: JobGegevens[N]): Promise<string>;
}

/** Where a change's background jobs go: the queue, or a test's list. */
export interface TaakVerzender {
  stuur<N extends keyof JobGegevens & Wachtrij>(tx: Tx, naam: N, gegevens: JobGegevens[N]): Promise<string>;
}

async function wachtrijTaakVerzender(): Promise<TaakVerzender> {
  // Started before the transaction opens: on PGlite starting pg-boss inside one waits for itself.
  const boss = await jobVerzender();
  return { stuur: (tx, naam, gegevens) => stuurJob(boss, naam, gegevens, tx) };
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

export interface ActieOpties {
  db?: Db;
  herkomst?: Herkomst;
  nu?: Date;
  /** The work sends mail: the queue is made ready before the transaction opens. */
  metMail?: boolean;
  /** Tests: where mail goes instead of the queue. */
  mailer?: Mailer;
  /** The work sends background jobs: the queue is made ready before the transaction opens. */
  metTaken?: boolean;
  /** Tests: where jobs go instead of the queue. */
  taken?: TaakVerzender;
}

export async function voerActieUit<T>(
  actor: Actor,
  werk: (ctx: ActieContext) => Promise<T>,
  opties: ActieOpties = {},
): Promise<T> {
  const db = opties.db ?? getDb();
  const nu = opties.nu ?? new Date();
  const herkomst = opties.herkomst ?? { ip: null, userAgent: null };
  const mailer = opties.mailer ?? (opties.metMail ? await wachtrijMailer() : null);
  const taken = opties.taken ?? (opties.metTaken ? await wachtrijTaakVerzender() : null);
  return db.$transaction(
    async (tx) => {
      const audits: AuditVoorstel[] = [];
      const r = await werk({
        actor,
        tx,
        nu,
        audit: (e) => audits.push(e),
        mail: async (m) => {
          if (!mailer) throw new Error("Deze actie is zonder metMail gestart en kan geen e-mail versturen.");
          await mailer.zet(tx, m);
        },
        mailOpnieuw: async (id) => {
          if (!mailer) throw new Error("Deze actie is zonder metMail gestart en kan geen e-mail versturen.");
          return mailer.opnieuw(tx, id);
        },
        taak: async (naam, gegevens) => {
          if (!taken) throw new Error("Deze actie is zonder metTaken gestart en kan geen taak versturen.");
          return taken.stuur(tx, naam, gegevens);
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
