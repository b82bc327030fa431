// Issue 26: an audit trail nobody can quietly rewrite. Each case here is one
// that `npm run audit:verify` (and the chain walk alone) could not catch
// before: a history rewritten and chained again with the database's own hash
// function, events removed from the end with the head moved back, a forged
// event inserted and chained in, and the texts the chain only pointed at
// (representations, their messages and files, clarification answers) edited
// in their own tables. A checkpoint kept outside the database catches the
// first three; triggers refuse the others, and their fingerprints in the chain
// name any that is changed with the triggers dropped.
import type { AuditAction } from "@/server/audit-trail/labels";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { audit } from "@/server/audit";
import { verifyBoundRecords } from "@/server/audit-trail/bound-records";
import { verifyAuditChain } from "@/server/audit-trail/chain";
import { currentCheckpoint, formatCheckpoint, parseCheckpoint, type Checkpoint } from "@/server/audit-trail/checkpoint";
import { recommendAward } from "@/server/awards/recommend-award";
import { decideAward } from "@/server/awards/decide-award";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { askQuestion } from "@/server/clarifications/ask-question";
import { db } from "@/server/db";
import { askForClarification } from "@/server/representations/clarification";
import { decideOnRepresentations } from "@/server/representations/decide-representations";
import { makeRepresentation } from "@/server/representations/make-representation";
import { frozenTender } from "../fixtures/award-builders";
import { providerOrganisation, publishedTender } from "../fixtures/tender-builders";

const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const DURING = new Date("2027-01-04T10:00:00.000Z");
const DECIDED = new Date("2027-01-08T10:00:00.000Z");
const BEFORE = new Date("2026-12-01T10:00:00.000Z");

/** Someone with the database's rights: SQL with the named triggers off, then on again. */
async function behindTheBack(sql: string, values: unknown[] = [], triggers: [string, string][] = []): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [table, trigger] of triggers) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
    await client.query(sql, values);
    for (const [table, trigger] of triggers) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

/** Without the triggers' help: what a plain UPDATE or DELETE gets. */
async function plainSql(sql: string, values: unknown[] = []): Promise<void> {
  await behindTheBack(sql, values);
}

const EVENTS: [string, string][] = [["AuditEvent", "AuditEvent_append_only"]];

/** Recomputes every event's hash from `fromId` on with the migration's own SQL function, and moves the head: a clean-looking chain. */
const RECHAIN = `
  DO $$
  DECLARE r "AuditEvent"; prev text; last_id bigint;
  BEGIN
    SELECT "hash" INTO prev FROM "AuditEvent" WHERE "id" < $FROM ORDER BY "id" DESC LIMIT 1;
    FOR r IN SELECT * FROM "AuditEvent" WHERE "id" >= $FROM ORDER BY "id" LOOP
      UPDATE "AuditEvent" SET "prevHash" = prev, "hash" = "cocommission_audit_event_hash"(r, prev) WHERE "id" = r."id"
        RETURNING "hash" INTO prev;
      last_id := r."id";
    END LOOP;
    IF last_id IS NULL THEN SELECT max("id") INTO last_id FROM "AuditEvent"; END IF;
    UPDATE "AuditChainHead" SET "lastEventId" = last_id, "hash" = (SELECT "hash" FROM "AuditEvent" WHERE "id" = last_id) WHERE "id" = 1;
  END $$`;
const rechainFrom = (id: bigint) => RECHAIN.replaceAll("$FROM", id.toString());

async function event(action: string, entityId: string): Promise<bigint> {
  await db.$transaction((tx) =>
    audit(tx, null, { action: action as AuditAction, entityType: "Thing", entityId, after: { decision: "APPROVED" } }),
  );
  return (await db.auditEvent.findFirstOrThrow({ where: { entityId }, orderBy: { id: "desc" } })).id;
}

async function checkpointNow(): Promise<Checkpoint> {
  return (await currentCheckpoint())!;
}

