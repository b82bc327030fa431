import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { frozenTender } from "../fixtures/award-builders";
import { seedDemo } from "@/server/demo/demo-scenario";
import { createUser } from "../fixtures/factories";

const folder = mkdtempSync(path.join(os.tmpdir(), "cocommission-backups-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every table's row count and a hash of its whole content, read straight from PostgreSQL. */
async function fingerprint(): Promise<Record<string, { rows: number; hash: string }>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const out: Record<string, { rows: number; hash: string }> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ n: number; hash: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM "${tablename}" t`,
      );
      out[tablename] = { rows: rows[0]!.n, hash: rows[0]!.hash };
    }
    return out;
  } finally {
    await client.end();
  }
}

function npmRun(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

describe("npm run db:backup and npm run db:restore", () => {
  it("back up to a timestamped file, and restore every table's rows exactly as they were after the data changed", async () => {
    await seedDemo({ password: "backup test password 2026" });
    await frozenTender();
    const before = await fingerprint();
    expect(Object.values(before).filter((t) => t.rows > 0).length).toBeGreaterThan(15);

    const printed = npmRun("backup.ts", folder);
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cocommission-\d{8}-\d{6}\.backup\.gz$/);
    expect(printed).toContain(`Restore with: npm run db:restore`);

    // Life goes on, then something goes wrong: new rows, changed rows, a lost table.
    await createUser("COMMISSIONER");
    await db.tender.updateMany({ data: { title: "Changed after the backup" } });
    await db.outboxMessage.deleteMany();
    await db.$disconnect();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP TABLE "TimeEntry" CASCADE`);
    await client.end();
    expect(await fingerprint()).not.toEqual(before);

    expect(npmRun("restore.ts", path.join(folder, files[0]!))).toMatch(/^Restored \d+ rows in \d+ tables/);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a file that is not a backup, with a clear message, and changes nothing", async () => {
    const before = await fingerprint();
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", "restore.ts"), "package.json"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toBe("");
    expect(await fingerprint()).toEqual(before);
  });
});
