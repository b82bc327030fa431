// Issue 11: pages keep a tender's computed results in the process
// (currentResults), keyed by a fingerprint read from PostgreSQL on every
// request. A change, whoever writes it (this server, another one, plain SQL),
// shows on the very next read; every viewer still gets only what they may see.
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { markAbsent, reviseScore, startModeration } from "@/server/evaluation/moderation";
import { getModerationBid, getModerationView } from "@/server/evaluation/queries";
import { currentResults } from "@/server/evaluation/results";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { OPENED, openedTender, type OpenedTender, declareNoConflicts, scoreSheet } from "../fixtures/evaluation-builders";
import { captureSql } from "./sql-capture";

const REASON = "The answer is clear and shows real experience.";
let t: OpenedTender;

async function scoreAll(tender: OpenedTender, actor: Actor, a: [number, number], b: [number, number]) {
  await declareNoConflicts(tender, actor);
  await saveBidScores(actor, tender.id, tender.bids.a, scoreSheet(tender, a, REASON), true, OPENED);
  await saveBidScores(actor, tender.id, tender.bids.b, scoreSheet(tender, b, REASON), true, OPENED);
}

async function inModeration(): Promise<OpenedTender> {
  const tender = await openedTender();
  await scoreAll(tender, tender.commissioner, [4, 4], [3, 3]);
  await scoreAll(tender, tender.commissioner2, [2, 4], [3, 3]);
  await scoreAll(tender, tender.technicians[0]!, [4, 3], [2, 3]);
  await scoreAll(tender, tender.technicians[1]!, [5, 4], [3, 2]);
  await startModeration(tender.commissioner, tender.id, OPENED);
  return tender;
}

async function qualityCell(actor: Actor, tender: OpenedTender) {
  const view = await getModerationView(actor, tender.id, OPENED);
  if (!view.visible) throw new Error("should be visible");
  const bid = view.result.bids.find((b) => b.bidId === tender.bids.a)!;
  return { view, cell: bid.cells.find((c) => c.criterionId === tender.criteria.quality)! };
}

/** Another server, or anyone with SQL: a write this process never hears about. */
async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  t = await inModeration();
});

