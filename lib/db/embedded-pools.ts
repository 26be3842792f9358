/**
 * Connection budget of the embedded PGlite server (lib/db/embedded.ts). Its socket server drops,
 * rather than queues, a connection beyond EMBEDDED_MAX_CONNECTIONS, so the pools of everything that
 * talks to it at once must add up to less. Kept apart from embedded.ts so that the app can read
 * these numbers without loading PGlite.
 */
export const EMBEDDED_MAX_CONNECTIONS = 20;

export const EMBEDDED_POOLS = {
  /** The Next.js app's Prisma pool (DB_POOL_MAX). */
  app: 5,
  /** pg-boss (its `max` option). */
  jobQueue: 2,
  /** A script run beside the app (seed, migrate): 1–2 each. The rest of the 20 is headroom. */
} as const;
