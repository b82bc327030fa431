// Starts one PostgreSQL for the whole integration run (embedded, or the
// server in TEST_DATABASE_URL) and migrates a template database once. Each
// test file then gets its own copy (tests/integration/setup-file.ts), so
// files can run in parallel without seeing each other's rows.
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrate } from "../../scripts/lib/migrations";

export const TEMPLATE_DATABASE = "cocommission_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

export default async function setup(project: TestProject) {
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `cocommission-test-pg-${process.pid}`),
      ephemeral: true,
    });
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();
  await migrate(withDatabase(adminUrl, TEMPLATE_DATABASE));

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    if (embedded) await embedded.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
