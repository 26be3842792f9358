import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL here, not from schema.prisma. It is optional so that
// `prisma generate` works without a database; the offline migration path (lib/db/migrate.ts)
// takes its URL as an argument and does not read this file.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx scripts/db.ts seed",
  },
  datasource: { url: process.env.DATABASE_URL },
});
