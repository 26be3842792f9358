/**
 * The job queue (pg-boss 10 in the portal's own database): queue names, the options every job is
 * sent with, and one lazily started sending instance per process.
 *
 * The web process only sends. A job is best sent inside the transaction that creates the rows it
 * is about (`stuurJob(..., tx)`): the job then exists exactly when the rows do, so no upload is
 * ever left without its processing job. The instance must be started before such a transaction
 * opens: on the embedded PGlite an open transaction makes every other connection wait, so starting
 * pg-boss from inside one would wait for itself.
 */
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobInstellingen, type JobInstellingen } from "./instellingen";

export const WACHTRIJEN = {
  /** One per Aanlevering: run the checks and store the results. */
  verwerkAanlevering: "aanlevering.verwerk",
  /** Dead letters of the above: a processing job that used up its retries. */
  verwerkingMislukt: "aanlevering.verwerk.mislukt",
  verstuurMail: "mail.verstuur",
  mailMislukt: "mail.verstuur.mislukt",
  /** Hourly purge of expired files (lib/leveringen/opruimen.ts). */
  opruimen: "opruimen",
  /** One run of the national checks (lib/beheer/landelijke-controle-taak.ts). */
  landelijkeControle: "landelijke-controle",
} as const;

export type Wachtrij = (typeof WACHTRIJEN)[keyof typeof WACHTRIJEN];

export interface JobGegevens {
  "aanlevering.verwerk": { aanleveringId: string };
  "aanlevering.verwerk.mislukt": { aanleveringId: string };
  "mail.verstuur": { mailBerichtId: string };
  "mail.verstuur.mislukt": { mailBerichtId: string };
  opruimen: Record<string, never>;
  "landelijke-controle": { controleId: string };
}

type QueueOpties = Omit<PgBoss.Queue, "name">;

/** The options of each queue; also sent with every job so both processes agree without a restart. */
export function wachtrijOpties(naam: Wachtrij, inst: JobInstellingen = jobInstellingen()): QueueOpties {
  switch (naam) {
    case WACHTRIJEN.verwerkAanlevering:
      return {
        retryLimit: inst.verwerkingPogingen,
        retryDelay: inst.verwerkingWachtSeconden,
        retryBackoff: true,
        // The worker shortens this to a lease it keeps renewing (lease.ts); this is the ceiling
        // pg-boss also applies in-process to one run.
        expireInSeconds: inst.maxVerwerkingSeconden,
        deadLetter: WACHTRIJEN.verwerkingMislukt,
        retentionMinutes: 7 * 24 * 60,
      };
    case WACHTRIJEN.verstuurMail:
      return {
        retryLimit: inst.mailPogingen,
        retryDelay: inst.mailWachtSeconden,
        retryBackoff: true,
        expireInSeconds: 5 * 60,
        deadLetter: WACHTRIJEN.mailMislukt,
        retentionMinutes: 7 * 24 * 60,
      };
    case WACHTRIJEN.opruimen:
      return { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 };
    case WACHTRIJEN.landelijkeControle:
      // Reads every delivery of two quarters; a second try after a crashed worker, not more.
      return { retryLimit: 1, retryDelay: 60, expireInSeconds: 3600, retentionMinutes: 7 * 24 * 60 };
    default:
      return { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 };
  }
}

export interface BossOpties {
  connectionString: string;
  /** "worker": expires abandoned jobs and runs schedules; "verzender": only sends. */
  rol: "worker" | "verzender";
  instellingen?: JobInstellingen;
}

export function maakBoss({ connectionString, rol, instellingen = jobInstellingen() }: BossOpties): PgBoss {
  const worker = rol === "worker";
  const boss = new PgBoss({
    connectionString,
    max: instellingen.poolMax,
    application_name: `swi-${rol}`,
    supervise: worker,
    schedule: worker,
    maintenanceIntervalSeconds: instellingen.onderhoudSeconden,
    pollingIntervalSeconds: instellingen.pollSeconden,
  });
  boss.on("error", (fout) => console.error(`[jobs] pg-boss (${rol}):`, fout.message));
  return boss;
}

