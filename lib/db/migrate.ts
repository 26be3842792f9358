import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { openSchemaEngine, type MigrationList } from "./schema-engine";

/**
 * Migrations without Prisma's native engine binary. `applyMigrations` does what
 * `prisma migrate deploy` does (same engine, same `_prisma_migrations` table, same checksums), so a
 * database can be migrated by either and the other sees it as up to date. New migrations are
 * generated against an in-memory PGlite shadow database (what `prisma migrate dev --create-only`
 * does against a shadow database on the server).
 */

export interface MigrationPaths {
  /** prisma/migrations */
  migrationsDir: string;
  /** prisma/schema.prisma */
  schemaPath: string;
}

export function defaultPaths(root: string = process.cwd()): MigrationPaths {
  return {
    migrationsDir: path.join(root, "prisma", "migrations"),
    schemaPath: path.join(root, "prisma", "schema.prisma"),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

export class MigrationError extends Error {
  constructor(
    message: string,
    /** Engine log lines, for a developer. */
    readonly engineLogs: string[] = [],
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Reads prisma/migrations the way Prisma's CLI hands it to the engine. */
export function readMigrations(migrationsDir: string): MigrationList {
  const base = path.resolve(migrationsDir);
  const lockPath = path.join(base, "migration_lock.toml");
  const dirs = fs.existsSync(base)
    ? fs
        .readdirSync(base, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: base,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(base, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} ontbreekt` },
        },
      };
    }),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

export interface ApplyResult {
  /** Names of the migrations applied by this call (empty when the database was up to date). */
  applied: string[];
  ms: number;
}

/**
 * Applies every pending migration to the database at `url`. A migration that fails is recorded as
 * failed in `_prisma_migrations` (its statements are rolled back) and this throws a MigrationError;
 * later calls refuse to continue until someone resolves it, as `prisma migrate deploy` does.
 */
export async function applyMigrations(url: string, paths: MigrationPaths = defaultPaths()): Promise<ApplyResult> {
  const started = Date.now();
  const migrationsList = readMigrations(paths.migrationsDir);
  const handle = await openSchemaEngine({ url });
  try {
    const { appliedMigrationNames } = await handle.engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { applied: appliedMigrationNames, ms: Date.now() - started };
  } catch (error) {
    throw new MigrationError(`Migratie mislukt: ${describe(error)}`, handle.logs);
  } finally {
    await handle.close();
  }
}

function schemaFiles(paths: MigrationPaths) {
  return [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }];
}

const EMPTY = "-- This is an empty migration.";

function normaliseScript(stdout: string | null): string {
  const script = (stdout ?? "").trim();
  return script === EMPTY ? "" : script;
}

/**
 * SQL that would bring the result of all migrations to schema.prisma; "" when they match.
 * Replays the migrations on an in-memory PGlite (the shadow database).
 */
export async function diffMigrationsToSchema(paths: MigrationPaths = defaultPaths()): Promise<string> {
  const migrations = readMigrations(paths.migrationsDir);
  // The engine cannot read an empty history (it takes the provider from migration_lock.toml).
  const fromEmpty = migrations.migrationDirectories.length === 0;
  // The engine connects to a main database even for a diff that only uses the shadow one.
  const shadow = await startEmbeddedPostgres({ dataDir: "memory", handleSignals: false });
  try {
    const handle = await openSchemaEngine({ url: shadow.url, shadowUrl: shadow.url });
    try {
      const result = await handle.engine.diff({
        from: fromEmpty ? { tag: "empty" } : { tag: "migrations", ...migrations },
        to: { tag: "schemaDatamodel", files: schemaFiles(paths) },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      return normaliseScript(result.stdout);
    } catch (error) {
      throw new MigrationError(`Vergelijken mislukt: ${describe(error)}`, handle.logs);
    } finally {
      await handle.close();
    }
  } finally {
    await shadow.stop();
  }
}

/** SQL that would bring the live database at `url` to schema.prisma; "" when it matches. */
export async function diffDatabaseToSchema(url: string, paths: MigrationPaths = defaultPaths()): Promise<string> {
  const handle = await openSchemaEngine({ url });
  try {
    const result = await handle.engine.diff({
      // "schemaDatasource" means: the database the engine's adapter is connected to.
      from: { tag: "schemaDatasource", files: schemaFiles(paths), configDir: path.dirname(paths.schemaPath) },
      to: { tag: "schemaDatamodel", files: schemaFiles(paths) },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normaliseScript(result.stdout);
  } catch (error) {
    throw new MigrationError(`Vergelijken mislukt: ${describe(error)}`, handle.logs);
  } finally {
    await handle.close();
  }
}

/** 20260115093000, UTC, as Prisma names migration directories. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export interface NewMigration {
  name: string;
  dir: string;
  sql: string;
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from the existing
 * migrations to schema.prisma. Returns null (and writes nothing) when there is no difference.
 * Hand-written additions (CHECK constraints, triggers) belong at the end of the generated file.
 */
export async function createMigration(
  name: string,
  paths: MigrationPaths = defaultPaths(),
  now: Date = new Date(),
): Promise<NewMigration | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new MigrationError(`Migratienaam "${name}" mag alleen kleine letters, cijfers en _ bevatten.`);
  }
  const sql = await diffMigrationsToSchema(paths);
  if (!sql) return null;
  const dirName = `${timestamp(now)}_${name}`;
  const dir = path.join(paths.migrationsDir, dirName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lockPath = path.join(paths.migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return { name: dirName, dir, sql };
}

/**
 * After a failed migration was fixed (or its effects undone by hand): mark it rolled back so that
 * the next applyMigrations runs it again. Offline `prisma migrate resolve --rolled-back NAME`.
 */
export async function markRolledBack(url: string, migrationName: string): Promise<void> {
  const handle = await openSchemaEngine({ url });
  try {
    await handle.engine.markMigrationRolledBack({ migrationName });
  } catch (error) {
    throw new MigrationError(`Markeren mislukt: ${describe(error)}`, handle.logs);
  } finally {
    await handle.close();
  }
}
