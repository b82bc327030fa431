// Issue 11: on the bench's data shape (scripts/bench/seed.ts: 500 tenders, a
// 50-bid tender, 20,000 time entries, 200,000 audit events), a key page's
// loader sends the same number of SQL statements whatever the size of the
// data (3 bids or 50; 10 time entries or 10,000), and no statement scans a
// table of more than 10,000 rows sequentially.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { auditEventHash } from "@/server/audit-trail/chain";
import { hashPassword } from "@/server/auth/password";
import { getModerationBid, getModerationView, getPanelWorkspace } from "@/server/evaluation/queries";
import { currentResults, forgetCachedResults } from "@/server/evaluation/results";
import { exportClaimsCsv } from "@/server/technicians/export-claims-csv";
import { getMyTime, getTimeForCommissioner, listClaims, listTimeToApprove } from "@/server/technicians/queries";
import { CONSENT_TEXT_VERSION } from "@/server/technicians/consent-text";
import { countTendersForCommissioner, getTenderForCommissioner, listTendersForCommissioner } from "@/server/tenders/queries";
import { listContracts } from "@/server/contracts/queries";
import { listOutbox } from "@/server/notifications/queries";
import { listUsers } from "@/server/users/queries";
import { paging } from "@/domain/paging";
import { seedBench, type SeededIds } from "../../scripts/bench/seed";
import { captureSql, type Statement } from "./sql-capture";

const NOW = new Date();
let ids: SeededIds;
let client: pg.Client;
let smallTenderId: string;
let smallChair: Actor;
let smallBidId: string;
let fewTimes: Actor;
let manyTimes: Actor;
/** Commissioners running tenders with 10 time entries in all, and with over 10,000. */
let fewToApprove: Actor;
let manyToApprove: Actor;

const actor = (u: SeededIds["users"][number]): Actor => ({
  id: u.id,
  role: u.role as Actor["role"],
  name: u.name,
  email: u.email,
  organisationId: u.organisationId,
  establishmentIds: u.establishmentIds,
});
const byEmail = (email: string) => actor(ids.users.find((u) => u.email === email)!);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on("error", () => {});
  await client.connect();
  ids = await seedBench(client, {
    passwordHash: await hashPassword("query shape password"),
    consentVersion: CONSENT_TEXT_VERSION,
    now: NOW,
    auditHash: auditEventHash,
  });
  // A 3-bid tender in moderation next to the 50-bid one.
  const small = await client.query<{ id: string; chair: string; bid: string }>(
    `SELECT t.id::text, p."userId"::text AS chair, (SELECT b.id::text FROM "Bid" b WHERE b."tenderId" = t.id LIMIT 1) AS bid
     FROM "Tender" t JOIN "PanelMember" p ON p."tenderId" = t.id AND p."isChair"
     WHERE t.status = 'MODERATION' AND t.reference <> 'BENCH-BIG' AND (SELECT count(*) FROM "Bid" b WHERE b."tenderId" = t.id) = 3
     ORDER BY t.reference LIMIT 1`,
  );
  smallTenderId = small.rows[0]!.id;
  smallBidId = small.rows[0]!.bid;
  smallChair = actor(ids.users.find((u) => u.id === small.rows[0]!.chair)!);
  // Technician 1 gets 10,000 time entries; technician 20's are cut to 10.
  manyTimes = byEmail("technician1@bench.test");
  fewTimes = byEmail("technician20@bench.test");
  await client.query(
    `INSERT INTO "TimeEntry" ("technicianId", "tenderId", "workedOn", minutes, activity, status, "updatedAt")
     SELECT e."technicianId", e."tenderId", e."workedOn" - (g % 300), 60, e.activity, e.status, now()
     FROM (SELECT * FROM "TimeEntry" WHERE "technicianId" = $1 AND status = 'PENDING' LIMIT 1) e, generate_series(1, 9000) g`,
    [manyTimes.id],
  );
  await client.query(
    `DELETE FROM "TimeEntry" WHERE "technicianId" = $1 AND id NOT IN (SELECT id FROM "TimeEntry" WHERE "technicianId" = $1 ORDER BY id LIMIT 10)`,
    [fewTimes.id],
  );
  // The commissioner page: the chair of the tender those 9,000 went on, and a
  // new commissioner who runs only one tender, cut to 10 entries of every state.
  const busiest = await client.query<{ chair: string }>(
    `SELECT p."userId"::text AS chair FROM "PanelMember" p
     WHERE p."isChair" AND p."tenderId" = (SELECT "tenderId" FROM "TimeEntry" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)`,
  );
  manyToApprove = actor(ids.users.find((u) => u.id === busiest.rows[0]!.chair)!);
  const quiet = await client.query<{ tenderId: string }>(
    `SELECT "tenderId"::text AS "tenderId" FROM "TimeEntry" GROUP BY "tenderId"
     HAVING count(*) BETWEEN 10 AND 1000 AND count(DISTINCT status) = 4
        AND "tenderId" NOT IN (SELECT "tenderId" FROM "TimeEntry" WHERE "technicianId" IN ($1, $2)) ORDER BY "tenderId" LIMIT 1`,
    [manyTimes.id, fewTimes.id],
  );
  const quietTender = quiet.rows[0]!.tenderId;
  await client.query(
    `DELETE FROM "TimeEntry" WHERE "tenderId" = $1 AND id NOT IN (
       SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY status ORDER BY id) AS n FROM "TimeEntry" WHERE "tenderId" = $1) e
       ORDER BY n, id LIMIT 10)`,
    [quietTender],
  );
  const organisationId = byEmail("commissioner1@bench.test").organisationId;
  const added = await client.query<{ id: string }>(
    `INSERT INTO "User" (email, name, role, "organisationId", "updatedAt") VALUES ('few-time@bench.test', 'Few Time', 'COMMISSIONER', $1, now()) RETURNING id::text`,
    [organisationId],
  );
  fewToApprove = { ...byEmail("commissioner1@bench.test"), id: added.rows[0]!.id, name: "Few Time", email: "few-time@bench.test" };
  await client.query(
    `INSERT INTO "PanelMember" ("tenderId", "userId", role, status, "invitedById") VALUES ($1, $2, 'COMMISSIONER', 'ACCEPTED', $2)`,
    [quietTender, fewToApprove.id],
  );
  await client.query("ANALYZE");
}, 300_000);