/** Creates the queues that do not exist yet; the worker also brings existing ones up to date. */
export async function zorgVoorWachtrijen(boss: PgBoss, bijwerken: boolean, inst = jobInstellingen()): Promise<void> {
  // Dead-letter queues first: the others refer to them.
  const volgorde: Wachtrij[] = [
    WACHTRIJEN.verwerkingMislukt,
    WACHTRIJEN.mailMislukt,
    WACHTRIJEN.verwerkAanlevering,
    WACHTRIJEN.verstuurMail,
    WACHTRIJEN.opruimen,
    WACHTRIJEN.landelijkeControle,
  ];
  for (const naam of volgorde) {
    const opties = { name: naam, ...wachtrijOpties(naam, inst) };
    await opnieuwBijDeadlock(() => boss.createQueue(naam, opties));
    if (bijwerken) await opnieuwBijDeadlock(() => boss.updateQueue(naam, opties));
  }
}

function isDeadlock(fout: unknown): boolean {
  const f = fout as { code?: unknown; message?: unknown } | null;
  return f?.code === "40P01" || (typeof f?.message === "string" && f.message.includes("deadlock detected"));
}

/**
 * Runs an idempotent queue set-up step again when PostgreSQL chose it as a deadlock victim. Two
 * workers (or a worker and a web process) starting at the same moment create and update the same
 * queues and schedules; pg-boss takes its locks in an order that can deadlock, and PostgreSQL then
 * aborts one of them. The load benchmark saw a worker exit on it. PostgreSQL's advice for a
 * deadlock is to retry; the steps are idempotent, so retrying after a short random pause is safe.
 */
export async function opnieuwBijDeadlock<T>(stap: () => Promise<T>, pogingen = 6): Promise<T> {
  for (let poging = 1; ; poging++) {
    try {
      return await stap();
    } catch (fout) {
      if (!isDeadlock(fout) || poging >= pogingen) throw fout;
      await new Promise((r) => setTimeout(r, 50 * poging + Math.random() * 200));
    }
  }
}

/** pg-boss runs its job insert on the caller's transaction through this adapter. */
export function inTransactie(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])) };
    },
  };
}

/** Sends one job; with `tx`, as part of that transaction. Returns the job id. */
export async function stuurJob<N extends keyof JobGegevens & Wachtrij>(
  boss: PgBoss,
  naam: N,
  gegevens: JobGegevens[N],
  tx?: Prisma.TransactionClient,
  extra: PgBoss.SendOptions = {},
): Promise<string> {
  const { deadLetter, ...opties } = wachtrijOpties(naam);
  const id = await boss.send(naam, gegevens as object, {
    ...opties,
    ...(deadLetter ? { deadLetter } : {}),
    ...extra,
    ...(tx ? { db: inTransactie(tx) } : {}),
  });
  if (!id) throw new Error(`De taak ${naam} kon niet in de wachtrij worden gezet.`);
  return id;
}

// One started sending instance per process (and per database, for tests that switch). Next.js
// may evaluate this module more than once, hence globalThis.
const cache = globalThis as unknown as { __swiJobs?: { url: string; boss: Promise<PgBoss> } };

/** The process's sending instance, started on first use. */
export function jobVerzender(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL ontbreekt: de takenwachtrij weet niet met welke database hij moet werken.");
  if (cache.__swiJobs?.url !== url) {
    const vorige = cache.__swiJobs;
    if (vorige) void vorige.boss.then((b) => b.stop({ graceful: false, wait: false })).catch(() => {});
    const boss = (async () => {
      const b = maakBoss({ connectionString: url, rol: "verzender" });
      await b.start();
      await zorgVoorWachtrijen(b, false);
      return b;
    })();
    // A failed start must not stick: the next call tries again.
    boss.catch(() => {
      if (cache.__swiJobs?.boss === boss) cache.__swiJobs = undefined;
    });
    cache.__swiJobs = { url, boss };
  }
  return cache.__swiJobs.boss;
}

/** Stops the sending instance (end of a script or a test). */
export async function sluitJobVerzender(): Promise<void> {
  const huidig = cache.__swiJobs;
  cache.__swiJobs = undefined;
  if (huidig) await (await huidig.boss.catch(() => null))?.stop({ graceful: false, wait: true });
}

/** Lets a started instance (the worker's) also be the process's sending instance. */
export function gebruikAlsVerzender(url: string, boss: PgBoss): void {
  const vorige = cache.__swiJobs;
  cache.__swiJobs = { url, boss: Promise.resolve(boss) };
  if (vorige) {
    void vorige.boss.then((b) => (b === boss ? undefined : b.stop({ graceful: false, wait: false }))).catch(() => {});
  }
}
