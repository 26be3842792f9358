import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { EMBEDDED_POOLS } from "./embedded-pools";

/**
 * The app's database client. Node.js runtime only: never import this from middleware/proxy (edge),
 * where `pg` cannot run.
 *
 * Pool size: DB_POOL_MAX, else 10 against a real server and EMBEDDED_POOLS.app (5) on the embedded
 * PGlite, which drops connections beyond its limit instead of queueing them.
 */

export type Db = PrismaClient;

export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number.parseInt(env.DB_POOL_MAX ?? "", 10);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return env.SWI_EMBEDDED === "1" ? EMBEDDED_POOLS.app : 10;
}

export function createDb(connectionString: string, max: number = poolSize()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

// Next.js dev re-evaluates modules on every change; without this cache each reload would open a
// new pool and the embedded server would soon refuse connections.
const cache = globalThis as unknown as { __swiDb?: { url: string; client: PrismaClient } };

export function getDb(): PrismaClient {
  if (process.env.NEXT_RUNTIME === "edge") {
    throw new Error(
      "lib/db/client is geïmporteerd in de edge-runtime (middleware/proxy); database-toegang kan alleen in Node.js.",
    );
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL ontbreekt: het portaal weet niet met welke database het moet werken.");
  }
  if (cache.__swiDb?.url !== url) {
    // A changed URL (tests switching databases) gets a new client; the old pool is closed.
    void cache.__swiDb?.client.$disconnect();
    cache.__swiDb = { url, client: createDb(url) };
  }
  return cache.__swiDb.client;
}

/** Closes the shared client (end of a script or a test). */
export async function closeDb(): Promise<void> {
  const current = cache.__swiDb;
  cache.__swiDb = undefined;
  await current?.client.$disconnect();
}
