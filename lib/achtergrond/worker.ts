/**
 * The worker (scripts/worker.ts runs it): processes uploads, sends queued mail, purges expired
 * files. One processing job at a time per worker, because a 200 MB delivery and its earlier
 * quarters fill a good part of the memory.
 *
 * A worker that dies mid-job: the processing job's lease (lease.ts) runs out, pg-boss's
 * maintenance (in every worker, every SWI_JOBS_ONDERHOUD_SECONDEN) puts it back for a retry, and
 * the next run finishes it; results are written idempotently (lib/leveringen/verwerking.ts).
 */
import fs from "node:fs";
import path from "node:path";
import PgBoss from "pg-boss";
import { registreerHerinneringTaak } from "@/lib/beheer/herinneringen-taak";
import { voerLandelijkeControleUit } from "@/lib/beheer/landelijke-controle-taak";
import { isDatabaseOnbereikbaar, opnieuwBijStoring } from "@/lib/db/onbereikbaar";
import { versleutelOudeFoutberichten } from "@/lib/leveringen/foutberichten";
import { ruimOp } from "@/lib/leveringen/opruimen";
import { vulOntbrekendeTellingenAan } from "@/lib/leveringen/tellingen-aanvullen";
import { LeaseVerloren, markeerVerwerkingMislukt, verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { markeerMailMislukt, verstuurMailBericht } from "@/lib/mail/wachtrij";
import {
  gebruikAlsVerzender,
  maakBoss,
  opnieuwBijDeadlock,
  WACHTRIJEN,
  zorgVoorWachtrijen,
  type JobGegevens,
} from "@/lib/jobs/boss";
import { jobInstellingen, type JobInstellingen } from "@/lib/jobs/instellingen";
import { houdLease } from "@/lib/jobs/lease";

export interface WorkerOpties {
  connectionString?: string;
  instellingen?: JobInstellingen;
  /** Run the purge once at start (default true). */
  opruimenBijStart?: boolean;
  /** The hourly purge schedule (cron, Europe/Amsterdam). */
  opruimSchema?: string;
}

export interface Worker {
  boss: PgBoss;
  stop(opties?: { wachtSeconden?: number }): Promise<void>;
}

export async function startWorker(opties: WorkerOpties = {}): Promise<Worker> {
  const connectionString = opties.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString)
    throw new Error("DATABASE_URL ontbreekt: de worker weet niet met welke database hij moet werken.");
  const inst = opties.instellingen ?? jobInstellingen();
  richtTijdelijkeMapIn();

  const boss = maakBoss({ connectionString, rol: "worker", instellingen: inst });
  await boss.start();
  await zorgVoorWachtrijen(boss, true, inst);
  // Mails queued while processing go through this instance: no second pool in the worker.
  gebruikAlsVerzender(connectionString, boss);

  /**
   * A handler that failed because the database went away reports it only once the database
   * answers again (at most `maxMs`). Reported at once, pg-boss's own fail would fail too, and the
   * job would sit "active" until its expiry (5 minutes for a mail) before its retry.
   */
  const naHerstel =
    <A extends unknown[]>(maxMs: number, handler: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await handler(...args);
      } catch (fout) {
        if (isDatabaseOnbereikbaar(fout)) {
          await opnieuwBijStoring(() => boss.getDb().executeSql("SELECT 1", []), maxMs).catch(() => {});
        }
        throw fout;
      }
    };
  // Waiting longer than the lease is pointless: the job is then someone else's anyway.
  const leaseMs = inst.leaseSeconden * 1000;
  const MAIL_MS = 4 * 60_000;

  await boss.work<JobGegevens["aanlevering.verwerk"]>(
    WACHTRIJEN.verwerkAanlevering,
    { batchSize: 1, includeMetadata: true },
    naHerstel(leaseMs, async ([job]) => {
      if (!job) return;
      const lease = await houdLease(boss, WACHTRIJEN.verwerkAanlevering, job.id, inst.leaseSeconden);
      const begin = performance.now();
      try {
        await verwerkAanlevering(job.data.aanleveringId, { boss, magSchrijven: () => lease.geldig });
        // One line per finished run (an id, no personal data): operators see the throughput, and
        // the load benchmark proves from these lines that no delivery ran in two workers.
        console.log(
          `[worker] aanlevering ${job.data.aanleveringId} verwerkt in ${Math.round(performance.now() - begin)} ms`,
        );
      } catch (fout) {
        if (fout instanceof LeaseVerloren) {
          // Failing (not completing) the job: if another worker holds it now, completing would
          // mark its run finished while it still runs; failing only sends it round once more.
          console.warn(`[worker] aanlevering ${job.data.aanleveringId}: ${fout.message}`);
          throw fout;
        }
        console.error(
          `[worker] verwerking van aanlevering ${job.data.aanleveringId} mislukt (poging ${job.retryCount + 1} van ${job.retryLimit + 1}):`,
          fout,
        );
        throw fout;
      } finally {
        lease.stop();
      }
    }),
  );

  await boss.work<JobGegevens["aanlevering.verwerk.mislukt"]>(
    WACHTRIJEN.verwerkingMislukt,
    { batchSize: 1, includeMetadata: true },
    naHerstel(MAIL_MS, async ([job]) => {
      if (!job) return;
      await markeerVerwerkingMislukt(
        job.data.aanleveringId,
        foutUitOutput(job.output) ?? "alle pogingen zijn mislukt.",
      );
    }),
  );

  // Several loops on the mail queue: each sends one mail at a time, and at the deadline hundreds
  // are queued within minutes.
  for (let i = 0; i < inst.mailParallel; i++) {
    await boss.work<JobGegevens["mail.verstuur"]>(
      WACHTRIJEN.verstuurMail,
      { batchSize: 1, includeMetadata: true },
      naHerstel(MAIL_MS, async ([job]) => {
        if (!job) return;
        await verstuurMailBericht(job.data.mailBerichtId, { laatstePoging: job.retryCount >= job.retryLimit });
      }),
    );
  }

  await boss.work<JobGegevens["mail.verstuur.mislukt"]>(
    WACHTRIJEN.mailMislukt,
    { batchSize: 1, includeMetadata: true },
    naHerstel(MAIL_MS, async ([job]) => {
      if (!job) return;
      await markeerMailMislukt(job.data.mailBerichtId, foutUitOutput(job.output));
    }),
  );

  await boss.work<JobGegevens["landelijke-controle"]>(
    WACHTRIJEN.landelijkeControle,
    { batchSize: 1 },
    naHerstel(leaseMs, async ([job]) => {
      if (job) await voerLandelijkeControleUit(job.data.controleId);
    }),
  );

  await boss.work(WACHTRIJEN.opruimen, { batchSize: 1 }, async () => {
    const r = await ruimOp();
    if (Object.values(r).some((n) => n > 0)) console.log("[worker] opgeruimd:", r);
    const versleuteld = await versleutelOudeFoutberichten();
    if (versleuteld > 0) console.log(`[worker] ${versleuteld} oudere foutmeldingen versleuteld`);
    const tellingen = await vulOntbrekendeTellingenAan();
    if (tellingen.aangevuld > 0)
      console.log(`[worker] tellingen van ${tellingen.aangevuld} eerdere leveringen aangevuld`);
  });
  await opnieuwBijDeadlock(() =>
    boss.schedule(WACHTRIJEN.opruimen, opties.opruimSchema ?? "7 * * * *", {}, { tz: "Europe/Amsterdam" }),
  );
  if (opties.opruimenBijStart ?? true) await boss.send(WACHTRIJEN.opruimen, {});
  await registreerHerinneringTaak(boss);

  return {
    boss,
    async stop({ wachtSeconden = 30 } = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: wachtSeconden * 1000 });
    },
  };
}

