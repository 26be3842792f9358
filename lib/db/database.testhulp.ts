import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll } from "vitest";
import { closeDb, createDb } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

/**
 * A private, migrated database for one integration test (file), gone after close().
 *
 * - DATABASE_URL set (CI: postgres://postgres@127.0.0.1:5432/test): a new database swi_it_<random>
 *   on that server, dropped on close. The database named in DATABASE_URL is only used to issue
 *   CREATE/DROP DATABASE; its contents are never touched.
 * - Otherwise: an in-memory PGlite on a socket. The migrations run once per test worker on a
 *   template, and every test database is a copy of it (1 s instead of 3–4 s for a fresh PGlite).
 */

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  /** "postgres" for a real server, "pglite" for the embedded one. */
  soort: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface TestDatabaseOpties {
  /** Apply prisma/migrations (default true). False gives an empty database, to test migrating. */
  migreer?: boolean;
  /** Prisma pool size (default 3). */
  poolMax?: number;
}

export async function maakTestDatabase(opties: TestDatabaseOpties = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? opPostgres(serverUrl, opties) : opPglite(opties);
}

async function opPostgres(
  serverUrl: string,
  { migreer = true, poolMax = 3 }: TestDatabaseOpties,
): Promise<TestDatabase> {
  const name = `swi_it_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();

  const drop = async () => {
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
  try {
    if (migreer) await applyMigrations(dbUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  const db = createDb(dbUrl, poolMax);
  return {
    url: dbUrl,
    db,
    soort: "postgres",
    async close() {
      await db.$disconnect();
      await drop();
    },
  };
}

let template: Promise<PGlite> | undefined;

function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pglite = await PGlite.create();
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
    await server.start();
    try {
      await applyMigrations(`postgres://postgres@${server.getServerConn()}/postgres`);
    } finally {
      await server.stop();
    }
    return pglite;
  })();
  return template;
}

async function opPglite({ migreer = true, poolMax = 3 }: TestDatabaseOpties): Promise<TestDatabase> {
  const cloneOf = migreer ? await migratedTemplate() : undefined;
  const embedded = await startEmbeddedPostgres({ dataDir: "memory", cloneOf, handleSignals: false });
  const db = createDb(embedded.url, poolMax);
  return {
    url: embedded.url,
    db,
    soort: "pglite",
    async close() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}

/**
 * Registers the set-up of a test file that runs app code reaching getDb(): a private migrated
 * database, DATABASE_URL pointed at it while the file runs (restored afterwards), the app's
 * client closed at the end. `klaar` receives the database once it exists.
 */
export function metAppDatabase(klaar: (t: TestDatabase) => void | Promise<void>): void {
  let t: TestDatabase | undefined;
  let vorigeUrl: string | undefined;
  beforeAll(async () => {
    t = await maakTestDatabase();
    vorigeUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = t.url;
    await klaar(t);
  });
  afterAll(async () => {
    await closeDb();
    if (vorigeUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = vorigeUrl;
    await t?.close();
  });
}
