/**
 * The background worker: processes uploaded files, sends queued mail and purges expired files
 * (lib/achtergrond/worker.ts). `npm start` and the e2e server start it beside the web server with the
 * same environment; in production run it as its own service (`tsx scripts/worker.ts`), as many as
 * you like against one database.
 */
import os from "node:os";
import { closeDb } from "@/lib/db/client";
import { overleefVerlorenDatabase, startWorker } from "@/lib/achtergrond/worker";

async function main() {
  // An empty variable means "not set", as in scripts/start.ts.
  for (const [k, v] of Object.entries(process.env)) if (v === "") delete process.env[k];
  // The worker's own Prisma pool: small, it does one job at a time (and the embedded PGlite counts
  // every connection, see lib/db/embedded-pools.ts).
  process.env.DB_POOL_MAX ??= "2";
  verlaagPrioriteit();
  overleefVerlorenDatabase();
  const worker = await startWorker();
  console.log(`[worker] gestart (pid ${process.pid})`);

  let stoppen: Promise<void> | undefined;
  const stop = (code: number) => {
    stoppen ??= (async () => {
      console.log("[worker] stoppen; lopende taken worden afgemaakt…");
      try {
        await worker.stop({ wachtSeconden: 20 });
        await closeDb();
      } finally {
        process.exit(code);
      }
    })();
  };
  process.once("SIGINT", () => stop(130));
  process.once("SIGTERM", () => stop(143));
}

main().catch((e) => {
  console.error("[worker] kan niet starten:", e instanceof Error ? e.message : e);
  process.exit(1);
});

/**
 * The worker yields the processor to the web server: checking a delivery is CPU-bound and may take
 * a few seconds longer, a page may not. At the deadline, on a machine shared with the web
 * server, bench:load showed page latencies of seconds while both workers ran at the same priority.
 * SWI_WORKER_NICE (default 10; 0 to keep the normal priority) is the Unix nice value.
 */
function verlaagPrioriteit(): void {
  const nice = Number(process.env.SWI_WORKER_NICE ?? 10);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) {
    throw new Error(`SWI_WORKER_NICE=${process.env.SWI_WORKER_NICE} is ongeldig: verwacht 0 tot en met 19.`);
  }
  try {
    if (nice > 0) os.setPriority(nice);
  } catch (fout) {
    console.warn(`[worker] prioriteit niet verlaagd: ${fout instanceof Error ? fout.message : fout}`);
  }
}
