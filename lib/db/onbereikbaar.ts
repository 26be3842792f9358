/**
 * Whether an error means "the database cannot be reached right now": down, restarting, refusing
 * or cutting connections, out of connection slots. Such a failure is nobody's mistake and passes
 * by itself, so a request gets 503 with Retry-After (lib/storing.ts) and a job is simply retried;
 * everything else stays a bug that must surface.
 *
 * The same outage reaches us in several shapes: Prisma's known errors (P1001 …), its driver
 * adapter's error kinds, and raw `pg` errors from pg-boss (a socket error while connecting,
 * SQLSTATE classes 08 and 57P, or only a message for a connection that ends mid-query).
 */

const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);

const ADAPTER_SOORTEN = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** 08: connection exception; 57P01–57P03: admin/crash shutdown, cannot connect now; 53300: too many connections. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;

const BERICHTEN =
  /Connection terminated|Can't reach database server|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

export function isDatabaseOnbereikbaar(fout: unknown): boolean {
  const gezien = new Set<unknown>();
  const open: unknown[] = [fout];
  while (open.length > 0) {
    const f = open.pop();
    if (f === null || typeof f !== "object" || gezien.has(f)) continue;
    gezien.add(f);
    const o = f as {
      code?: unknown;
      originalCode?: unknown;
      syscall?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
      errors?: unknown;
    };
    for (const code of [o.code, o.originalCode]) {
      if (typeof code !== "string") continue;
      if (PRISMA_CODES.has(code) || SQLSTATE.test(code)) return true;
      // Only on connecting: an uploader's dropped connection (ECONNRESET "aborted") is no outage.
      if (SOCKET_CODES.has(code) && (o.syscall === "connect" || o.syscall === "getaddrinfo")) return true;
    }
    if (typeof o.kind === "string" && ADAPTER_SOORTEN.has(o.kind)) return true;
    if (typeof o.message === "string" && BERICHTEN.test(o.message)) return true;
    open.push(o.cause, o.meta?.driverAdapterError);
    if (Array.isArray(o.errors)) open.push(...(o.errors as unknown[]));
  }
  return false;
}

/**
 * Runs `werk` again while it fails because the database is unreachable, with a growing pause, for
 * at most `maxMs`; any other failure, or the last one, is thrown. For a write that must not be
 * lost to a short outage (the record that a mail went out) and to wait until the database is back.
 */
export async function opnieuwBijStoring<T>(werk: () => Promise<T>, maxMs: number): Promise<T> {
  const tot = Date.now() + maxMs;
  for (let pauze = 250; ; pauze = Math.min(pauze * 2, 5000)) {
    try {
      return await werk();
    } catch (fout) {
      if (!isDatabaseOnbereikbaar(fout) || Date.now() + pauze > tot) throw fout;
    }
    await new Promise((r) => setTimeout(r, pauze));
  }
}
