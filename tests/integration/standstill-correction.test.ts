import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { OutcomeLetterView } from "@/components/awards/outcome-letter-view";
import { confirmAward } from "@/server/awards/confirm-award";
import { correctRunningStandstills } from "@/server/awards/correct-standstills";
import { decideAward } from "@/server/awards/decide-award";
import { getAwardForCommissioner, getOutcomeLetter } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict } from "@/server/errors";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";

// Issue 17: standstills running when the regulation 12 count shipped. Approved Tue 22 December 2026:
// the standstill begins Wed 23 (a working day, not counted); counted Thu 24, Tue 29 – Thu 31 and
// Mon 4 – Thu 7 January → ends at midnight at the end of 7 January 2027. The old count took Wed 23 as
// day 1 and stored the end of Wed 6 January: one working day short.
const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const SHORT_END = new Date("2027-01-06T23:59:59.999Z");
const CORRECT_END = new Date("2027-01-07T23:59:59.999Z");
const SENTENCE = "The standstill began on Wednesday 23 December 2026 and ends at midnight at the end of Thursday 7 January 2027.";
const DEPLOYED = new Date("2026-12-30T09:00:00.000Z");

let t: FrozenTender;
let awardDecisionId: string;

/** An award approved and stored the way the old code stored it, then migrated (20261125211000). */
async function approvedUnderTheOldCount(endsAt = SHORT_END) {
  const recommended = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    new Date(APPROVED.getTime() - 3_600_000),
  );
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: recommended.awardDecisionId } });
  await decideAward(
    t.governor,
    recommended.awardDecisionId,
    { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash },
    APPROVED,
  );
  // Behind the app's back: the end the old count stored, and no legacy marker yet (before the migration).
  await db.awardDecision.update({
    where: { id: recommended.awardDecisionId },
    data: { standstillEndsAt: endsAt, legacyLetterStandstillEndsAt: null },
  });
  // The migration's data step, run as written.
  const migration = readFileSync("prisma/migrations/20261125211000_standstill_correction/migration.sql", "utf8");
  const update = migration
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith("UPDATE"));
  await db.$executeRawUnsafe(
    update!
      .split("\n")
      .filter((l) => !l.startsWith("--"))
      .join("\n"),
  );
  return recommended.awardDecisionId;
}

async function providerActor(organisationId: string): Promise<Actor> {
  const u = await db.user.findFirstOrThrow({ where: { organisationId } });
  return { id: u.id, role: "PROVIDER", name: u.name, email: u.email, organisationId: u.organisationId, establishmentIds: [] };
}

beforeEach(async () => {
  t = await frozenTender();
});

