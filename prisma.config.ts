// Prisma CLI configuration. The app itself never reads this file: it connects
// through src/server/db.ts (adapter-pg). `prisma generate` needs no database;
// `prisma migrate deploy` (where Prisma's schema engine can be downloaded)
// uses DATABASE_URL and agrees with scripts/migrate.ts on _prisma_migrations.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