describe("a tender's results, kept between requests", () => {
  it("a second read of unchanged data is the kept result, and sends one statement instead of loading every vote", async () => {
    const first = await captureSql(() => currentResults(t.id));
    const second = await captureSql(() => currentResults(t.id));
    expect(second.result).toBe(first.result);
    expect(second.statements).toHaveLength(1);
    expect(first.statements.length).toBeGreaterThan(second.statements.length);
  });

  it("a revised score shows on the next read", async () => {
    // Quality on bid A: 4, 2, 4, 5 → mean 3.75.
    expect((await qualityCell(t.commissioner, t)).cell.scoreDisplay).toBe("3.75");
    await reviseScore(
      t.commissioner2,
      t.id,
      { bidId: t.bids.a, criterionId: t.criteria.quality, score: "5", reason: REASON, revisionReason: "I missed the staffing annex." },
      OPENED,
    );
    // 4, 5, 4, 5 → 4.5.
    expect((await qualityCell(t.commissioner, t)).cell.scoreDisplay).toBe("4.50");
    const bidPage = await getModerationBid(t.commissioner, t.id, t.bids.a, OPENED);
    expect(bidPage.bid!.cells.find((c) => c.criterionId === t.criteria.quality)!.scoreDisplay).toBe("4.50");
  });

  it("a change written by another server (plain SQL, no updatedAt) shows on the next read", async () => {
    expect((await qualityCell(t.commissioner, t)).cell.scoreDisplay).toBe("3.75");
    await sql(`UPDATE "Score" SET score = 1 WHERE "panelMemberId" = $1 AND "bidId" = $2 AND "criterionId" = $3`, [
      t.seats[t.commissioner2.id],
      t.bids.a,
      t.criteria.quality,
    ]);
    // 4, 1, 4, 5 → 3.5.
    expect((await qualityCell(t.commissioner, t)).cell.scoreDisplay).toBe("3.50");
    // A member marked absent by another server is no longer counted.
    await sql(`UPDATE "PanelMember" SET "markedAbsentAt" = now() WHERE id = $1`, [t.seats[t.technicians[1]!.id]]);
    const { view, cell } = await qualityCell(t.commissioner, t);
    expect(cell.voteCount).toBe(3);
    expect(view.notCounted.absent).toEqual([t.technicians[1]!.name]);
    // A bidder renamed: the ranking says the new name.
    await sql(`UPDATE "Organisation" SET name = 'Renamed bidder' WHERE id = $1`, [t.organisations.a]);
    expect((await qualityCell(t.commissioner, t)).view.result.bids.map((b) => b.label)).toContain("Renamed bidder");
  });

  it("every input of the results moves the tender's stamp, whoever writes it; a draft, another tender or a description does not", async () => {
    // Issue 28: the freshness check is one indexed read of a stamp kept by triggers, not a hash of every vote.
    const other = await inModeration();
    const member = t.seats[t.commissioner2.id]!;
    const changes: [string, string, unknown[]][] = [
      [
        "a submitted vote",
        `UPDATE "Score" SET score = 0 WHERE "panelMemberId" = $1 AND "bidId" = $2 AND "criterionId" = $3`,
        [member, t.bids.a, t.criteria.quality],
      ],
      ["the rule", `UPDATE "Tender" SET "aggregationRule" = 'PANEL_PARITY' WHERE id = $1`, [t.id]],
      ["a criterion's weight", `UPDATE "Criterion" SET weight = weight + 1 WHERE id = $1`, [t.criteria.quality]],
      ["a bidder's name", `UPDATE "Organisation" SET name = name || ' Ltd' WHERE id = $1`, [t.organisations.b]],
      ["a member's name", `UPDATE "User" SET name = name || ' Jr' WHERE id = $1`, [t.commissioner2.id]],
      ["a member's status", `UPDATE "PanelMember" SET "markedAbsentAt" = now() WHERE id = $1`, [member]],
      [
        "a conflict declared",
        `UPDATE "ConflictDeclaration" SET "hasConflict" = true WHERE "panelMemberId" = $1 AND "organisationId" = $2`,
        [member, t.organisations.a],
      ],
      [
        "a new bid version (its price)",
        `INSERT INTO "BidVersion" ("bidId", version, content, "contentHash", "submittedById", "submittedAt") SELECT "bidId", version + 1, jsonb_set(content, '{pricePence}', '"1"'), 'x', "submittedById", now() FROM "BidVersion" WHERE "bidId" = $1 ORDER BY version DESC LIMIT 1`,
        [t.bids.b],
      ],
      ["a bid withdrawn", `UPDATE "Bid" SET status = 'WITHDRAWN', "withdrawnAt" = now() WHERE id = $1`, [t.bids.b]],
    ];
    for (const [what, text, values] of changes) {
      const before = await currentResults(t.id);
      expect(await currentResults(t.id), what).toBe(before);
      await sql(text, values);
      expect(await currentResults(t.id), what).not.toBe(before);
    }
    // A saved draft is not a vote: the kept result stays, on this tender and on the others.
    const fresh = await openedTender();
    await declareNoConflicts(fresh, fresh.commissioner);
    const kept = await currentResults(fresh.id);
    const keptOther = await currentResults(other.id);
    await saveBidScores(fresh.commissioner, fresh.id, fresh.bids.a, scoreSheet(fresh, [3, 4], REASON), false, OPENED);
    expect(await currentResults(fresh.id)).toBe(kept);
    // A change on one tender leaves the others' kept results alone.
    await sql(`UPDATE "Criterion" SET weight = weight + 1 WHERE id = $1`, [fresh.criteria.quality]);
    expect(await currentResults(fresh.id)).not.toBe(kept);
    expect(await currentResults(other.id)).toBe(keptOther);
  });

  it("marking a member absent (the use case) counts them out on the next read", async () => {
    const other = await openedTender();
    await scoreAll(other, other.commissioner, [4, 4], [3, 3]);
    await scoreAll(other, other.commissioner2, [2, 4], [3, 3]);
    await scoreAll(other, other.technicians[0]!, [4, 3], [2, 3]);
    await declareNoConflicts(other, other.technicians[1]!);
    const before = await getModerationView(other.commissioner, other.id, OPENED);
    if (!before.visible) throw new Error("the chair has submitted");
    expect(before.notCounted.absent).toEqual([]);
    await markAbsent(other.commissioner, other.id, other.seats[other.technicians[1]!.id]!, true, OPENED);
    const after = await getModerationView(other.commissioner, other.id, OPENED);
    if (!after.visible) throw new Error("the chair has submitted");
    expect(after.notCounted.absent).toEqual([other.technicians[1]!.name]);
  });

  it("each viewer still sees only their own view: names, anonymity and blind scoring are applied per request", async () => {
    // The chair warms the kept result up with everyone's names in it.
    const chair = await getModerationView(t.commissioner, t.id, OPENED);
    if (!chair.visible) throw new Error("should be visible");
    expect(chair.columns.filter((c) => c.role === "TECHNICIAN").map((c) => c.name)).toEqual(
      [t.technicians[0]!.name, t.technicians[1]!.name].sort(),
    );
    const commissioner = await getModerationView(t.commissioner2, t.id, OPENED);
    if (!commissioner.visible) throw new Error("should be visible");
    expect(commissioner.columns.filter((c) => c.role === "TECHNICIAN").map((c) => c.name)).toEqual([
      "Young commissioner A",
      "Young commissioner B",
    ]);
    expect(JSON.stringify(commissioner.columns)).not.toContain(t.technicians[0]!.name);

    // Another tender still in evaluation: a member who has not submitted sees nothing, kept result or not.
    const other = await openedTender();
    await scoreAll(other, other.commissioner, [4, 4], [3, 3]);
    const chairOther = await getModerationView(other.commissioner, other.id, OPENED);
    expect(chairOther.visible).toBe(true);
    await declareNoConflicts(other, other.technicians[0]!);
    expect((await getModerationView(other.technicians[0]!, other.id, OPENED)).visible).toBe(false);
    // And two tenders never share a result.
    if (!chairOther.visible) throw new Error("should be visible");
    expect(chairOther.result.bids.map((b) => b.bidId).sort()).toEqual([other.bids.a, other.bids.b].sort());
    expect((await currentResults(t.id)).result.bids.map((b) => b.bidId).sort()).toEqual([t.bids.a, t.bids.b].sort());
  });
});
