/**
 * `npm start`: the portal with everything it needs.
 *
 * Without DATABASE_URL (a newcomer's laptop): an embedded PostgreSQL (PGlite) persisted in
 * var/pgdata, mail written to var/mail and shown at /ontwikkeling/postvak, secrets generated
 * under var/geheimen, demo data seeded. With DATABASE_URL: that server, SMTP_URL and
 * NEXTAUTH_SECRET required, only the CBS gemeente lists loaded (demo data with SWI_DEMO=1).
 */
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createDb } from "@/lib/db/client";
import type { DemoTokenResultaat } from "@/lib/api-tokens/demo";
import { seed, seedGemeenten } from "@/prisma/seed";
import { bewaardGeheim, bijAfsluiten, herstartBijUitval, startNext, zorgVoorBuild } from "./lib/portaal";
import { startWorkerProces } from "./worker-proces";

async function main() {
  // An empty variable means "not set" (so `DATABASE_URL= npm start` gives the embedded default).
  for (const [k, v] of Object.entries(process.env)) if (v === "") delete process.env[k];
  const port = Number(process.env.PORT ?? 3000);
  const varDir = path.resolve(process.env.SWI_VAR_DIR ?? "var");
  const embedded = !process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SWI_VAR_DIR: varDir,
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
  env.NEXTAUTH_URL = env.APP_URL;

  let stopDb = async () => {};
  if (embedded) {
    const { startEmbeddedPostgres, EMBEDDED_POOLS } = await import("@/lib/db/embedded");
    console.log("Geen DATABASE_URL: de ingebouwde database in var/pgdata wordt gestart…");
    const pg = await startEmbeddedPostgres({ dataDir: path.join(varDir, "pgdata"), handleSignals: false });
    stopDb = pg.stop;
    Object.assign(env, {
      DATABASE_URL: pg.url,
      SWI_EMBEDDED: "1",
      DB_POOL_MAX: String(EMBEDDED_POOLS.app),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? bewaardGeheim(varDir, "nextauth-secret"),
    });
  } else if (!process.env.SMTP_URL || !(process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET)) {
    console.error(
      "Het portaal start niet: met een echte database (DATABASE_URL) zijn ook SMTP_URL en NEXTAUTH_SECRET nodig. Zie README.md, 'Configuratie'.",
    );
    process.exit(1);
  }

  const { applied } = await applyMigrations(env.DATABASE_URL!);
  if (applied.length) console.log(`Database bijgewerkt: ${applied.join(", ")}`);
  const db = createDb(env.DATABASE_URL!, 2);
  let demoApiToken: DemoTokenResultaat | null = null;
  try {
    if (embedded || process.env.SWI_DEMO === "1") ({ demoApiToken } = await seed(db));
    else await seedGemeenten(db);
  } finally {
    await db.$disconnect();
  }

  zorgVoorBuild();
  const next = startNext(port, env);
  // Processing of uploads, mail and the purge run in the worker.
  const worker = herstartBijUitval("de worker", () => startWorkerProces(env));
  bijAfsluiten([next, worker], stopDb);
  console.log(`\nHet SWI berichtgeversportaal draait op ${env.APP_URL}`);
  if (embedded) {
    console.log(
      `Inloggen: vul op ${env.APP_URL}/inloggen bijvoorbeeld contactpersoon@enschede.example.nl of beheer@cbs.example.nl in;\n` +
        `de inloglink staat in het lokale postvak: ${env.APP_URL}/ontwikkeling/postvak\n`,
    );
  }
  if (demoApiToken?.token && !demoApiToken.uitOmgeving) {
    // Only the hash is stored: this is the one moment the demo token can be shown.
    console.log(
      `API-token voor berichtgever ${demoApiToken.berichtgever} (alleen nu getoond, bewaar hem):\n  ${demoApiToken.token}\n` +
        `Stuur hem mee als "Authorization: Bearer <token>"; de API staat beschreven in ${env.APP_URL}/api/v1/openapi.json\n`,
    );
  } else if (demoApiToken?.token) {
    console.log(`API-token voor berichtgever ${demoApiToken.berichtgever}: de waarde van SWI_DEMO_TOKEN.\n`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
