import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  defaultPaths,
  markRolledBack,
  MigrationError,
  readMigrations,
  type MigrationPaths,
} from "./migrate";
import { maakTestDatabase, type TestDatabase } from "./database.testhulp";

const migrationNames = readMigrations(defaultPaths().migrationsDir).migrationDirectories.map((d) => d.path);

describe("applyMigrations on a fresh database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await maakTestDatabase({ migreer: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("applies every migration once and records it like prisma migrate deploy", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const first = await applyMigrations(t.url);
    expect(first.applied).toEqual(migrationNames);

    const rows = await t.db.$queryRaw<{ migration_name: string; checksum: string; finished: boolean }[]>`
      SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    expect(rows.every((r) => r.finished)).toBe(true);
    // Prisma's checksum is the SHA-256 of migration.sql: the native engine would accept this history.
    const crypto = await import("node:crypto");
    const sql = fs.readFileSync(path.join(defaultPaths().migrationsDir, migrationNames[0]!, "migration.sql"));
    expect(rows[0]?.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));

    const second = await applyMigrations(t.url);
    expect(second.applied).toEqual([]);
    expect(await t.db.berichtgever.count()).toBe(0);
  });
});

describe("a broken migration", () => {
  let t: TestDatabase;
  let paths: MigrationPaths;
  let tmp: string;
  beforeAll(async () => {
    t = await maakTestDatabase({ migreer: false });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "swi-migraties-"));
    fs.cpSync(defaultPaths().migrationsDir, path.join(tmp, "migrations"), { recursive: true });
    const broken = path.join(tmp, "migrations", "29991231000000_kapot");
    fs.mkdirSync(broken);
    // The first statement succeeds; the whole migration must still be undone.
    fs.writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "proef" ("id" INTEGER);\nSELECT 1 / 0;\n');
    paths = { migrationsDir: path.join(tmp, "migrations"), schemaPath: defaultPaths().schemaPath };
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("is reported, recorded as failed, rolled back, and stops later runs", async () => {
    const error = await applyMigrations(t.url, paths).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/29991231000000_kapot/);
    expect((error as Error).message).toMatch(/division by zero/);

    const rows = await t.db.$queryRaw<{ migration_name: string; finished: boolean; logs: string | null }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished, logs FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => [r.migration_name, r.finished])).toEqual([
      ...migrationNames.map((n) => [n, true]),
      ["29991231000000_kapot", false],
    ]);
    expect(rows.at(-1)?.logs).toMatch(/division by zero/);

    const proef = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'proef'`;
    expect(Number(proef[0]?.n)).toBe(0);

    // Like `prisma migrate deploy` (P3009): nothing more is applied until someone resolves it.
    await expect(applyMigrations(t.url, paths)).rejects.toThrow(/failed migrations/i);
  });

  it("runs again once fixed and marked rolled back", async () => {
    fs.writeFileSync(
      path.join(paths.migrationsDir, "29991231000000_kapot", "migration.sql"),
      'CREATE TABLE "proef" ("id" INTEGER);\n',
    );
    await markRolledBack(t.url, "29991231000000_kapot");
    expect((await applyMigrations(t.url, paths)).applied).toEqual(["29991231000000_kapot"]);
    const proef = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'proef'`;
    expect(Number(proef[0]?.n)).toBe(1);
  });
});
