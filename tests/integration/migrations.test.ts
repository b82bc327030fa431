import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "../../scripts/lib/migrations";

const adminUrl = inject("adminDatabaseUrl");
const created: string[] = [];

async function freshDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
});

describe("the migration runner", () => {
  it("applies every migration once and records it in _prisma_migrations as Prisma does", async () => {
    const url = await freshDatabase(`mig_${Date.now()}_a`);
    const first = await migrate(url);
    const files = readMigrations();
    expect(first.applied).toEqual(files.map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(files.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(files[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);

    const again = await migrate(url);
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it("two runners at once apply each migration exactly once (advisory lock)", async () => {
    const url = await freshDatabase(`mig_${Date.now()}_b`);
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations().length);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(readMigrations().length);
  });

  it("rolls back a failing migration, records the failure and refuses to go on until it is resolved", async () => {
    const url = await freshDatabase(`mig_${Date.now()}_c`);
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id INT);\nSELECT * FROM "no_such_table";`,
    );
    await expect(migrate(url, dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
    const failed = await query<{ logs: string; finished_at: Date | null }>(
      url,
      `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
    );
    expect(failed).toEqual([{ logs: expect.stringContaining("no_such_table"), finished_at: null }]);
    await expect(migrate(url, dir)).rejects.toThrow(/failed earlier and has not been resolved/);
  });

  it("refuses to run when an applied migration file was edited afterwards", async () => {
    const url = await freshDatabase(`mig_${Date.now()}_d`);
    const dir = copyOfMigrations();
    await migrate(url, dir);
    const first = readMigrations(dir)[0]!;
    writeFileSync(path.join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    await expect(migrate(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });
});
