import { beforeEach, describe, expect, it } from "vitest";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { getAwardForCommissioner, getAwardSignOff, getOutcomeLetter, listLetters, listPendingAwardSignOffs } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import { listMyNotifications } from "@/server/notifications/queries";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { freezeRanking, reviseScore } from "@/server/evaluation/moderation";
import { createActor } from "../fixtures/factories";
import { FROZEN, frozenTender, REASONS, type FrozenTender } from "../fixtures/award-builders";
import { captureSql } from "./sql-capture";

let t: FrozenTender;
const NOTE = "Thank you. Your scores on trauma-informed care decided it.";
const RECOMMENDED = new Date("2026-12-17T14:00:00.000Z");
// Approved Thursday 17 December 2026: the standstill begins Fri 18 (PSR regulation 12(2), not counted);
// counted Mon 21 – Thu 24, Tue 29 – Thu 31 and Mon 4 January (Christmas, the weekends, the Boxing Day
// substitute and New Year's Day skipped); it ends at midnight at the end of 4 January 2027 (12(3)).
const APPROVED = new Date("2026-12-17T15:00:00.000Z");
const STANDSTILL_END = new Date("2027-01-04T23:59:59.999Z");
// The old count took the begin day as day 1 and ended on 31 December, a working day short.
const SHORT_END = new Date("2026-12-31T23:59:59.999Z");
const SENTENCE = "The standstill began on Friday 18 December 2026 and ends at midnight at the end of Monday 4 January 2027.";

beforeEach(async () => {
  t = await frozenTender();
});

const recommendTop = (actor: Actor = t.commissioner) =>
  recommendAward(actor, t.id, { bidId: t.bids.a, justification: "", noteToYoungCommissioners: NOTE }, RECOMMENDED);

async function hashOf(awardDecisionId: string) {
  return (await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).contentHash;
}

async function approve(awardDecisionId: string, governor: Actor = t.governor, at = APPROVED) {
  return decideAward(
    governor,
    awardDecisionId,
    { decision: "APPROVED", typedName: governor.name, comment: "", contentHash: await hashOf(awardDecisionId) },
    at,
  );
}

async function tenderStatus() {
  return (await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status;
}

describe("the award recommendation", () => {
  it("records the top bid, freezes a summary with its hash, and asks only this establishment's governor", async () => {
    const { awardDecisionId } = await recommendTop();
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    expect(decision.status).toBe("PENDING_SIGNOFF");
    expect(decision.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const request = await getAwardSignOff(t.governor, awardDecisionId);
    expect(request.summary.ranking.map((r) => [r.provider.slice(0, 8), r.rank, r.total])).toEqual([
      ["Bidder A", 1, "84.00"],
      ["Bidder B", 2, "64.00"],
    ]);
    expect(request.summary.recommended).toMatchObject({ bidId: t.bids.a, topRanked: true, total: "84.00" });
    expect(request.summary.youngCommissionersSaid[0]!.comments.map((c) => c.label)).toEqual([
      "Young commissioner A",
      "Young commissioner B",
      "Young commissioner A",
      "Young commissioner B",
    ]);
    // Anonymised: no evaluator's name anywhere in what the governor reads.
    const text = JSON.stringify(request.summary);
    for (const member of t.panel) if (member.role === "TECHNICIAN") expect(text).not.toContain(member.name);

    const governorNotices = await db.notification.findMany({ where: { userId: t.governor.id } });
    expect(governorNotices.map((n) => n.href)).toEqual([`/establishment/sign-offs/${awardDecisionId}`]);
    expect(await db.notification.count({ where: { userId: t.otherGovernor.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: t.governor.email, template: "award-signoff-request" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "award.recommended", entityId: awardDecisionId } })).toBe(1);
  });

  it("choosing a bid other than the top one needs a written justification, which the governor sees", async () => {
    const missing = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.b, justification: "  ", noteToYoungCommissioners: NOTE },
      RECOMMENDED,
    ).catch((e: unknown) => e);
    expect((missing as Invalid).fieldErrors).toEqual({ justification: expect.stringMatching(/not recommending the top-ranked bid/) });
    const justification = "Bidder A cannot staff the night service from April; B can start on time.";
    const { awardDecisionId } = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.b, justification, noteToYoungCommissioners: NOTE },
      RECOMMENDED,
    );
    const request = await getAwardSignOff(t.governor, awardDecisionId);
    expect(request.summary.recommended).toMatchObject({ bidId: t.bids.b, topRanked: false, rank: 2 });
    expect(request.summary.justification).toBe(justification);
  });

  it("refuses bad input, other commissioners and the wrong state, writing nothing", async () => {
    const bad = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: "not-a-bid", justification: "", noteToYoungCommissioners: "" },
      RECOMMENDED,
    ).catch((e: unknown) => e);
    expect((bad as Invalid).fieldErrors).toEqual({ bidId: "Choose the bid you recommend", noteToYoungCommissioners: expect.any(String) });
    const huge = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "é".repeat(5001) },
      RECOMMENDED,
    ).catch((e: unknown) => e);
    expect((huge as Invalid).fieldErrors).toEqual({ noteToYoungCommissioners: "Must be 5,000 characters or fewer" });
    await expect(recommendTop(await createActor("COMMISSIONER"))).rejects.toBeInstanceOf(Forbidden);
    await expect(recommendTop(t.technicians[0]!)).rejects.toBeInstanceOf(Forbidden);
    await expect(recommendTop(t.governor)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.awardDecision.count({ where: { tenderId: t.id } })).toBe(0);
    await db.tender.update({ where: { id: t.id }, data: { status: "MODERATION" } });
    await expect(recommendTop()).rejects.toBeInstanceOf(Conflict);
  });

  it("a newer recommendation replaces one the governor has not decided; the old one can no longer be signed", async () => {
    const first = await recommendTop();
    const firstHash = await hashOf(first.awardDecisionId);
    const second = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: `${NOTE} (updated)` },
      RECOMMENDED,
    );
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: first.awardDecisionId } })).status).toBe("SUPERSEDED");
    await expect(
      decideAward(
        t.governor,
        first.awardDecisionId,
        { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash: firstHash },
        APPROVED,
      ),
    ).rejects.toThrow(/replaced this recommendation/);
    expect((await listPendingAwardSignOffs(t.governor)).map((d) => d.id)).toEqual([second.awardDecisionId]);
  });
});

