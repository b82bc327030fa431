// Prints Prisma-style DDL for the tables and enums in prisma/schema.prisma, to
// help write a migration where `prisma migrate dev` cannot run (no schema
// engine). Usage: npm run db:draft-migration -- [Model …]
// Review the output, keep only what the change adds, and save it as
// prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql. The schema-drift
// test then proves the migration matches the schema.
import { loadDatabaseShape, type TableShape } from "./lib/schema-shape";

const only = new Set(process.argv.slice(2));
const shape = await loadDatabaseShape();
const wanted = (name: string) => only.size === 0 || only.has(name);
const q = (name: string) => `"${name}"`;
const list = (names: string[]) => names.map(q).join(", ");

const out: string[] = [];
for (const e of only.size === 0 ? shape.enums : []) {
  out.push(`-- CreateEnum\nCREATE TYPE ${q(e.name)} AS ENUM (${e.values.map((v) => `'${v}'`).join(", ")});\n`);
}
const tables = shape.tables.filter((t) => wanted(t.name));
for (const t of tables) out.push(createTable(t));
for (const t of tables) {
  for (const u of t.uniqueIndexes) out.push(`-- CreateIndex\nCREATE UNIQUE INDEX ${q(u.name)} ON ${q(t.name)}(${list(u.columns)});\n`);
  for (const i of t.indexes) out.push(`-- CreateIndex\nCREATE INDEX ${q(i.name)} ON ${q(t.name)}(${list(i.columns)});\n`);
}
for (const t of tables) {
  for (const fk of t.foreignKeys) {
    out.push(
      `-- AddForeignKey\nALTER TABLE ${q(t.name)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${list(fk.columns)}) ` +
        `REFERENCES ${q(fk.referencedTable)}(${list(fk.referencedColumns)}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE;\n`,
    );
  }
}
console.log(out.join("\n"));

function createTable(t: TableShape): string {
  const lines = t.columns.map((c) => {
    const parts = [`    ${q(c.name)} ${c.sqlType}`];
    if (!c.nullable) parts.push("NOT NULL");
    if (c.defaultSql) parts.push(`DEFAULT ${c.defaultSql}`);
    return parts.join(" ");
  });
  lines.push(`    CONSTRAINT ${q(`${t.name}_pkey`)} PRIMARY KEY (${list(t.primaryKey)})`);
  return `-- CreateTable\nCREATE TABLE ${q(t.name)} (\n${lines.join(",\n")}\n);\n`;
}
