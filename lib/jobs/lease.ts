/**
 * A renewable lease on an active job. pg-boss 10 only knows a fixed expiry per job: a crashed
 * worker's job comes back when `started_on + expire_in` has passed (its maintenance then retries
 * it). A fixed expiry must outlast the slowest run (a 200 MB file), which would leave a crashed
 * worker's job waiting that long too. So a processing job is fetched with a generous ceiling, and
 * while its handler runs the worker keeps moving the expiry to "now + lease": if the worker dies,
 * the job is free again within the lease (plus one maintenance interval).
 *
 * pg-boss 10 has no API for this, so it is one UPDATE on its job table (columns name, id, state,
 * started_on, expire_in). lease.test.ts proves against the installed pg-boss that its own expiry
 * honours it, so an upgrade that changes the table fails a test instead of silently breaking this.
 */
import type PgBoss from "pg-boss";

const SCHEMA = "pgboss";

/** Moves the job's expiry to now + `seconden`. False when the job is no longer active (e.g. expired and given to another worker). */
export async function verlengLease(boss: PgBoss, naam: string, jobId: string, seconden: number): Promise<boolean> {
  const { rows } = await boss.getDb().executeSql(
    `UPDATE ${SCHEMA}.job
        SET expire_in = (now() - started_on) + make_interval(secs => $3::double precision)
      WHERE name = $1 AND id = $2::uuid AND state = 'active'
      RETURNING id`,
    [naam, jobId, seconden],
  );
  return rows.length === 1;
}

export interface Lease {
  /** False once a renewal found the job no longer ours: results must then not be written. */
  readonly geldig: boolean;
  stop(): void;
}

/**
 * Takes the lease at once and renews it every quarter lease. Renewal errors (a database hiccup)
 * are only logged: the next renewal may succeed, and the ceiling still bounds the job.
 */
export async function houdLease(boss: PgBoss, naam: string, jobId: string, seconden: number): Promise<Lease> {
  let geldig = await verlengLease(boss, naam, jobId, seconden);
  let bezig = false;
  const timer = setInterval(
    () => {
      if (bezig) return;
      bezig = true;
      verlengLease(boss, naam, jobId, seconden)
        .then((ok) => {
          if (!ok) geldig = false;
        })
        .catch((fout: unknown) => console.error(`[jobs] lease van ${naam} ${jobId} niet verlengd:`, fout))
        .finally(() => (bezig = false));
    },
    Math.max(250, (seconden * 1000) / 4),
  );
  timer.unref();
  return {
    get geldig() {
      return geldig;
    },
    stop: () => clearInterval(timer),
  };
}
