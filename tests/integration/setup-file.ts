// Runs before each integration test file: gives the file a fresh database
// copied from the migrated template, and points DATABASE_URL at it before any
// server module (and so the Prisma client) is imported.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("adminDatabaseUrl");
const template = inject("templateDatabase");
const database = `cocommission_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";

afterAll(async () => {
  const { db } = await import("@/server/db");
  await db.$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
});
