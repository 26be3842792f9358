// `prisma generate` that works without internet (run by npm's postinstall).
//
// Every Prisma CLI command first downloads its native schema engine from Prisma's servers, even
// `generate`, which never uses it; where that server is unreachable the command fails. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download. Migrations do not use the
// native engine at all (lib/db/migrate.ts runs Prisma's WebAssembly engine).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1", // no version check against Prisma's servers
};

const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
