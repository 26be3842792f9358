import type { PGlite } from "@electric-sql/pglite";

/**
 * Keeps each connection's extended-protocol batch (Parse, Bind, Describe, Execute … Sync) together
 * on the embedded server.
 *
 * pglite-socket (0.2.x) queues the messages of all connections one by one into PGlite's single
 * session and keeps a connection's messages together only while a transaction is open. Two
 * connections querying at once can therefore interleave: B's Parse replaces the unnamed statement
 * between A's Parse and A's Bind, and A's Bind then fails ("bind message supplies 3 parameters, but
 * prepared statement "" requires 2") or, when the shapes match, runs B's statement with A's
 * values. (electric-sql/pglite issue #1046, open at the time of writing.) The web app, pg-boss and
 * the worker all use several connections, so this happens in normal use.
 *
 * The queue asks `isInTransaction()` to decide whether only the last connection's messages may run
 * next; this makes it say yes from a batch's first message until its Sync (or a simple Query), so a
 * batch runs as a whole. A client that dies mid-batch is handled by pglite-socket's existing
 * disconnect path (it rolls back and clears the affinity).
 */
const BATCH = new Set([0x50 /* P */, 0x42 /* B */, 0x44 /* D */, 0x45 /* E */, 0x43 /* C */, 0x48 /* H */]);
const EINDE = new Set([0x53 /* S Sync */, 0x51 /* Q simple query */, 0x58 /* X Terminate */]);

const GEPATCHT = Symbol.for("swi.pglite.batchAffiniteit");

export function houdProtocolBatchesBijElkaar(db: PGlite): void {
  const doel = db as PGlite & { [GEPATCHT]?: true };
  if (doel[GEPATCHT]) return;
  doel[GEPATCHT] = true;
  const inTransactie = db.isInTransaction.bind(db);
  const voerUit = db.execProtocolRawStream.bind(db);
  let batchOpen = false;
  db.isInTransaction = () => batchOpen || inTransactie();
  db.execProtocolRawStream = async (bericht, opties) => {
    const soort = bericht[0] ?? 0;
    if (BATCH.has(soort)) batchOpen = true;
    try {
      return await voerUit(bericht, opties);
    } finally {
      if (EINDE.has(soort)) batchOpen = false;
    }
  };
}
