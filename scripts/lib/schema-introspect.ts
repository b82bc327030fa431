// Reads the shape of a live PostgreSQL database and lists every difference
// from the shape prisma/schema.prisma implies (scripts/lib/schema-shape.ts).
import pg from "pg";
import type { DatabaseShape, TableShape } from "./schema-shape";

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function introspect(connectionString: string): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      is_nullable: "YES" | "NO";
      data_type: string;
      udt_name: string;
      datetime_precision: number | null;
      character_maximum_length: number | null;
      column_default: string | null;
    }>(`SELECT table_name, column_name, is_nullable, data_type, udt_name, datetime_precision,
               character_maximum_length, column_default
          FROM information_schema.columns
         WHERE table_schema = 'public'
         ORDER BY table_name, ordinal_position`);
    const indexes = await client.query<{
      table_name: string;
      index_name: string;
      is_unique: boolean;
      is_primary: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
    );
    const fks = await client.query<{
      table_name: string;
      name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
    }>(
      `SELECT t.relname AS table_name, c.conname AS name,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              r.relname AS ref_table,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'`,
    );
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname`,
    );

    const tableNames = [...new Set(columns.rows.map((c) => c.table_name))].filter((t) => !IGNORED_TABLES.has(t));
    const onDelete: Record<string, TableShape["foreignKeys"][number]["onDelete"]> = {
      a: "NO ACTION",
      r: "RESTRICT",
      c: "CASCADE",
      n: "SET NULL",
      d: "SET DEFAULT",
    };
    return {
      enums: enums.rows.map((e) => ({ name: e.name, values: e.values })),
      tables: tableNames.map((name) => {
        const tableIndexes = indexes.rows.filter((i) => i.table_name === name);
        return {
          name,
          columns: columns.rows
            .filter((c) => c.table_name === name)
            .map((c) => ({
              name: c.column_name,
              sqlType: sqlTypeOf(c),
              nullable: c.is_nullable === "YES",
              defaultSql: c.column_default,
            })),
          primaryKey: tableIndexes.find((i) => i.is_primary)?.columns ?? [],
          uniqueIndexes: tableIndexes.filter((i) => i.is_unique && !i.is_primary).map((i) => ({ name: i.index_name, columns: i.columns })),
          indexes: tableIndexes.filter((i) => !i.is_unique).map((i) => ({ name: i.index_name, columns: i.columns })),
          foreignKeys: fks.rows
            .filter((f) => f.table_name === name)
            .map((f) => ({
              name: f.name,
              columns: f.columns,
              referencedTable: f.ref_table,
              referencedColumns: f.ref_columns,
              onDelete: onDelete[f.on_delete] ?? "NO ACTION",
            })),
        };
      }),
    };
  } finally {
    await client.end();
  }
}

function sqlTypeOf(c: {
  data_type: string;
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
}): string {
  switch (c.data_type) {
    case "USER-DEFINED":
      return `"${c.udt_name}"`;
    case "ARRAY": {
      // "_int4" → INTEGER[]; "_AgeBand" (an array of one of our enums, named in PascalCase) → "AgeBand"[].
      const element = c.udt_name.slice(1);
      return /[A-Z]/.test(element) ? `"${element}"[]` : `${element.toUpperCase()}[]`;
    }
    case "timestamp with time zone":
      return `TIMESTAMPTZ(${c.datetime_precision})`;
    case "timestamp without time zone":
      return `TIMESTAMP(${c.datetime_precision})`;
    case "character varying":
      return c.character_maximum_length ? `VARCHAR(${c.character_maximum_length})` : "VARCHAR";
    case "double precision":
      return "DOUBLE PRECISION";
    default:
      return c.udt_name === "int4"
        ? "INTEGER"
        : c.udt_name === "int8"
          ? "BIGINT"
          : c.udt_name === "bool"
            ? "BOOLEAN"
            : c.udt_name.toUpperCase();
  }
}

/** `'x'::text` → `'x'`, `nextval(...)` stays recognisable; compare what Prisma means. */
function normaliseDefault(sql: string | null): string | null {
  if (sql === null) return null;
  return sql.replace(/::[a-zA-Z_" ]+(\[\])?$/g, "").replace(/^\((.*)\)$/, "$1");
}

/** Every way the live database differs from the schema, in plain sentences (empty = in step). */
export function diffShapes(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const problems: string[] = [];
  const key = (cols: string[]) => cols.join(",");

  for (const e of expected.enums) {
    const a = actual.enums.find((x) => x.name === e.name);
    if (!a) problems.push(`enum ${e.name} is missing`);
    else if (key(a.values) !== key(e.values)) problems.push(`enum ${e.name} has values [${a.values}] but the schema says [${e.values}]`);
  }
  for (const a of actual.enums) {
    if (!expected.enums.some((e) => e.name === a.name)) problems.push(`enum ${a.name} exists in the database but not in the schema`);
  }

  for (const t of expected.tables) {
    const a = actual.tables.find((x) => x.name === t.name);
    if (!a) {
      problems.push(`table ${t.name} is missing`);
      continue;
    }
    for (const c of t.columns) {
      const ac = a.columns.find((x) => x.name === c.name);
      if (!ac) {
        problems.push(`column ${t.name}.${c.name} is missing`);
        continue;
      }
      const serial = c.sqlType === "SERIAL" ? "INTEGER" : c.sqlType === "BIGSERIAL" ? "BIGINT" : null;
      const expectedType = serial ?? c.sqlType;
      if (ac.sqlType !== expectedType) problems.push(`column ${t.name}.${c.name} is ${ac.sqlType} but the schema says ${expectedType}`);
      if (ac.nullable !== c.nullable)
        problems.push(
          `column ${t.name}.${c.name} is ${ac.nullable ? "nullable" : "NOT NULL"} but the schema says ${c.nullable ? "nullable" : "NOT NULL"}`,
        );
      const actualDefault = normaliseDefault(ac.defaultSql);
      if (serial) {
        if (!actualDefault?.startsWith("nextval(")) problems.push(`column ${t.name}.${c.name} should autoincrement`);
      } else if ((actualDefault ?? null) !== (normaliseDefault(c.defaultSql) ?? null)) {
        problems.push(
          `column ${t.name}.${c.name} defaults to ${actualDefault ?? "nothing"} but the schema says ${c.defaultSql ?? "nothing"}`,
        );
      }
    }
    for (const ac of a.columns) {
      if (!t.columns.some((c) => c.name === ac.name))
        problems.push(`column ${t.name}.${ac.name} exists in the database but not in the schema`);
    }
    if (key(a.primaryKey) !== key(t.primaryKey))
      problems.push(`table ${t.name} has primary key (${a.primaryKey}) but the schema says (${t.primaryKey})`);
    compareIndexes(`unique index`, t.name, t.uniqueIndexes, a.uniqueIndexes, problems);
    compareIndexes(`index`, t.name, t.indexes, a.indexes, problems);
    for (const fk of t.foreignKeys) {
      const afk = a.foreignKeys.find((x) => key(x.columns) === key(fk.columns));
      if (!afk) problems.push(`foreign key ${t.name}(${fk.columns}) → ${fk.referencedTable} is missing`);
      else if (
        afk.referencedTable !== fk.referencedTable ||
        key(afk.referencedColumns) !== key(fk.referencedColumns) ||
        afk.onDelete !== fk.onDelete
      )
        problems.push(
          `foreign key ${t.name}(${fk.columns}) is → ${afk.referencedTable}(${afk.referencedColumns}) ON DELETE ${afk.onDelete} but the schema says → ${fk.referencedTable}(${fk.referencedColumns}) ON DELETE ${fk.onDelete}`,
        );
    }
    for (const afk of a.foreignKeys) {
      if (!t.foreignKeys.some((fk) => key(fk.columns) === key(afk.columns)))
        problems.push(`foreign key ${afk.name} exists in the database but not in the schema`);
    }
  }
  for (const a of actual.tables) {
    if (!expected.tables.some((t) => t.name === a.name)) problems.push(`table ${a.name} exists in the database but not in the schema`);
  }
  return problems;
}

function compareIndexes(
  kind: string,
  table: string,
  expected: { name: string; columns: string[] }[],
  actual: { name: string; columns: string[] }[],
  problems: string[],
) {
  const key = (i: { columns: string[] }) => i.columns.join(",");
  for (const e of expected) {
    if (!actual.some((a) => key(a) === key(e))) problems.push(`${kind} on ${table}(${e.columns}) is missing`);
  }
  for (const a of actual) {
    if (!expected.some((e) => key(e) === key(a)))
      problems.push(`${kind} ${a.name} on ${table}(${a.columns}) exists in the database but not in the schema`);
  }
}
