// `npm run db:restore <file>`: replaces everything in the database
// (DATABASE_URL, or the embedded default) with a backup made by
// `npm run db:backup`, then applies any newer migrations. Stop the portal first.
import { existsSync } from "node:fs";
import { restore } from "./lib/backup";
import { withDatabase } from "./lib/database-for-tools";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(file ? `No such file: ${file}` : "Usage: npm run db:restore <backup file>   (made by npm run db:backup, in backups/)");
  process.exit(1);
}
try {
  const header = await withDatabase((url) => restore(url, file));
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Restored ${rows} rows in ${header.tables.length} tables from ${file} (made ${header.createdAt}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
