/**
 * Database commands (see docs/database.md):
 *
 *   npm run db:migrate                  apply pending migrations
 *   npm run db:new-migration -- NAME    write prisma/migrations/<timestamp>_NAME from schema.prisma
 *   npm run db:seed                     gemeente lists + demo accounts (idempotent)
 *   npm run db:reset                    empty the database, migrate, seed (not in production)
 *   tsx scripts/db.ts check             exit 1 when migrations and schema.prisma differ
 *   tsx scripts/db.ts rolled-back NAME  after fixing a failed migration: let migrate run it again
 *
 * Target: DATABASE_URL, or else the embedded database in var/pgdata (SWI_PGDATA), which must not be
 * in use by a running portal at the same time.
 */
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  markRolledBack,
  MigrationError,
} from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";

interface Target {
  url: string;
  label: string;
  close(): Promise<void>;
}

async function target(): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const u = new URL(url);
    return { url, label: `${u.hostname}:${u.port || 5432}${u.pathname}`, close: async () => {} };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: process.env.SWI_PGDATA,
    maxConnections: 4,
  });
  return { url: embedded.url, label: `ingebouwde database in ${embedded.dataDir}`, close: embedded.stop };
}

async function migrate(t: Target) {
  const { applied, ms } = await applyMigrations(t.url);
  console.log(
    applied.length
      ? `Migraties toegepast op ${t.label} (${ms} ms):\n${applied.map((n) => `  ${n}`).join("\n")}`
      : `${t.label} is bij: geen openstaande migraties.`,
  );
}

async function runSeed(t: Target) {
  const db = createDb(t.url, 2);
  try {
    const r = await seed(db);
    if (r.gemeentelijstenGeladen.length) console.log(`Gemeentelijsten geladen: ${r.gemeentelijstenGeladen.join(", ")}`);
    if (r.gemeentelijstenAanwezig.length)
      console.log(`Gemeentelijsten al aanwezig: ${r.gemeentelijstenAanwezig.join(", ")}`);
    console.log(`Demo-berichtgevers: ${r.berichtgevers.join("; ")}`);
  } finally {
    await db.$disconnect();
  }
}

async function reset(t: Target) {
  if (process.env.NODE_ENV === "production") {
    throw new Error("db:reset weigert met NODE_ENV=production: het wist alle gegevens.");
  }
  const db = createDb(t.url, 1);
  try {
    // Everything Prisma created lives in schema public; DROP … CASCADE also passes the audit trigger.
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS public CASCADE");
    await db.$executeRawUnsafe("CREATE SCHEMA public");
  } finally {
    await db.$disconnect();
  }
  console.log(`${t.label} geleegd.`);
  await migrate(t);
  await runSeed(t);
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "new-migration": {
      const name = args[0];
      if (!name) {
        console.error("Gebruik: npm run db:new-migration -- naam_van_de_wijziging");
        return 2;
      }
      const m = await createMigration(name);
      if (!m) {
        console.log("schema.prisma en de migraties zijn gelijk: geen nieuwe migratie nodig.");
        return 0;
      }
      console.log(`Nieuwe migratie: prisma/migrations/${m.name}/migration.sql\n\n${m.sql}`);
      return 0;
    }
    case "check": {
      const sql = await diffMigrationsToSchema();
      if (!sql) {
        console.log("Migraties en schema.prisma komen overeen.");
        return 0;
      }
      console.error(
        `schema.prisma wijkt af van de migraties; maak een migratie (npm run db:new-migration -- naam):\n\n${sql}`,
      );
      return 1;
    }
    case "migrate":
    case "seed":
    case "reset":
    case "rolled-back": {
      const name = args[0];
      if (command === "rolled-back" && !name) {
        console.error("Gebruik: tsx scripts/db.ts rolled-back NAAM_VAN_DE_MISLUKTE_MIGRATIE");
        return 2;
      }
      const t = await target();
      try {
        if (command === "migrate") await migrate(t);
        else if (command === "seed") await runSeed(t);
        else if (command === "reset") await reset(t);
        else {
          await markRolledBack(t.url, name!);
          console.log(`${name} gemarkeerd als teruggedraaid; npm run db:migrate voert hem opnieuw uit.`);
        }
      } finally {
        await t.close();
      }
      return 0;
    }
    default:
      console.error("Gebruik: tsx scripts/db.ts migrate|new-migration NAAM|seed|reset|check|rolled-back NAAM");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof MigrationError && process.env.DEBUG) console.error(error.engineLogs.join(""));
    process.exit(1);
  },
);