describe("correcting standstills already running", () => {
  beforeEach(async () => {
    awardDecisionId = await approvedUnderTheOldCount();
  });

  it("moves a short end to the regulation's later end, audited, and tells the bidders and commissioners", async () => {
    const corrections = await correctRunningStandstills(DEPLOYED);
    expect(corrections).toEqual([{ awardDecisionId, tenderId: t.id, from: SHORT_END, to: CORRECT_END }]);
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    expect(decision.standstillEndsAt?.toISOString()).toBe(CORRECT_END.toISOString());
    expect(decision.standstillStartsOn?.toISOString().slice(0, 10)).toBe("2026-12-23");
    expect(decision.legacyLetterStandstillEndsAt?.toISOString()).toBe(SHORT_END.toISOString());

    const events = await db.auditEvent.findMany({ where: { action: "award.standstill_corrected", entityId: awardDecisionId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, tenderId: t.id, establishmentId: t.establishmentId });
    expect(events[0]!.before).toMatchObject({ standstillEndsAt: SHORT_END.toISOString() });
    expect(events[0]!.after).toMatchObject({ standstillEndsAt: CORRECT_END.toISOString() });

    const providers = await db.user.findMany({ where: { organisationId: { in: [t.organisations.a, t.organisations.b] } } });
    const emails = await db.outboxMessage.findMany({ where: { template: "standstill-corrected" } });
    expect(emails.map((e) => e.to).sort()).toEqual([...providers.map((p) => p.email), t.commissioner.email, t.commissioner2.email].sort());
    for (const e of emails) expect(e.text).toContain(SENTENCE);

    // Safe to run again: nothing moves twice, nothing is audited twice.
    expect(await correctRunningStandstills(new Date(DEPLOYED.getTime() + 86_400_000))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "award.standstill_corrected", entityId: awardDecisionId } })).toBe(1);
  });

  it("the letter already sent keeps its wording and date; the award page shows the corrected standstill", async () => {
    await correctRunningStandstills(DEPLOYED);
    const letter = await getOutcomeLetter(await providerActor(t.organisations.b), awardDecisionId);
    expect(letter.legacyStandstillEndsAt?.toISOString()).toBe(SHORT_END.toISOString());
    expect(letter.standstill.sentence).toBe(SENTENCE);
    const html = renderToStaticMarkup(createElement(OutcomeLetterView, { letter }));
    const body = html.slice(html.indexOf("<article"));
    // The letter's own words, as sent.
    expect(body).toContain("There is a standstill period of 8 working days before the contract is awarded. It ends at the end of");
    expect(body).toContain("6 January 2027, 11:59pm");
    expect(body).not.toContain("7 January 2027");
    // Above the letter, the correction.
    expect(html.slice(0, html.indexOf("<article"))).toContain(SENTENCE);

    const award = await getAwardForCommissioner(t.commissioner, t.id);
    expect(award.decisions[0]!.standstill?.sentence).toBe(SENTENCE);
  });

  it("the award cannot be confirmed on the day the old count would have allowed", async () => {
    await correctRunningStandstills(DEPLOYED);
    await expect(confirmAward(t.commissioner, t.id, new Date(SHORT_END.getTime() + 1))).rejects.toThrow(SENTENCE);
    await expect(confirmAward(t.commissioner, t.id, CORRECT_END)).rejects.toBeInstanceOf(Conflict);
    await confirmAward(t.commissioner, t.id, new Date(CORRECT_END.getTime() + 1));
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("AWARDED");
  });

  it("a short standstill whose old end has already passed, but not yet confirmed, is still moved", async () => {
    const corrections = await correctRunningStandstills(new Date(SHORT_END.getTime() + 3_600_000));
    expect(corrections.filter((c) => c.awardDecisionId === awardDecisionId).map((c) => c.to)).toEqual([CORRECT_END]);
  });

  it("an awarded tender is left alone", async () => {
    await db.awardDecision.update({ where: { id: awardDecisionId }, data: { awardedAt: DEPLOYED } });
    await db.tender.update({ where: { id: t.id }, data: { status: "AWARDED" } });
    expect((await correctRunningStandstills(DEPLOYED)).filter((c) => c.awardDecisionId === awardDecisionId)).toEqual([]);
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).standstillEndsAt?.toISOString()).toBe(
      SHORT_END.toISOString(),
    );
  });
});

describe("standstills that are not short", () => {
  it("a stored end later than the regulation's is kept, never moved earlier", async () => {
    const later = new Date("2027-01-11T23:59:59.999Z");
    awardDecisionId = await approvedUnderTheOldCount(later);
    expect((await correctRunningStandstills(DEPLOYED)).filter((c) => c.awardDecisionId === awardDecisionId)).toEqual([]);
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).standstillEndsAt?.toISOString()).toBe(
      later.toISOString(),
    );
    expect(await db.auditEvent.count({ where: { action: "award.standstill_corrected", entityId: awardDecisionId } })).toBe(0);
  });

  it("a standstill started under the regulation's count is untouched and its letter uses the one wording", async () => {
    const recommended = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      APPROVED,
    );
    const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: recommended.awardDecisionId } });
    await decideAward(
      t.governor,
      recommended.awardDecisionId,
      { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash },
      APPROVED,
    );
    expect((await correctRunningStandstills(DEPLOYED)).filter((c) => c.awardDecisionId === recommended.awardDecisionId)).toEqual([]);
    const letter = await getOutcomeLetter(await providerActor(t.organisations.b), recommended.awardDecisionId);
    expect(letter.legacyStandstillEndsAt).toBeNull();
    const html = renderToStaticMarkup(createElement(OutcomeLetterView, { letter }));
    expect(html).toContain(SENTENCE);
    expect(html).not.toContain("standstill-correction");
  });
});