afterAll(async () => {
  await client.end();
});

async function statementCount(fn: () => Promise<unknown>): Promise<number> {
  return (await captureSql(fn)).statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(s.text)).length;
}

describe("statements per page do not grow with the data", () => {
  it("moderation overview, one bid, the panel page and the tender page: 3 bids or 50", async () => {
    const bigChair = byEmail("commissioner1@bench.test");
    const loaders = {
      overview: (chair: Actor, tenderId: string) => getModerationView(chair, tenderId, NOW),
      oneBid: (chair: Actor, tenderId: string, bidId: string) => getModerationBid(chair, tenderId, bidId, NOW),
      workspace: (chair: Actor, tenderId: string) => getPanelWorkspace(chair, tenderId, NOW),
      tender: (chair: Actor, tenderId: string) => getTenderForCommissioner(chair, tenderId, NOW),
    };
    // Each loader twice: with the tenders' results computed afresh, and kept from the read before (currentResults).
    for (const kept of [false, true])
      for (const [name, load] of Object.entries(loaders)) {
        if (!kept) forgetCachedResults();
        const small = await statementCount(() => load(smallChair, smallTenderId, smallBidId));
        const big = await statementCount(() => load(bigChair, ids.bigTenderId, ids.bigBidIds[0]!));
        expect({ name, kept, big }).toEqual({ name, kept, big: small });
      }
    forgetCachedResults();
    const afresh = await statementCount(() => getModerationView(bigChair, ids.bigTenderId, NOW));
    const kept = await statementCount(() => getModerationView(bigChair, ids.bigTenderId, NOW));
    expect(kept).toBeLessThan(afresh);
    const view = await getModerationView(bigChair, ids.bigTenderId, NOW);
    expect(view.visible && view.result.bids).toHaveLength(50);
  });

  it("paid time: 10 entries or 10,000", async () => {
    const page = paging({});
    expect((await getMyTime(manyTimes, page)).total).toBeGreaterThanOrEqual(10_000);
    expect((await getMyTime(fewTimes, page)).total).toBe(10);
    expect(await statementCount(() => getMyTime(manyTimes, page))).toBe(await statementCount(() => getMyTime(fewTimes, page)));
    expect((await getMyTime(manyTimes, page)).entries).toHaveLength(page.size);
  });

  it("a commissioner's paid time: 10 entries or 10,000", async () => {
    const pages = { pending: paging({}), returned: paging({}), approved: paging({}) };
    const many = await getTimeForCommissioner(manyToApprove, pages);
    const few = await getTimeForCommissioner(fewToApprove, pages);
    expect(many.counts.pending + many.counts.returned + many.counts.approved).toBeGreaterThanOrEqual(10_000);
    expect(few.counts.pending + few.counts.returned + few.counts.approved + few.paid.length).toBe(10);
    expect(Math.min(few.counts.pending, few.counts.returned, few.counts.approved, few.paid.length)).toBeGreaterThan(0);
    expect(many.pending).toHaveLength(pages.pending.size);
    expect(await statementCount(() => getTimeForCommissioner(manyToApprove, pages))).toBe(
      await statementCount(() => getTimeForCommissioner(fewToApprove, pages)),
    );
  });
});