describe('the governor\'s "For your attention"', () => {
  it("a sign-off request clears when a newer recommendation replaces it, and when it is decided", async () => {
    const titles = async () => (await listMyNotifications(t.governor)).map((n) => n.href);
    const first = await recommendTop();
    expect(await titles()).toEqual([`/establishment/sign-offs/${first.awardDecisionId}`]);
    // Replaced before the governor decided: only the newer request is left.
    const second = await recommendTop();
    expect(await titles()).toEqual([`/establishment/sign-offs/${second.awardDecisionId}`]);
    // Decided (standstill starts): nothing is left to act on.
    await approve(second.awardDecisionId);
    expect(await titles()).toEqual([]);
    // The notices are kept, marked as cleared, not deleted.
    expect(await db.notification.count({ where: { userId: t.governor.id, clearedAt: { not: null } } })).toBe(2);
  });
});

describe("the governor's sign-off", () => {
  it("only the governor of the tender's establishment can see or decide it; others learn nothing", async () => {
    const { awardDecisionId } = await recommendTop();
    const hash = await hashOf(awardDecisionId);
    const input = (actor: Actor) => ({ decision: "APPROVED", typedName: actor.name, comment: "", contentHash: hash });
    for (const outsider of [t.otherGovernor, t.commissioner, t.technicians[0]!, await createActor("ADMIN")]) {
      await expect(getAwardSignOff(outsider, awardDecisionId)).rejects.toBeInstanceOf(NotFound);
      await expect(decideAward(outsider, awardDecisionId, input(outsider), APPROVED)).rejects.toBeInstanceOf(NotFound);
    }
    expect(await listPendingAwardSignOffs(t.otherGovernor)).toEqual([]);
    expect(await db.signOff.count({ where: { awardDecisionId } })).toBe(0);
    expect(await tenderStatus()).toBe("AWARD_PENDING_SIGNOFF");
  });

  it("approving needs the governor's full name typed, and binds to the exact summary they read", async () => {
    const { awardDecisionId } = await recommendTop();
    const hash = await hashOf(awardDecisionId);
    const wrongName = await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "APPROVED", typedName: "Someone Else", comment: "", contentHash: hash },
      APPROVED,
    ).catch((e: unknown) => e);
    expect((wrongName as Invalid).fieldErrors).toEqual({
      typedName: `Type your full name as it appears on your account: ${t.governor.name}. Capital letters and extra spaces do not matter.`,
    });
    const noChoice = await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "MAYBE", typedName: "", comment: "", contentHash: hash },
      APPROVED,
    ).catch((e: unknown) => e);
    expect(Object.keys((noChoice as Invalid).fieldErrors)).toEqual(["decision"]);
    await expect(
      decideAward(
        t.governor,
        awardDecisionId,
        { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash: "0".repeat(64) },
        APPROVED,
      ),
    ).rejects.toThrow(/changed while you were reading/);
    expect(await db.signOff.count({ where: { awardDecisionId } })).toBe(0);

    // Names are compared ignoring case and extra spaces.
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "APPROVED", typedName: `  ${t.governor.name.toUpperCase()} `, comment: "", contentHash: hash },
      APPROVED,
    );
    const signOff = await db.signOff.findFirstOrThrow({ where: { awardDecisionId } });
    expect(signOff).toMatchObject({ decision: "APPROVED", signerRole: "GOVERNOR", contentHash: hash, signerId: t.governor.id });
    // What was typed is kept as typed (trimmed), with the account's name beside it.
    expect(signOff).toMatchObject({ typedName: t.governor.name.toUpperCase(), signerName: t.governor.name });
    expect(await db.auditEvent.count({ where: { action: "award.signoff_approved", entityId: signOff.id } })).toBe(1);
  });

  it("approval starts an 8-working-day standstill over Christmas and sends every bidder their letter", async () => {
    const { awardDecisionId } = await recommendTop();
    const lettersBefore = await db.outboxMessage.count({ where: { template: "outcome-letter" } });
    await approve(awardDecisionId);
    expect(await tenderStatus()).toBe("STANDSTILL");
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    expect(decision.status).toBe("APPROVED");
    expect(decision.standstillStartsOn?.toISOString().slice(0, 10)).toBe("2026-12-18");
    expect(decision.standstillEndsAt?.toISOString()).toBe(STANDSTILL_END.toISOString());
    const providers = await db.user.findMany({ where: { organisationId: { in: [t.organisations.a, t.organisations.b] } } });
    const letters = await db.outboxMessage.findMany({ where: { template: "outcome-letter", to: { in: providers.map((p) => p.email) } } });
    expect(letters.map((l) => l.to).sort()).toEqual(providers.map((p) => p.email).sort());
    expect(await db.outboxMessage.count({ where: { template: "outcome-letter" } })).toBe(lettersBefore + providers.length);
    // The email only links to the letter: no scores of anyone in it; it states the standstill in the one wording.
    for (const letter of letters) {
      expect(letter.text).not.toMatch(/84\.00|64\.00/);
      expect(letter.text).toContain(SENTENCE);
    }
    const commissionerEmail = await db.outboxMessage.findFirstOrThrow({ where: { template: "award-approved", to: t.commissioner.email } });
    expect(commissionerEmail.text).toContain(SENTENCE);
    expect((await getAwardSignOff(t.governor, awardDecisionId)).standstill?.sentence).toBe(SENTENCE);
    const award = await getAwardForCommissioner(t.commissioner, t.id);
    expect(award.decisions[0]!.standstill?.sentence).toBe(SENTENCE);
  });

  it("the same decision cannot be made twice, even by two governors at once", async () => {
    const secondGovernor = await createActor("GOVERNOR", { establishmentIds: [t.establishmentId] });
    const { awardDecisionId } = await recommendTop();
    const results = await Promise.allSettled([approve(awardDecisionId), approve(awardDecisionId, secondGovernor)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await db.signOff.count({ where: { awardDecisionId } })).toBe(1);
  });

  it("asking for changes sends the tender back to moderation and tells the panel; a new recommendation is needed", async () => {
    const { awardDecisionId } = await recommendTop();
    const noComment = await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "CHANGES_REQUESTED", typedName: "", comment: " ", contentHash: await hashOf(awardDecisionId) },
      APPROVED,
    ).catch((e: unknown) => e);
    expect((noComment as Invalid).fieldErrors).toEqual({ comment: "Say what needs to change" });
    const comment = "Please look again at how B would cover evenings on the wings.";
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "CHANGES_REQUESTED", typedName: "", comment, contentHash: await hashOf(awardDecisionId) },
      APPROVED,
    );
    expect(await tenderStatus()).toBe("MODERATION");
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).status).toBe("CHANGES_REQUESTED");
    for (const member of t.panel) {
      const notices = await db.notification.findMany({ where: { userId: member.id, title: { startsWith: "Governor asked for changes" } } });
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain(comment);
    }
    // The panel moderates again, the ranking is frozen again and a new recommendation goes to the governor.
    await reviseScore(
      t.technicians[0]!,
      t.id,
      {
        bidId: t.bids.b,
        criterionId: t.criteria.secondQuality,
        score: "4",
        reason: "They do cover evenings: page 4 of their answer.",
        revisionReason: "The governor asked us to look again.",
      },
      APPROVED,
    );
    await freezeRanking(t.commissioner, t.id, new Date(APPROVED.getTime() + 60_000));
    const next = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: NOTE },
      new Date(APPROVED.getTime() + 120_000),
    );
    const request = await getAwardSignOff(t.governor, next.awardDecisionId);
    expect(request.earlier.map((e) => e.status)).toEqual(["CHANGES_REQUESTED"]);
    // B's working-together score: (3 + 3 + 3 + 4) / 4 = 13/4; total 30 + 30×13/4/5 + 16 = 30 + 19.5 + 16 = 65.50
    expect(request.summary.ranking.map((r) => r.total)).toEqual(["84.00", "65.50"]);
    await expect(
      decideAward(
        t.governor,
        awardDecisionId,
        { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash: await hashOf(awardDecisionId) },
        APPROVED,
      ),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it("rejecting needs a reason and sends the tender back to moderation for the commissioner to re-run or cancel", async () => {
    const { awardDecisionId } = await recommendTop();
    await decideAward(
      t.governor,
      awardDecisionId,
      {
        decision: "REJECTED",
        typedName: "",
        comment: "The service does not cover the separation unit.",
        contentHash: await hashOf(awardDecisionId),
      },
      APPROVED,
    );
    expect(await tenderStatus()).toBe("MODERATION");
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).status).toBe("REJECTED");
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: t.commissioner.id, title: { startsWith: "Governor rejected" } },
    });
    expect(notice.body).toContain("separation unit");
  });
});

