// The bench's step over bid counts (issue 28): copies of the big tender with
// 3, 10, 25, 50, 100 and 200 submitted bids, each with the same 10 criteria,
// 12-member panel and every member's submitted votes, so the moderation
// overview can be measured at each size. Made in PostgreSQL (one statement per
// table, columns copied with jsonb_populate_record so no column list drifts
// from the schema); bids past the big tender's 50 reuse its bids' content under
// new bidders. Score revisions are not copied. Idempotent: a size already
// there is left as it is.
import pg from "pg";

export const BID_COUNTS = [3, 10, 25, 50, 100, 200] as const;

/** Each size's tender id, copying the big tender where a size is missing. */
export async function tendersByBidCount(url: string, bigTenderId: string): Promise<Map<number, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = new Map<number, string>();
    for (const n of BID_COUNTS) {
      const reference = `BENCH-BIDS-${n}`;
      const existing = await client.query<{ id: string }>(`SELECT id::text FROM "Tender" WHERE reference = $1`, [reference]);
      found.set(n, existing.rows[0]?.id ?? (await copyTender(client, bigTenderId, n, reference)));
    }
    await client.query("ANALYZE");
    return found;
  } finally {
    await client.end();
  }
}

async function copyTender(client: pg.Client, source: string, n: number, reference: string): Promise<string> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`);
    const id = rows[0]!.id;
    const copy = (table: string, map: string, where: string, extra: string) =>
      client.query(
        `INSERT INTO "${table}" SELECT (jsonb_populate_record(NULL::"${table}", to_jsonb(x) || ${extra})).* FROM "${table}" x ${map} WHERE ${where}`,
        [source, id],
      );
    await client.query(
      `INSERT INTO "Tender" SELECT (jsonb_populate_record(NULL::"Tender", to_jsonb(t) || jsonb_build_object('id', $2::uuid, 'reference', $3::text, 'title', t.title || ' (' || $4::text || ' bids)'))).* FROM "Tender" t WHERE t.id = $1`,
      [source, id, reference, String(n)],
    );
    await client.query(
      `CREATE TEMP TABLE criterion_map ON COMMIT DROP AS SELECT id AS old, gen_random_uuid() AS new FROM "Criterion" WHERE "tenderId" = $1`,
      [source],
    );
    await client.query(
      `CREATE TEMP TABLE member_map ON COMMIT DROP AS SELECT id AS old, gen_random_uuid() AS new FROM "PanelMember" WHERE "tenderId" = $1`,
      [source],
    );
    // The i-th copied bid takes the content of the source's (i mod 50)-th; the first 50 keep their bidders, the rest get new ones.
    await client.query(
      `CREATE TEMP TABLE bid_map ON COMMIT DROP AS
       SELECT s.id AS old, gen_random_uuid() AS new, g.i, CASE WHEN g.i < s.total THEN s."organisationId" END AS "organisationId"
       FROM generate_series(0, $2::int - 1) g(i)
       JOIN (SELECT id, "organisationId", row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED') s
         ON s.k = g.i % s.total`,
      [source, n],
    );
    await client.query(
      `INSERT INTO "Organisation" (name, kind) SELECT 'Bench extra bidder ' || i, 'PROVIDER' FROM bid_map WHERE "organisationId" IS NULL ON CONFLICT (name) DO NOTHING`,
    );
    await client.query(
      `UPDATE bid_map m SET "organisationId" = o.id FROM "Organisation" o WHERE m."organisationId" IS NULL AND o.name = 'Bench extra bidder ' || m.i`,
    );
    await copy(
      "Criterion",
      `JOIN criterion_map c ON c.old = x.id`,
      `x."tenderId" = $1`,
      `jsonb_build_object('id', c.new, 'tenderId', $2::uuid)`,
    );
    await copy(
      "PanelMember",
      `JOIN member_map m ON m.old = x.id`,
      `x."tenderId" = $1`,
      `jsonb_build_object('id', m.new, 'tenderId', $2::uuid)`,
    );
    await copy(
      "Bid",
      `JOIN bid_map b ON b.old = x.id`,
      `x."tenderId" = $1`,
      `jsonb_build_object('id', b.new, 'tenderId', $2::uuid, 'organisationId', b."organisationId")`,
    );
    await copy(
      "BidVersion",
      `JOIN bid_map b ON b.old = x."bidId"`,
      `$1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
      `jsonb_build_object('id', gen_random_uuid(), 'bidId', b.new)`,
    );
    await copy(
      "BidResponse",
      `JOIN bid_map b ON b.old = x."bidId" JOIN criterion_map c ON c.old = x."criterionId"`,
      `$1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
      `jsonb_build_object('id', gen_random_uuid(), 'bidId', b.new, 'criterionId', c.new)`,
    );
    // Every member declares no conflict with every bidder of the copy.
    await client.query(
      `INSERT INTO "ConflictDeclaration" ("panelMemberId", "organisationId", "hasConflict") SELECT m.new, b."organisationId", false FROM member_map m, bid_map b`,
    );
    await copy(
      "Score",
      `JOIN bid_map b ON b.old = x."bidId" JOIN member_map m ON m.old = x."panelMemberId" JOIN criterion_map c ON c.old = x."criterionId"`,
      `$1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
      `jsonb_build_object('id', gen_random_uuid(), 'bidId', b.new, 'panelMemberId', m.new, 'criterionId', c.new)`,
    );
    await client.query("COMMIT");
    return id;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
