/**
 * Timing and sizing of the job queue, from the environment so that tests can make a crashed
 * worker's job come back in seconds instead of minutes. Every value has a production default.
 *
 *   SWI_JOBS_POOL_MAX               pg-boss connections per process (default 2 embedded, 4 otherwise)
 *   SWI_JOBS_ONDERHOUD_SECONDEN     how often pg-boss looks for expired jobs (default 60)
 *   SWI_JOBS_POLL_SECONDEN          how often a worker asks for work (default 0.5). pg-boss 10 waits
 *                                   this long after EVERY batch, also a busy one, so it caps each
 *                                   loop at one job per interval: at 2 s the load benchmark's
 *                                   deadline took a minute per 60 small deliveries and mail piled up
 *   SWI_MAIL_PARALLEL               mail loops per worker (default 4, embedded 1): mails go out in parallel
 *   SWI_VERWERKING_LEASE_SECONDEN   a processing job counts as abandoned this long after the last
 *                                   sign of life of its worker (default 120)
 *   SWI_VERWERKING_MAX_SECONDEN     hard ceiling of one processing run (default 4 hours)
 *   SWI_VERWERKING_POGINGEN         retries of a processing job (default 5)
 *   SWI_VERWERKING_WACHT_SECONDEN   first retry delay, doubling (default 30)
 *   SWI_MAIL_POGINGEN               retries of a mail (default 8: roughly 4 hours with backoff)
 *   SWI_MAIL_WACHT_SECONDEN         first retry delay of a mail, doubling (default 60)
 */
import { EMBEDDED_POOLS } from "@/lib/db/embedded-pools";

export interface JobInstellingen {
  poolMax: number;
  onderhoudSeconden: number;
  mailParallel: number;
  pollSeconden: number;
  leaseSeconden: number;
  maxVerwerkingSeconden: number;
  verwerkingPogingen: number;
  verwerkingWachtSeconden: number;
  mailPogingen: number;
  mailWachtSeconden: number;
}

function getal(env: Record<string, string | undefined>, naam: string, standaard: number, minimum = 1): number {
  const tekst = env[naam]?.trim();
  if (!tekst) return standaard;
  const waarde = Number(tekst);
  if (!Number.isFinite(waarde) || waarde < minimum) {
    throw new Error(`${naam}=${tekst} is ongeldig: verwacht een getal van minstens ${minimum}.`);
  }
  return waarde;
}

export function jobInstellingen(env: Record<string, string | undefined> = process.env): JobInstellingen {
  const embedded = env.SWI_EMBEDDED === "1";
  const lease = getal(env, "SWI_VERWERKING_LEASE_SECONDEN", 120, 2);
  return {
    poolMax: getal(env, "SWI_JOBS_POOL_MAX", embedded ? EMBEDDED_POOLS.jobQueue : 4),
    onderhoudSeconden: getal(env, "SWI_JOBS_ONDERHOUD_SECONDEN", 60),
    // pg-boss refuses polling below half a second.
    pollSeconden: Math.max(0.5, getal(env, "SWI_JOBS_POLL_SECONDEN", 0.5, 0.5)),
    // The embedded PGlite is one backend session for everything: no point in more loops there.
    mailParallel: Math.floor(getal(env, "SWI_MAIL_PARALLEL", embedded ? 1 : 4)),
    leaseSeconden: lease,
    // pg-boss caps expiry below 24 hours.
    maxVerwerkingSeconden: Math.min(getal(env, "SWI_VERWERKING_MAX_SECONDEN", 4 * 3600), 23 * 3600),
    verwerkingPogingen: getal(env, "SWI_VERWERKING_POGINGEN", 5, 0),
    verwerkingWachtSeconden: getal(env, "SWI_VERWERKING_WACHT_SECONDEN", 30),
    mailPogingen: getal(env, "SWI_MAIL_POGINGEN", 8, 0),
    mailWachtSeconden: getal(env, "SWI_MAIL_WACHT_SECONDEN", 60),
  };
}
