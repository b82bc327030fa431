import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { diffShapes, introspect } from "../../scripts/lib/schema-introspect";
import { loadDatabaseShape, type DatabaseShape } from "../../scripts/lib/schema-shape";

// prisma/schema.prisma and prisma/migrations must describe the same database.
// This file's database was built by running every migration (the template).
let expected: DatabaseShape;
beforeAll(async () => {
  expected = await loadDatabaseShape();
});

describe("schema.prisma and the migrated database", () => {
  it("agree on every table, column, type, nullability, default, key, index and foreign key", async () => {
    const actual = await introspect(process.env.DATABASE_URL!);
    expect(diffShapes(expected, actual)).toEqual([]);
    expect(expected.tables.length).toBeGreaterThan(25);
  });

  it("reports drift when the database and the schema disagree", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`ALTER TABLE "Tender" ADD COLUMN "sneaky" TEXT`);
      await client.query(`ALTER TABLE "Score" ALTER COLUMN "reason" DROP NOT NULL`);
      await client.query(`DROP INDEX "Bid_tenderId_organisationId_key"`);
      await client.query(`ALTER TABLE "Criterion" DROP CONSTRAINT "Criterion_tenderId_fkey"`);
      await client.query(`ALTER TYPE "Role" ADD VALUE 'SUPERUSER'`);
      const problems = diffShapes(expected, await introspect(process.env.DATABASE_URL!));
      expect(problems).toEqual(
        expect.arrayContaining([
          "column Tender.sneaky exists in the database but not in the schema",
          "column Score.reason is nullable but the schema says NOT NULL",
          "unique index on Bid(tenderId,organisationId) is missing",
          "foreign key Criterion(tenderId) → Tender is missing",
          "enum Role has values [ADMIN,COMMISSIONER,TECHNICIAN,GOVERNOR,PROVIDER,SUPERUSER] but the schema says [ADMIN,COMMISSIONER,TECHNICIAN,GOVERNOR,PROVIDER]",
        ]),
      );
    } finally {
      await client.end();
    }
  });

  it("reports a model the migrations never created", () => {
    const withExtra: DatabaseShape = {
      ...expected,
      tables: [...expected.tables, { name: "Ghost", columns: [], primaryKey: ["id"], uniqueIndexes: [], indexes: [], foreignKeys: [] }],
    };
    const actualWithoutGhost = { ...expected, tables: expected.tables };
    expect(diffShapes(withExtra, actualWithoutGhost)).toContain("table Ghost is missing");
  });
});