describe("confirming the award after standstill", () => {
  async function approved() {
    const { awardDecisionId } = await recommendTop();
    await approve(awardDecisionId);
    return awardDecisionId;
  }

  it("is refused until standstill has ended, to the millisecond; then the contract is created", async () => {
    await approved();
    await expect(confirmAward(t.commissioner, t.id, new Date("2026-12-24T12:00:00Z"))).rejects.toThrow(/Standstill has not ended yet/);
    // The day after the old, short end is still inside the standstill.
    await expect(confirmAward(t.commissioner, t.id, new Date(SHORT_END.getTime() + 1))).rejects.toThrow(SENTENCE);
    await expect(confirmAward(t.commissioner, t.id, STANDSTILL_END)).rejects.toBeInstanceOf(Conflict);
    await expect(confirmAward(await createActor("COMMISSIONER"), t.id, new Date(STANDSTILL_END.getTime() + 1))).rejects.toBeInstanceOf(
      Forbidden,
    );
    const { contractId } = await confirmAward(t.commissioner, t.id, new Date(STANDSTILL_END.getTime() + 1));
    expect(await tenderStatus()).toBe("AWARDED");
    const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(contract).toMatchObject({
      organisationId: t.organisations.a,
      bidId: t.bids.a,
      establishmentId: t.establishmentId,
      valuePence: 100_000_000n,
      status: "ACTIVE",
    });
    expect(contract.startDate.toISOString().slice(0, 10)).toBe("2027-04-01");
    expect(contract.endDate.toISOString().slice(0, 10)).toBe("2030-03-31");
    await expect(confirmAward(t.commissioner, t.id, new Date(STANDSTILL_END.getTime() + 2))).rejects.toBeInstanceOf(Conflict);
  });

  it("no award without the right governor's approval: none, a voided one, an ex-governor's, or one over changed content", async () => {
    const after = new Date(STANDSTILL_END.getTime() + 1);
    const awardDecisionId = await approved();

    // The summary the governor approved is altered afterwards: the approval no longer matches it.
    const original = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await db.awardDecision.update({
      where: { id: awardDecisionId },
      data: { summary: { ...(original.summary as object), justification: "edited later" } },
    });
    await expect(confirmAward(t.commissioner, t.id, after)).rejects.toThrow(/no valid sign-off/);
    await db.awardDecision.update({ where: { id: awardDecisionId }, data: { summary: original.summary as object } });

    // The signer no longer governs this establishment.
    await db.governorEstablishment.delete({
      where: { userId_establishmentId: { userId: t.governor.id, establishmentId: t.establishmentId } },
    });
    await expect(confirmAward(t.commissioner, t.id, after)).rejects.toThrow(/no valid sign-off/);
    await db.governorEstablishment.create({ data: { userId: t.governor.id, establishmentId: t.establishmentId } });

    // The approval is voided.
    await db.signOff.updateMany({ where: { awardDecisionId }, data: { voidedAt: after } });
    await expect(confirmAward(t.commissioner, t.id, after)).rejects.toThrow(/no valid sign-off/);
    expect(await db.contract.count({ where: { tenderId: t.id } })).toBe(0);
    expect(await tenderStatus()).toBe("STANDSTILL");
  });

  it("a tender forced into standstill without any sign-off cannot be awarded", async () => {
    await recommendTop();
    await db.tender.update({ where: { id: t.id }, data: { status: "STANDSTILL" } });
    await expect(confirmAward(t.commissioner, t.id, new Date("2027-02-01T00:00:00Z"))).rejects.toThrow(/no valid sign-off/);
  });
});