function verifyScript(args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts", ...args], {
    env: { ...process.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a checkpoint kept outside the database", () => {
  let a: bigint;
  let b: bigint;
  beforeEach(async () => {
    a = await event("tamper.first", `first-${Date.now()}`);
    b = await event("tamper.second", `second-${Date.now()}`);
    await event("tamper.third", `third-${Date.now()}`);
  });

  it("an event edited and the chain worked out again with the database's own hash function: the walk passes, the checkpoint does not", async () => {
    const checkpoint = await checkpointNow();
    await behindTheBack(`UPDATE "AuditEvent" SET "after" = '{"decision":"REJECTED"}' WHERE "id" = $1`, [b.toString()], EVENTS);
    await behindTheBack(rechainFrom(b), [], EVENTS);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    const check = await verifyAuditChain(db, { checkpoint });
    expect(check).toMatchObject({ ok: false, brokenAt: { id: checkpoint.eventId.toString() } });
    expect(!check.ok && check.reason).toMatch(/no longer has the hash in your checkpoint/);
  });

  it("the last events removed and the head moved back: the walk passes, the checkpoint names its missing event", async () => {
    const checkpoint = await checkpointNow();
    await behindTheBack(`DELETE FROM "AuditEvent" WHERE "id" > $1`, [a.toString()], EVENTS);
    await behindTheBack(
      `UPDATE "AuditChainHead" SET "lastEventId" = $1, "hash" = (SELECT "hash" FROM "AuditEvent" WHERE "id" = $1) WHERE "id" = 1`,
      [a.toString()],
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    const check = await verifyAuditChain(db, { checkpoint });
    expect(check).toMatchObject({ ok: false, brokenAt: { id: checkpoint.eventId.toString() } });
    expect(!check.ok && check.reason).toMatch(/no longer in the audit trail/);
  });

  it("a forged event chained in before the checkpoint's event: the walk passes, the checkpoint does not", async () => {
    const checkpoint = await checkpointNow();
    // Make room after event a: renumber the later events, insert a forgery as a's successor, chain everything again.
    await behindTheBack(`UPDATE "AuditEvent" SET "id" = "id" + 1000000, "prevHash" = NULL WHERE "id" > $1`, [a.toString()], EVENTS);
    await behindTheBack(
      `INSERT INTO "AuditEvent" ("id", "at", "action", "entityType", "entityId", "after", "hash") VALUES ($1, now(), 'award.approved', 'Thing', 'forged', '{"decision":"APPROVED"}', 'x')`,
      [(a + 1n).toString()],
      EVENTS,
    );
    await behindTheBack(rechainFrom(a + 1n), [], EVENTS);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({ ok: false });
    // Put the numbering back (the forgery out), so the events written next follow on.
    await behindTheBack(`DELETE FROM "AuditEvent" WHERE "entityId" = 'forged'`, [], EVENTS);
    await behindTheBack(`UPDATE "AuditEvent" SET "id" = "id" - 1000000 WHERE "id" > 1000000`, [], EVENTS);
    await behindTheBack(rechainFrom(a + 1n), [], EVENTS);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("an untouched history passes with its checkpoint, and a checkpoint is read strictly", async () => {
    const checkpoint = await checkpointNow();
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({ ok: true });
    expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual({ ok: true, checkpoint });
    expect(parseCheckpoint(` ${checkpoint.eventId}:${checkpoint.hash.toUpperCase()} `)).toEqual({ ok: true, checkpoint });
    for (const bad of [
      "",
      "12",
      "12:abc",
      "x:" + "a".repeat(64),
      "1:" + "g".repeat(64),
      "1:" + "a".repeat(65),
      42,
      null,
      "9".repeat(30) + ":" + "a".repeat(64),
    ])
      expect(parseCheckpoint(bad)).toMatchObject({ ok: false });
  });

  it("npm run audit:verify -- --checkpoint: exit 0 and a checkpoint to keep; 1 when rewritten; 2 for something that is not a checkpoint", async () => {
    const checkpoint = await checkpointNow();
    const ok = verifyScript(["--checkpoint", formatCheckpoint(checkpoint)]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`The history up to event ${checkpoint.eventId} is the one your checkpoint describes.`);
    expect(ok.stdout).toMatch(/Checkpoint to keep \(outside this database\): \d+:[0-9a-f]{64}/);
    expect(verifyScript(["--checkpoint", "not-a-checkpoint"]).status).toBe(2);
    await behindTheBack(`UPDATE "AuditEvent" SET "after" = '{"decision":"REJECTED"}' WHERE "id" = $1`, [b.toString()], EVENTS);
    await behindTheBack(rechainFrom(b), [], EVENTS);
    const broken = verifyScript(["--checkpoint", formatCheckpoint(checkpoint)]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("no longer has the hash in your checkpoint");
  }, 60_000);
});

/** A tender in standstill: the recommendation approved by the governor, and the unsuccessful bidder's provider, who may make a representation. */
async function inStandstill() {
  const t = await frozenTender();
  const { awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    new Date(APPROVED.getTime() - 3_600_000),
  );
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await decideAward(t.governor, awardDecisionId, { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash }, APPROVED);
  const u = await db.user.findFirstOrThrow({ where: { organisationId: t.organisations.b } });
  const provider = {
    id: u.id,
    role: "PROVIDER" as const,
    name: u.name,
    email: u.email,
    organisationId: u.organisationId,
    establishmentIds: [],
  };
  return { t, awardDecisionId, provider };
}

describe("what people wrote, bound to the chain", () => {
  it("representations, their messages, files and further decisions: refused by triggers, and named by the check when changed behind them", async () => {
    const { t, awardDecisionId, provider } = await inStandstill();
    const file = { filename: "evidence.pdf", bytes: new TextEncoder().encode("%PDF-1.4 evidence") };
    const { representationId } = await makeRepresentation(
      provider,
      awardDecisionId,
      { text: "Our price was scored wrongly.", files: [file] },
      DURING,
    );
    await askForClarification(t.commissioner, representationId, { question: "Which figure do you mean?" }, DURING);
    await decideOnRepresentations(
      t.commissioner,
      t.id,
      { outcome: "CONTINUE", reasons: "The price submitted was the one scored." },
      DECIDED,
    );
    expect(await verifyBoundRecords()).toMatchObject({ ok: true, checked: 4 });

    // The portal's own rights: every rewrite refused, nothing changed.
    for (const [sql, values] of [
      [`UPDATE "Representation" SET "text" = 'We withdraw.' WHERE id = $1`, [representationId]],
      [`DELETE FROM "Representation" WHERE id = $1`, [representationId]],
      [`UPDATE "RepresentationMessage" SET "text" = 'Nothing.' WHERE "representationId" = $1`, [representationId]],
      [`DELETE FROM "RepresentationMessage" WHERE "representationId" = $1`, [representationId]],
      [`UPDATE "RepresentationAttachment" SET "data" = 'x' WHERE "representationId" = $1`, [representationId]],
      [`UPDATE "RepresentationReview" SET "reasons" = 'Other reasons.' WHERE "awardDecisionId" = $1`, [awardDecisionId]],
    ] as [string, unknown[]][])
      await expect(plainSql(sql, values), sql).rejects.toThrow(/append-only|never change/);
    expect(await verifyBoundRecords()).toMatchObject({ ok: true });
    // Its status still moves, as the portal moves it.
    await expect(plainSql(`UPDATE "Representation" SET "status" = 'DECIDED' WHERE id = $1`, [representationId])).resolves.toBeUndefined();

    // With the triggers dropped, each rewrite is named.
    const rewrites: { rewrite: string; undo: string; values: unknown[]; trigger: [string, string]; reason: RegExp }[] = [
      {
        rewrite: `UPDATE "Representation" SET "text" = 'We withdraw.' WHERE id = $1`,
        undo: `UPDATE "Representation" SET "text" = 'Our price was scored wrongly.' WHERE id = $1`,
        values: [representationId],
        trigger: ["Representation", "Representation_guard"],
        reason: /Representation .*: its text no longer matches/,
      },
      {
        rewrite: `UPDATE "RepresentationAttachment" SET "data" = 'x' WHERE "representationId" = $1`,
        undo: `UPDATE "RepresentationAttachment" SET "data" = convert_to('%PDF-1.4 evidence', 'UTF8') WHERE "representationId" = $1`,
        values: [representationId],
        trigger: ["RepresentationAttachment", "RepresentationAttachment_append_only"],
        reason: /Representation .*: its files no longer matches/,
      },
      {
        rewrite: `UPDATE "RepresentationMessage" SET "text" = 'Nothing.' WHERE "representationId" = $1`,
        undo: `UPDATE "RepresentationMessage" SET "text" = 'Which figure do you mean?' WHERE "representationId" = $1`,
        values: [representationId],
        trigger: ["RepresentationMessage", "RepresentationMessage_append_only"],
        reason: /RepresentationMessage .*: its text no longer matches/,
      },
      {
        rewrite: `UPDATE "RepresentationReview" SET "reasons" = 'Other reasons.' WHERE "awardDecisionId" = $1`,
        undo: `UPDATE "RepresentationReview" SET "reasons" = 'The price submitted was the one scored.' WHERE "awardDecisionId" = $1`,
        values: [awardDecisionId],
        trigger: ["RepresentationReview", "RepresentationReview_append_only"],
        reason: /RepresentationReview .*: its reasons no longer matches/,
      },
    ];
    for (const { rewrite, undo, values, trigger, reason } of rewrites) {
      await behindTheBack(rewrite, values, [trigger]);
      const check = await verifyBoundRecords();
      expect(check.ok, rewrite).toBe(false);
      expect(!check.ok && check.reason, rewrite).toMatch(reason);
      await behindTheBack(undo, values, [trigger]);
      expect(await verifyBoundRecords(), undo).toMatchObject({ ok: true });
    }
  });

  it("a message nobody recorded, forged into the table, is named", async () => {
    const { awardDecisionId, provider } = await inStandstill();
    const { representationId } = await makeRepresentation(
      provider,
      awardDecisionId,
      { text: "Our price was scored wrongly, please look again.", files: [] },
      DURING,
    );
    await plainSql(
      `INSERT INTO "RepresentationMessage" ("representationId", kind, text, "authorId", "createdAt") VALUES ($1, 'CLARIFICATION_ANSWER', 'We withdraw it.', $2, now())`,
      [representationId, provider.id],
    );
    const check = await verifyBoundRecords();
    expect(check).toMatchObject({ ok: false, record: { type: "RepresentationMessage" } });
    expect(!check.ok && check.reason).toMatch(/recorded by no audit event/);
    await behindTheBack(
      `DELETE FROM "RepresentationMessage" WHERE "text" = 'We withdraw it.'`,
      [],
      [["RepresentationMessage", "RepresentationMessage_append_only"]],
    );
    expect(await verifyBoundRecords()).toMatchObject({ ok: true });
  });

  it("a published clarification answer: refused by a trigger, and named when changed behind it; an unanswered question may still be answered", async () => {
    const tender = await publishedTender({
      deadline: new Date("2026-12-18T17:00:00.000Z"),
      clarificationDeadline: new Date("2026-12-10T12:00:00.000Z"),
    });
    const asker = await providerOrganisation(`Asking Org ${Date.now()}`);
    const { id } = await askQuestion(asker.users[0], tender.id, { question: "Is the service 24/7, including weekends?" }, BEFORE);
    expect(await verifyBoundRecords()).toMatchObject({ ok: true });
    await answerQuestion(tender.commissioner, tender.id, id, { answer: "Yes, every day of the year." }, BEFORE);
    expect(await verifyBoundRecords()).toMatchObject({ ok: true });
    await expect(plainSql(`UPDATE "ClarificationQuestion" SET answer = 'No.' WHERE id = $1`, [id])).rejects.toThrow(/never change/);
    await expect(plainSql(`DELETE FROM "ClarificationQuestion" WHERE id = $1`, [id])).rejects.toThrow(/never removed/);
    await behindTheBack(
      `UPDATE "ClarificationQuestion" SET answer = 'No.' WHERE id = $1`,
      [id],
      [["ClarificationQuestion", "ClarificationQuestion_guard"]],
    );
    const check = await verifyBoundRecords();
    expect(check).toMatchObject({ ok: false, record: { type: "ClarificationQuestion", id } });
    expect(!check.ok && check.reason).toMatch(/published answer no longer matches/);
    const broken = verifyScript([]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("published answer no longer matches");
  }, 60_000);
});
