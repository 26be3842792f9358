import fs from "node:fs";
import path from "node:path";
import { e2eVarDir } from "./browser";
import pg from "pg";

/** The database the e2e server runs on (written by scripts/e2e-server.ts). */
export function e2eDatabaseUrl(): string {
  return fs.readFileSync(path.resolve(e2eVarDir(), "database-url"), "utf8").trim();
}

export async function metDatabase<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
