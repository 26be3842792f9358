/**
 * The server the end-to-end tests run against: a production build on a fresh database.
 * With DATABASE_URL (CI): a new database `swi_e2e` on that PostgreSQL server. Without: an
 * in-memory embedded PostgreSQL. Mail goes to the SMTP server the tests start (SMTP_URL).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createDb } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { bijAfsluiten, herstartBijUitval, startNext, zorgVoorBuild } from "./lib/portaal";
import { startWorkerProces } from "./worker-proces";

// E2E_NAAM separates parallel runs on one machine (own folder, own database).
const E2E_NAAM = (process.env.E2E_NAAM ?? "").replace(/[^a-z0-9]/g, "");
const E2E_DB = E2E_NAAM ? `swi_e2e_${E2E_NAAM}` : "swi_e2e";

async function verseDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const emb = await startEmbeddedPostgres({ dataDir: "memory", handleSignals: false });
    return { url: emb.url, stop: emb.stop };
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${E2E_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${E2E_DB}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${E2E_DB}`;
  return { url: u.toString(), stop: async () => {} };
}

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const varDir = path.resolve(E2E_NAAM ? `var/e2e-${E2E_NAAM}` : "var/e2e");
  fs.mkdirSync(varDir, { recursive: true });
  for (const sub of ["opslag", "mail"]) fs.rmSync(path.join(varDir, sub), { recursive: true, force: true });
  const db = await verseDatabase();
  fs.writeFileSync(path.join(varDir, "database-url"), db.url);
  await applyMigrations(db.url);
  const client = createDb(db.url, 2);
  await seed(client);
  await client.$disconnect();

  zorgVoorBuild();
  const appUrl = `http://localhost:${port}`;
  const portaalEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    DB_POOL_MAX: process.env.DATABASE_URL ? "10" : "5",
    SWI_EMBEDDED: "0",
    SWI_VAR_DIR: varDir,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: "e2e-geheim-alleen-voor-tests-0123456789abcdef",
    SWI_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    // The suite signs in dozens of times from one address; the limits themselves are unit-tested.
    SWI_LIMIET_INLOG_PER_ADRES: "1000",
    SWI_LIMIET_INLOG_PER_IP: "10000",
    SWI_LIMIET_API_PER_MINUUT: "10000",
    // The in-memory PGlite counts every connection; jobs are picked up within a second.
    SWI_JOBS_POOL_MAX: process.env.DATABASE_URL ? "4" : "2",
    SWI_JOBS_POLL_SECONDEN: "1",
  };
  // Everything web server and worker print, for the test that no BSN ever reaches a log.
  const log = fs.createWriteStream(path.join(varDir, "server.log"), { flags: "w" });
  const next = startNext(port, portaalEnv, log);
  const worker = herstartBijUitval("de worker", () => startWorkerProces(portaalEnv, log));
  bijAfsluiten([next, worker], db.stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
