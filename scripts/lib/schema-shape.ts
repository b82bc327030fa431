// The database shape that prisma/schema.prisma implies, read from Prisma's own
// parser (DMMF, a WebAssembly build: no native engine needed). Two users:
//  - tests/integration/schema-drift.test.ts compares it with the migrated
//    database, so schema.prisma and prisma/migrations cannot drift apart;
//  - scripts/draft-migration.ts renders it as Prisma-style SQL, to help write
//    a migration on machines where `prisma migrate dev` cannot run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export interface ColumnShape {
  name: string;
  /** PostgreSQL type as Prisma writes it, e.g. TEXT, UUID, TIMESTAMPTZ(3), "Role". */
  sqlType: string;
  nullable: boolean;
  /** SQL default expression, or null. SERIAL/BIGSERIAL carry their own. */
  defaultSql: string | null;
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: "CASCADE" | "RESTRICT" | "SET NULL" | "NO ACTION" | "SET DEFAULT";
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  /** Each unique index: its name and columns in order. */
  uniqueIndexes: { name: string; columns: string[] }[];
  indexes: { name: string; columns: string[] }[];
  foreignKeys: ForeignKeyShape[];
}

export interface DatabaseShape {
  enums: { name: string; values: string[] }[];
  tables: TableShape[];
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string;
  dbName?: string;
  fields: { name: string }[];
}

interface Dmmf {
  datamodel: {
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    models: DmmfModel[];
    indexes: DmmfIndex[];
  };
}

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

export async function loadDatabaseShape(schemaPath = SCHEMA_PATH): Promise<DatabaseShape> {
  const { getDMMF } = require("@prisma/internals") as {
    getDMMF(options: { datamodel: string }): Promise<Dmmf>;
  };
  const dmmf = await getDMMF({ datamodel: readFileSync(schemaPath, "utf8") });
  return shapeFromDmmf(dmmf);
}

function shapeFromDmmf(dmmf: Dmmf): DatabaseShape {
  const { models, enums, indexes } = dmmf.datamodel;
  const tableName = (modelName: string) => {
    const model = models.find((m) => m.name === modelName);
    if (!model) throw new Error(`Unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnName = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`Unknown field ${model.name}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  const tables = models.map((model): TableShape => {
    const table = model.dbName ?? model.name;
    const scalars = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const columns = scalars.map((field) => columnShape(field));
    const modelIndexes = indexes.filter((i) => i.model === model.name);
    const cols = (i: DmmfIndex) => i.fields.map((f) => columnName(model, f.name));
    const primaryKey = modelIndexes.filter((i) => i.type === "id").flatMap(cols);
    const uniqueIndexes = modelIndexes
      .filter((i) => i.type === "unique")
      .map((i) => ({ name: i.dbName ?? `${table}_${cols(i).join("_")}_key`, columns: cols(i) }));
    const plainIndexes = modelIndexes
      .filter((i) => i.type === "normal")
      .map((i) => ({ name: i.dbName ?? `${table}_${cols(i).join("_")}_idx`, columns: cols(i) }));
    const foreignKeys = model.fields
      .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
      .map((field): ForeignKeyShape => {
        const fkColumns = (field.relationFromFields ?? []).map((n) => columnName(model, n));
        const target = models.find((m) => m.name === field.type);
        if (!target) throw new Error(`Unknown relation target ${field.type}`);
        const fromFields = field.relationFromFields ?? [];
        const anyOptional = fromFields.some((n) => !model.fields.find((f) => f.name === n)?.isRequired);
        const onDelete = field.relationOnDelete ?? (anyOptional ? "SetNull" : "Restrict");
        return {
          name: `${table}_${fkColumns.join("_")}_fkey`,
          columns: fkColumns,
          referencedTable: tableName(field.type),
          referencedColumns: (field.relationToFields ?? []).map((n) => columnName(target, n)),
          onDelete: referentialAction(onDelete),
        };
      });
    return { name: table, columns, primaryKey, uniqueIndexes, indexes: plainIndexes, foreignKeys };
  });

  return {
    enums: enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) })),
    tables,
  };
}

function referentialAction(action: string): ForeignKeyShape["onDelete"] {
  switch (action) {
    case "Cascade":
      return "CASCADE";
    case "Restrict":
      return "RESTRICT";
    case "SetNull":
      return "SET NULL";
    case "NoAction":
      return "NO ACTION";
    case "SetDefault":
      return "SET DEFAULT";
    default:
      throw new Error(`Unknown referential action ${action}`);
  }
}

function columnShape(field: DmmfField): ColumnShape {
  const def = field.default as { name?: string; args?: unknown[] } | string | number | boolean | undefined;
  const isAutoincrement = typeof def === "object" && def?.name === "autoincrement";
  let sqlType = sqlTypeOf(field);
  if (isAutoincrement) sqlType = field.type === "BigInt" ? "BIGSERIAL" : "SERIAL";
  return {
    name: field.dbName ?? field.name,
    sqlType: field.isList ? `${sqlType}[]` : sqlType,
    nullable: !field.isRequired,
    defaultSql: isAutoincrement ? null : defaultSqlOf(field, def),
  };
}

function sqlTypeOf(field: DmmfField): string {
  if (field.kind === "enum") return `"${field.type}"`;
  const native = field.nativeType;
  if (native) {
    const [name, args] = native;
    const upper = name.toUpperCase();
    return args.length > 0 ? `${upper}(${args.join(",")})` : upper;
  }
  const defaults: Record<string, string> = {
    String: "TEXT",
    Int: "INTEGER",
    BigInt: "BIGINT",
    Boolean: "BOOLEAN",
    DateTime: "TIMESTAMP(3)",
    Json: "JSONB",
    Bytes: "BYTEA",
    Float: "DOUBLE PRECISION",
    Decimal: "DECIMAL(65,30)",
  };
  const sql = defaults[field.type];
  if (!sql) throw new Error(`No SQL type for ${field.name}: ${field.type}`);
  return sql;
}

function defaultSqlOf(field: DmmfField, def: unknown): string | null {
  if (def === undefined || def === null) return null;
  if (typeof def === "object" && def !== null && "name" in def) {
    const fn = def as { name: string; args: unknown[] };
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    // cuid()/uuid() are generated by Prisma Client, not by the database.
    return null;
  }
  // An empty list (`@default([])`): PostgreSQL shows ARRAY[]::text[], compared without its cast.
  if (Array.isArray(def) && def.length === 0) return "ARRAY[]";
  if (field.kind === "enum") return `'${String(def)}'`;
  if (typeof def === "string") return `'${def.replaceAll("'", "''")}'`;
  return String(def);
}