describe("outcome letters", () => {
  it("each bidder reads only their own scores, the winner's total and the standstill end; no evaluator is named", async () => {
    const awardDecisionId = (await recommendTop()).awardDecisionId;
    const providerA = await db.user.findFirstOrThrow({ where: { organisationId: t.organisations.a } });
    const providerB = await db.user.findFirstOrThrow({ where: { organisationId: t.organisations.b } });
    const asActor = (u: typeof providerA): Actor => ({
      id: u.id,
      role: "PROVIDER",
      name: u.name,
      email: u.email,
      organisationId: u.organisationId,
      establishmentIds: [],
    });

    // Before the governor approves there is no letter.
    await expect(getOutcomeLetter(asActor(providerB), awardDecisionId)).rejects.toBeInstanceOf(NotFound);
    await approve(awardDecisionId);

    const letterB = await getOutcomeLetter(asActor(providerB), awardDecisionId);
    expect(letterB).toMatchObject({ successful: false, rank: 2, bidderCount: 2, total: "64.00", winner: { total: "84.00" } });
    expect(letterB.winner.provider).toMatch(/^Bidder A/);
    expect(letterB.standstill.endsAt.toISOString()).toBe(STANDSTILL_END.toISOString());
    expect(letterB.standstill.sentence).toBe(SENTENCE);
    expect(letterB.legacyStandstillEndsAt).toBeNull();
    // B's own scores: Quality 3.00 (30.00 points), Working together 3.00 (18.00), Price 4.00 (16.00).
    expect(letterB.criteria.map((c) => [c.name, c.score, c.weightedPoints])).toEqual([
      ["Quality", "3.00", "30.00"],
      ["Working together", "3.00", "18.00"],
      ["Price", "4.00", "16.00"],
    ]);
    expect(letterB.criteria[0]!.reasons).toEqual(Array(4).fill(REASONS.b));
    const text = JSON.stringify(letterB);
    expect(text).not.toContain(REASONS.a);
    // The commissioner who recommended is named once, as a decision-maker (Schedule 10), never beside a score or a reason.
    const { decisionMakers, ...rest } = letterB;
    expect(decisionMakers).toContain(`Recommended by ${t.commissioner.name}`);
    for (const member of t.panel) expect(JSON.stringify(rest)).not.toContain(member.name);
    for (const member of t.panel.filter((m) => m.id !== t.commissioner.id)) expect(text).not.toContain(member.name);
    expect(text).not.toContain("Young commissioner");

    const letterA = await getOutcomeLetter(asActor(providerA), awardDecisionId);
    expect(letterA).toMatchObject({ successful: true, rank: 1, total: "84.00" });

    // Another bidder's letter cannot be asked for by id: "not found", not their own letter under that address.
    await expect(getOutcomeLetter(asActor(providerB), awardDecisionId, t.bids.a)).rejects.toBeInstanceOf(NotFound);
    expect((await getOutcomeLetter(asActor(providerB), awardDecisionId, t.bids.b)).provider).toBe(letterB.provider);
    const stranger = await createActor("PROVIDER");
    await expect(getOutcomeLetter(stranger, awardDecisionId)).rejects.toBeInstanceOf(NotFound);
    await expect(getOutcomeLetter(t.otherGovernor, awardDecisionId, t.bids.a)).rejects.toBeInstanceOf(NotFound);
    await expect(listLetters(t.otherGovernor, awardDecisionId)).rejects.toBeInstanceOf(NotFound);
    await expect(getOutcomeLetter(t.technicians[0]!, awardDecisionId, t.bids.a)).rejects.toBeInstanceOf(NotFound);
    expect((await getOutcomeLetter(t.governor, awardDecisionId, t.bids.a)).provider).toBe(letterA.provider);
    const list = await listLetters(t.commissioner, awardDecisionId);
    expect(list.letters).toHaveLength(2);
    // The list names its tender (its page's heading and title).
    expect(list.tender.reference).toBe((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).reference);
  });
});