/**
 * pg-boss 10 does not await its own complete/fail after a handler (manager.js `onFetch`), so a
 * database that goes away at that moment rejects a promise nobody holds, and Node ends the whole
 * worker for it. The job itself is safe without that write: its lease runs out and it is retried,
 * idempotently. So a rejection that only says "the database is unreachable" is logged and the
 * worker carries on; any other unhandled rejection is a bug and still stops the process.
 */
export function overleefVerlorenDatabase(proces: NodeJS.Process = process): void {
  proces.on("unhandledRejection", (reden) => {
    if (isDatabaseOnbereikbaar(reden)) {
      console.warn(
        `[worker] database tijdelijk niet bereikbaar: ${reden instanceof Error ? reden.message : String(reden)}`,
      );
      return;
    }
    console.error("[worker] onafgehandelde fout:", reden);
    proces.exit(1);
  });
}

function foutUitOutput(output: unknown): string | undefined {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null | undefined;
  const bericht = o?.message ?? o?.value?.message;
  return typeof bericht === "string" ? bericht : undefined;
}

/**
 * Decrypted copies of deliveries go to a folder of this process under the var folder, not the
 * shared /tmp; folders of workers that died (kill -9 skips the cleanup) are removed here, because
 * they hold plaintext BSNs.
 */
function richtTijdelijkeMapIn(): void {
  if (process.env.SWI_TIJDELIJKE_MAP?.trim()) return;
  const basis = path.join(path.resolve(process.env.SWI_VAR_DIR ?? path.join(process.cwd(), "var")), "tmp");
  fs.mkdirSync(basis, { recursive: true, mode: 0o700 });
  for (const naam of fs.readdirSync(basis)) {
    const pid = /^worker-(\d+)$/.exec(naam)?.[1];
    if (pid && Number(pid) !== process.pid && !leeft(Number(pid))) {
      fs.rmSync(path.join(basis, naam), { recursive: true, force: true });
    }
  }
  const eigen = path.join(basis, `worker-${process.pid}`);
  fs.mkdirSync(eigen, { recursive: true, mode: 0o700 });
  process.env.SWI_TIJDELIJKE_MAP = eigen;
  process.once("exit", () => fs.rmSync(eigen, { recursive: true, force: true }));
}

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (fout) {
    return (fout as NodeJS.ErrnoException).code === "EPERM";
  }
}
