import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  createMigration,
  defaultPaths,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  type MigrationPaths,
} from "./migrate";
import { maakTestDatabase, type TestDatabase } from "./database.testhulp";

// Generating migrations replays all of them on an in-memory PGlite: a few seconds each.
const SLOW = 60_000;

describe("drift", () => {
  it("the migrations produce exactly schema.prisma", { timeout: SLOW }, async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("a migrated database matches schema.prisma, hand-written CHECKs and triggers included", async () => {
    const t = await maakTestDatabase();
    try {
      expect(await diffDatabaseToSchema(t.url)).toBe("");
    } finally {
      await t.close();
    }
  });
});

describe("a later generated migration", () => {
  let tmp: string;
  let paths: MigrationPaths;
  let t: TestDatabase;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "swi-drift-"));
    fs.cpSync(defaultPaths().migrationsDir, path.join(tmp, "migrations"), { recursive: true });
    const schema = fs
      .readFileSync(defaultPaths().schemaPath, "utf8")
      .replace(
        "  naam      String\n  actief    Boolean  @default(true)",
        "  naam      String\n  opmerking String?\n  actief    Boolean  @default(true)",
      );
    expect(schema).toContain("opmerking String?");
    paths = { migrationsDir: path.join(tmp, "migrations"), schemaPath: path.join(tmp, "schema.prisma") };
    fs.writeFileSync(paths.schemaPath, schema);
    t = await maakTestDatabase({ migreer: false });
  }, SLOW);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("contains only the change and leaves the hand-written SQL alone", { timeout: SLOW }, async () => {
    const m = await createMigration("opmerking", paths, new Date("2099-01-02T03:04:05Z"));
    expect(m?.name).toBe("20990102030405_opmerking");
    expect(m?.sql).toMatch(/ALTER TABLE "berichtgever" ADD COLUMN\s+"opmerking" TEXT/);
    expect(m?.sql).not.toMatch(/DROP/i);
    expect(fs.readFileSync(path.join(paths.migrationsDir, m!.name, "migration.sql"), "utf8")).toContain('"opmerking"');

    expect(await diffMigrationsToSchema(paths)).toBe("");
    expect(await createMigration("nog_eens", paths)).toBeNull();

    await applyMigrations(t.url, paths);
    const checks = await t.db.$queryRaw<{ conname: string }[]>`
      SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname = 'berichtgever_code_check'`;
    expect(checks).toHaveLength(1);
    const triggers = await t.db.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'audit_log'::regclass ORDER BY tgname`;
    expect(triggers.map((r) => r.tgname)).toEqual(["audit_log_no_truncate", "audit_log_no_update_delete"]);
  });

  it("refuses a migration name that is not snake_case", async () => {
    await expect(createMigration("Nieuw veld", paths)).rejects.toThrow(/kleine letters/);
  });
});