/** Rows every node of an executed plan produced (rows × loops), and the buffers it touched. */
function planCost(plan: Record<string, unknown>): { rows: number; buffers: number } {
  const children = ((plan.Plans as Record<string, unknown>[] | undefined) ?? []).map(planCost);
  return {
    rows: Number(plan["Actual Rows"]) * Number(plan["Actual Loops"]) + children.reduce((n, c) => n + c.rows, 0),
    buffers: Number(plan["Shared Hit Blocks"] ?? 0) + Number(plan["Shared Read Blocks"] ?? 0),
  };
}

async function executedCost(statement: Statement): Promise<{ rows: number; buffers: number }> {
  const { rows } = await client.query<{ "QUERY PLAN": { Plan: Record<string, unknown> }[] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    statement.values,
  );
  return planCost(rows[0]!["QUERY PLAN"][0]!.Plan);
}

describe("the kept results' freshness check costs the same for 3 bids or 50", () => {
  it("one statement, reading the same rows and buffers (EXPLAIN ANALYZE), not every vote", async () => {
    const cost = async (tenderId: string) => {
      await currentResults(tenderId);
      const { statements } = await captureSql(() => currentResults(tenderId));
      expect(statements).toHaveLength(1);
      return executedCost(statements[0]!);
    };
    const small = await cost(smallTenderId);
    const big = await cost(ids.bigTenderId);
    const votes = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "Score" s JOIN "Bid" b ON b.id = s."bidId" WHERE b."tenderId" = $1 AND s.status = 'SUBMITTED'`,
      [ids.bigTenderId],
    );
    expect(Number(votes.rows[0]!.n)).toBeGreaterThan(1000);
    expect(big).toEqual(small);
    expect(big.rows).toBeLessThanOrEqual(2);
  });
});

/** Every Seq Scan node in a plan, with its table. */
function seqScans(plan: Record<string, unknown>): string[] {
  const here = plan["Node Type"] === "Seq Scan" ? [String(plan["Relation Name"])] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...here, ...children.flatMap(seqScans)];
}

async function bigTables(): Promise<Set<string>> {
  const { rows } = await client.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > 10000`);
  return new Set(rows.map((r) => r.relname));
}

async function explainAll(statements: Statement[]): Promise<string[]> {
  const big = await bigTables();
  const found: string[] = [];
  for (const s of statements) {
    if (!/^\s*SELECT/i.test(s.text)) continue;
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: Record<string, unknown> }[] }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
    for (const table of seqScans(rows[0]!["QUERY PLAN"][0]!.Plan)) if (big.has(table)) found.push(`${table}: ${s.text.slice(0, 160)}`);
  }
  return found;
}

describe("no sequential scan over a table of more than 10,000 rows", () => {
  it("on the key pages' queries", async () => {
    expect((await bigTables()).has("AuditEvent")).toBe(true);
    const commissioner = byEmail("commissioner1@bench.test");
    const admin = byEmail("admin@bench.test");
    const page = paging({});
    const loaders: [string, () => Promise<unknown>][] = [
      ["tenders", () => listTendersForCommissioner(commissioner, {}, NOW, page)],
      ["tenders count", () => countTendersForCommissioner(commissioner, {}, NOW)],
      [
        "moderation",
        () => {
          forgetCachedResults();
          return getModerationView(commissioner, ids.bigTenderId, NOW);
        },
      ],
      ["moderation bid", () => getModerationBid(commissioner, ids.bigTenderId, ids.bigBidIds[0]!, NOW)],
      ["my time", () => getMyTime(manyTimes, page)],
      ["time to approve", () => listTimeToApprove(commissioner)],
      ["claims", () => listClaims(commissioner)],
      ["commissioner's paid time", () => getTimeForCommissioner(manyToApprove, { pending: page, returned: page, approved: page })],
      ["payroll csv", () => exportClaimsCsv(commissioner)],
      ["contracts", () => listContracts(commissioner, NOW, {}, page)],
      ["outbox", () => listOutbox(admin, page)],
      ["users", () => listUsers(admin, page)],
    ];
    const problems: string[] = [];
    for (const [name, load] of loaders) {
      const { statements } = await captureSql(load);
      problems.push(...(await explainAll(statements)).map((p) => `${name} → ${p}`));
    }
    expect(problems).toEqual([]);
  });
});
