import crypto from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/lib/db/client";

/**
 * Rate limits (rate-limiter-flexible), counted in PostgreSQL (table rate_limiet, made by a
 * migration) so that every web instance adds to the same count: per-process counters would let N
 * instances allow N times the limit. Should the database fail, each process falls back to its own
 * in-memory count rather than refusing everyone. Limits come from the environment so that a test
 * suite signing in dozens of times from one address can raise them.
 */
function getal(naam: string, standaard: number): number {
  const n = Number.parseInt(process.env[naam] ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : standaard;
}

export type Soort = "inlogPerAdres" | "inlogPerIp" | "api";

const INSTELLINGEN: Record<Soort, () => { points: number; duration: number }> = {
  // A person asking for a link: a few tries per quarter hour is plenty.
  inlogPerAdres: () => ({ points: getal("SWI_LIMIET_INLOG_PER_ADRES", 5), duration: 15 * 60 }),
  // One office behind one address asks for many people at once: more room per IP.
  inlogPerIp: () => ({ points: getal("SWI_LIMIET_INLOG_PER_IP", 50), duration: 15 * 60 }),
  // A vendor's integration per token, per minute.
  api: () => ({ points: getal("SWI_LIMIET_API_PER_MINUUT", 120), duration: 60 }),
};

const TABEL = "rate_limiet";

/**
 * RateLimiterPostgres speaks to a `pg` client; this lends it the app's Prisma pool instead of a
 * second pool of its own (the embedded PGlite drops connections beyond its budget). Prisma returns
 * BIGINT as bigint, the library computes with numbers.
 */
function alsPgClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const waarden = q.values ?? [];
      if (!/\b(RETURNING|SELECT)\b/i.test(q.text)) {
        const rowCount = await db.$executeRawUnsafe(q.text, ...waarden);
        return { rowCount, rows: [] };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...waarden);
      return {
        rowCount: rows.length,
        rows: rows.map((r) => ({ ...r, expire: r.expire === null ? null : Number(r.expire) })),
      };
    },
  };
}

export interface Oordeel {
  toegestaan: boolean;
  /** Seconds until a new try is allowed (for Retry-After), when not allowed. */
  wachtSeconden: number;
}

export type Teller = (soort: Soort, sleutel: string) => Promise<Oordeel>;

/** Counters on one database; two tellers on the same database (two processes) share every count. */
export function maakTeller(db: Db): Teller {
  const limiters = new Map<Soort, RateLimiterPostgres>();
  const limiter = (soort: Soort) => {
    let l = limiters.get(soort);
    if (!l) {
      const instelling = INSTELLINGEN[soort]();
      l = new RateLimiterPostgres({
        storeClient: alsPgClient(db),
        storeType: "client",
        tableName: TABEL,
        tableCreated: true,
        keyPrefix: soort,
        ...instelling,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: soort, ...instelling }),
      });
      limiters.set(soort, l);
    }
    return l;
  };
  return async (soort, sleutel) => {
    // Hashed: fixed length whatever the client sends, and no e-mail addresses in the table.
    const sleutelHash = crypto.createHash("sha256").update(sleutel).digest("base64url");
    try {
      await limiter(soort).consume(sleutelHash);
      return { toegestaan: true, wachtSeconden: 0 };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        return { toegestaan: false, wachtSeconden: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      }
      throw e;
    }
  };
}

let standaard: { db: Db; teller: Teller } | undefined;

/** Counts one request for `sleutel`; says whether it is still within the limit. */
export async function tel(soort: Soort, sleutel: string): Promise<Oordeel> {
  const db = getDb();
  if (standaard?.db !== db) standaard = { db, teller: maakTeller(db) };
  return standaard.teller(soort, sleutel);
}

/** For tests: forget all counts (and re-read the limits from the environment). */
export async function vergeetLimieten(): Promise<void> {
  standaard = undefined;
  await getDb().$executeRawUnsafe(`DELETE FROM ${TABEL}`);
}
