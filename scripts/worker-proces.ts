import { spawn, type ChildProcess } from "node:child_process";
import type fs from "node:fs";
import path from "node:path";
import { schrijfOokNaar, NODE_MET_TSX } from "./lib/portaal";

/**
 * Starts scripts/worker.ts beside the web server, with the same settings. `node --import tsx` runs
 * it in this one child process (the tsx command would start a second one that a kill of the first
 * leaves running). Its own small Prisma pool: the embedded PGlite counts every connection
 * (lib/db/embedded-pools.ts).
 */
export function startWorkerProces(env: NodeJS.ProcessEnv, log?: fs.WriteStream): ChildProcess {
  const kind = spawn(process.execPath, [...NODE_MET_TSX, path.join("scripts", "worker.ts")], {
    stdio: log ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...env, DB_POOL_MAX: "2" },
  });
  if (log) schrijfOokNaar(kind, log);
  return kind;
}