describe("the commissioner's award page", () => {
  it("shows the live ranking while waiting and every decision with the governor's comments", async () => {
    const before = await getAwardForCommissioner(t.commissioner, t.id);
    expect(before.canManage).toBe(true);
    expect(before.governors).toEqual([t.governor.name]);
    expect(before.liveResult?.bids.map((b) => b.totalDisplay)).toEqual(["84.00", "64.00"]);
    expect(before.tender.rankingFrozenAt?.toISOString()).toBe(FROZEN.toISOString());
    const { awardDecisionId } = await recommendTop();
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "CHANGES_REQUESTED", typedName: "", comment: "Check evenings.", contentHash: await hashOf(awardDecisionId) },
      APPROVED,
    );
    const after = await getAwardForCommissioner(t.commissioner, t.id);
    expect(after.decisions[0]!.signOffs.map((s) => [s.decision, s.comment, s.signer.name])).toEqual([
      ["CHANGES_REQUESTED", "Check evenings.", t.governor.name],
    ]);
    await expect(getAwardForCommissioner(t.governor, t.id)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("stored summaries, read once per process", () => {
  it("the award and sign-off pages show each decision's own summary; a second read does not fetch the summaries again", async () => {
    const first = await recommendTop();
    const second = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "A second note." },
      RECOMMENDED,
    );
    const read = async () => {
      const { result, statements } = await captureSql(() => getAwardForCommissioner(t.commissioner, t.id));
      return { award: result, summaryReads: statements.filter((s) => /"summary"/.test(s.text)).length };
    };
    const cold = await read();
    // Both were made at the same moment: compare by id, not by order.
    expect(Object.fromEntries(cold.award.decisions.map((d) => [d.id, d.summary.noteToYoungCommissioners]))).toEqual({
      [second.awardDecisionId]: "A second note.",
      [first.awardDecisionId]: NOTE,
    });
    expect(cold.summaryReads).toBe(1);
    const warm = await read();
    expect(warm.summaryReads).toBe(0);
    expect(warm.award.decisions.map((d) => d.summary)).toEqual(cold.award.decisions.map((d) => d.summary));
    expect((await getAwardSignOff(t.governor, first.awardDecisionId)).summary.noteToYoungCommissioners).toBe(NOTE);
    expect((await getAwardSignOff(t.governor, second.awardDecisionId)).summary.noteToYoungCommissioners).toBe("A second note.");
  });
});

describe("you said, we did", () => {
  it("after approval, each panel member sees the outcome, the commissioner's note and their own marks next to the panel's", async () => {
    const { getPanelOutcome } = await import("@/server/awards/queries");
    await expect(getPanelOutcome(t.technicians[0]!, t.id)).rejects.toBeInstanceOf(NotFound);
    const { awardDecisionId } = await recommendTop();
    await approve(awardDecisionId);
    const outcome = await getPanelOutcome(t.technicians[0]!, t.id);
    expect(outcome).toMatchObject({ awarded: false, note: NOTE, counted: null, winner: { total: "84.00" } });
    expect(outcome.bids[1]!.criteria[0]).toEqual({ name: "Quality", panelScore: "3.00", myScore: 3, myReason: REASONS.b });
    await expect(getPanelOutcome(await createActor("TECHNICIAN"), t.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getPanelOutcome(t.governor, t.id)).rejects.toBeInstanceOf(NotFound);
  });
});
