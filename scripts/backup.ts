// `npm run db:backup [folder]`: a timestamped, restorable backup of the
// database (DATABASE_URL, or the embedded default) in backups/ or the folder
// given. Restore with `npm run db:restore <file>`. See scripts/lib/backup.ts.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backup, backupFileName } from "./lib/backup";
import { PROJECT_ROOT } from "./lib/embedded-db";
import { withDatabase } from "./lib/database-for-tools";

const folder = path.resolve(process.argv[2] ?? process.env.BACKUP_DIR ?? path.join(PROJECT_ROOT, "backups"));
try {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, backupFileName());
  const header = await withDatabase((url) => backup(url, file));
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backed up ${rows} rows in ${header.tables.length} tables (PostgreSQL ${header.postgres}, ${header.migrations.length} migrations) to ${file}`,
  );
  console.log(`Restore with: npm run db:restore ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
