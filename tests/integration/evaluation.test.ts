import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { freezeRanking, markAbsent, reviseScore, startModeration } from "@/server/evaluation/moderation";
import { getModerationBid, getModerationView, getPanelWorkspace, getScoringSheet } from "@/server/evaluation/queries";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { stepBack } from "@/server/evaluation/step-back";
import { createActor } from "../fixtures/factories";
import { OPENED, openedTender, type OpenedTender, declareNoConflicts, scoreSheet } from "../fixtures/evaluation-builders";

let t: OpenedTender;
const REASON = "The answer is clear and shows real experience.";

async function scoreAll(actor: Actor, a: [number, number], b: [number, number]) {
  await declareNoConflicts(t, actor);
  await saveBidScores(actor, t.id, t.bids.a, scoreSheet(t, a, REASON), true, OPENED);
  await saveBidScores(actor, t.id, t.bids.b, scoreSheet(t, b, REASON), true, OPENED);
}

beforeEach(async () => {
  t = await openedTender();
});

describe("conflicts of interest", () => {
  it("no bid content is shown before a member has declared for every bidder", async () => {
    const tech = t.technicians[0]!;
    const before = await getPanelWorkspace(tech, t.id, OPENED);
    expect(before.declared).toBe(false);
    expect(before.bids).toEqual([]);
    expect(before.bidders.map((b) => b.name.slice(0, 8))).toEqual(["Bidder A", "Bidder B"]);
    await expect(getScoringSheet(tech, t.id, t.bids.a, OPENED)).rejects.toBeInstanceOf(NotFound);
    await expect(saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [3, 3], REASON), false, OPENED)).rejects.toThrow(
      "Declare any conflicts of interest before you see the bids.",
    );

    const partial = await declareConflicts(tech, t.id, [{ organisationId: t.organisations.a, hasConflict: false }], OPENED).catch(
      (e: unknown) => e,
    );
    expect((partial as Invalid).fieldErrors).toEqual({
      // A young commissioner is asked in the page's own words, not "conflict of interest".
      [`conflict.${t.organisations.b}`]: expect.stringMatching(/^Say whether you know anyone at Bidder B .* or have worked with them$/),
    });
    // Nothing answered: the errors come in the form's order, bidders by name (issue 27).
    const none = await declareConflicts(tech, t.id, [], OPENED).catch((e: unknown) => e);
    expect(Object.keys((none as Invalid).fieldErrors)).toEqual([`conflict.${t.organisations.a}`, `conflict.${t.organisations.b}`]);
    await declareNoConflicts(t, tech);
    expect((await getPanelWorkspace(tech, t.id, OPENED)).bids).toHaveLength(2);
  });

  it("a declared conflict excludes the member from scoring the whole tender; the chair sees it", async () => {
    const tech = t.technicians[1]!;
    const missingDetails = await declareConflicts(
      tech,
      t.id,
      [
        { organisationId: t.organisations.a, hasConflict: true },
        { organisationId: t.organisations.b, hasConflict: false },
      ],
      OPENED,
    ).catch((e: unknown) => e);
    expect((missingDetails as Invalid).fieldErrors).toEqual({
      [`details.${t.organisations.a}`]: expect.stringMatching(/^Describe your link to Bidder A .* in a few words$/),
    });
    await declareConflicts(
      tech,
      t.id,
      [
        { organisationId: t.organisations.a, hasConflict: true, details: "My aunt is a director of Bidder A." },
        { organisationId: t.organisations.b, hasConflict: false },
      ],
      OPENED,
    );
    const workspace = await getPanelWorkspace(tech, t.id, OPENED);
    expect(workspace).toMatchObject({ excluded: true, mayScore: false, bids: [] });
    await expect(saveBidScores(tech, t.id, t.bids.b, scoreSheet(t, [3, 3], REASON), false, OPENED)).rejects.toThrow(/conflict of interest/);
    const chairView = await getPanelWorkspace(t.commissioner, t.id, OPENED);
    expect(chairView.chair?.members.find((m) => m.id === t.seats[tech.id])).toMatchObject({ conflict: true, state: "EXCLUDED" });
  });

  it("people who are not on the panel see nothing", async () => {
    for (const actor of [
      await createActor("COMMISSIONER"),
      await createActor("TECHNICIAN"),
      await createActor("PROVIDER"),
      await createActor("ADMIN"),
    ]) {
      await expect(getPanelWorkspace(actor, t.id, OPENED)).rejects.toBeInstanceOf(NotFound);
    }
  });
});

describe("scoring", () => {
  it("drafts save anything partial; submitting needs every score and a real reason", async () => {
    const tech = t.technicians[0]!;
    await declareNoConflicts(t, tech);
    await saveBidScores(tech, t.id, t.bids.a, { scores: { [t.criteria.quality]: { score: "4", reason: "" } } }, false, OPENED);
    await saveBidScores(
      tech,
      t.id,
      t.bids.a,
      { scores: { [t.criteria.quality]: { score: "", reason: "Thinking about it…" } } },
      false,
      OPENED,
    );
    const error = await saveBidScores(
      tech,
      t.id,
      t.bids.a,
      { scores: { [t.criteria.quality]: { score: "4", reason: "ok" } } },
      true,
      OPENED,
    ).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({
      [`reason.${t.criteria.quality}`]: "Write at least one full sentence explaining your score on “Quality”",
      [`score.${t.criteria.secondQuality}`]: "Choose a score for “Working together”",
      [`reason.${t.criteria.secondQuality}`]: "Write a reason for your score on “Working together”",
    });
    for (const bad of ["6", "-1", "2.5", "four"]) {
      const e = await saveBidScores(
        tech,
        t.id,
        t.bids.a,
        { scores: { [t.criteria.quality]: { score: bad, reason: REASON } } },
        false,
        OPENED,
      ).catch((x: unknown) => x);
      expect((e as Invalid).fieldErrors[`score.${t.criteria.quality}`]).toBe("Choose a score from 0 to 5");
    }
    await saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [4, 3], REASON), true, OPENED);
    await expect(saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [5, 5], REASON), true, OPENED)).rejects.toThrow(
      "You have already submitted your scores for this bid.",
    );
  });

  it("blind scoring: nobody sees another member's scores until they have submitted all their own", async () => {
    await scoreAll(t.commissioner2, [5, 5], [1, 1]);
    const tech = t.technicians[0]!;
    await declareNoConflicts(t, tech);
    await saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [2, 2], REASON), true, OPENED);
    const sheetB = await getScoringSheet(tech, t.id, t.bids.b, OPENED);
    expect(sheetB.mine).toEqual([]);
    expect(JSON.stringify(sheetB)).not.toContain(t.seats[t.commissioner2.id]);
    expect((await getModerationView(tech, t.id, OPENED)).visible).toBe(false);
    await saveBidScores(tech, t.id, t.bids.b, scoreSheet(t, [3, 3], REASON), true, OPENED);
    const view = await getModerationView(tech, t.id, OPENED);
    expect(view.visible).toBe(true);
    const bidView = await getModerationBid(tech, t.id, t.bids.a, OPENED);
    expect(bidView.scores.map((s) => s.panelMemberId)).toContain(t.seats[t.commissioner2.id]);
    // Details on demand: one bid's page carries that bid's votes only.
    expect(new Set(bidView.scores.map((s) => s.bidId))).toEqual(new Set([t.bids.a]));
    await expect(getModerationBid(tech, t.id, crypto.randomUUID(), OPENED)).rejects.toBeInstanceOf(NotFound);
  });

  it("two members scoring the same bid at the same moment both persist", async () => {
    const [x, y] = t.technicians as [Actor, Actor];
    await declareNoConflicts(t, x);
    await declareNoConflicts(t, y);
    await Promise.all([
      saveBidScores(x, t.id, t.bids.a, scoreSheet(t, [1, 2], REASON), true, OPENED),
      saveBidScores(y, t.id, t.bids.a, scoreSheet(t, [4, 5], REASON), true, OPENED),
    ]);
    const rows = await db.score.findMany({ where: { bidId: t.bids.a, status: "SUBMITTED" }, orderBy: { score: "asc" } });
    expect(rows.map((r) => r.score)).toEqual([1, 2, 4, 5]);
  });
});

describe("stepping back", () => {
  it("discards unsubmitted scores; submitted ones count only if the member says so", async () => {
    const [keeper, leaver] = t.technicians as [Actor, Actor];
    for (const tech of [keeper, leaver]) {
      await declareNoConflicts(t, tech);
      await saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [5, 5], REASON), true, OPENED);
      await saveBidScores(tech, t.id, t.bids.b, { scores: { [t.criteria.quality]: { score: "1", reason: "" } } }, false, OPENED);
    }
    await expect(stepBack(keeper, t.id, { keepSubmittedScores: null }, OPENED)).rejects.toBeInstanceOf(Invalid);
    await stepBack(keeper, t.id, { keepSubmittedScores: true }, OPENED);
    await stepBack(leaver, t.id, { keepSubmittedScores: false }, OPENED);
    expect(await db.score.count({ where: { panelMemberId: { in: [t.seats[keeper.id]!, t.seats[leaver.id]!] }, status: "DRAFT" } })).toBe(0);
    await expect(saveBidScores(keeper, t.id, t.bids.b, scoreSheet(t, [1, 1], REASON), true, OPENED)).rejects.toThrow(
      "You have stepped back from this panel.",
    );

    await scoreAll(t.commissioner, [3, 3], [3, 3]);
    await scoreAll(t.commissioner2, [3, 3], [3, 3]);
    const view = await getModerationView(t.commissioner, t.id, OPENED);
    if (!view.visible) throw new Error("should be visible");
    const a = view.result.bids.find((b) => b.bidId === t.bids.a)!;
    // Counted on A/Quality: chair 3, commissioner2 3, keeper 5 → 11/3; the leaver's 5 is not counted.
    expect(a.cells[0]!.score!.toString()).toBe("11/3");
    expect(view.notCounted.withdrawn).toHaveLength(1);
  });
});

describe("moderation", () => {
  it("starts only at quorum, says who is still to submit, and the chair can mark someone absent", async () => {
    await scoreAll(t.commissioner, [4, 4], [3, 3]);
    await scoreAll(t.technicians[0]!, [4, 3], [2, 3]);
    await scoreAll(t.technicians[1]!, [5, 4], [3, 2]);
    await expect(startModeration(t.technicians[0]!, t.id, OPENED)).rejects.toBeInstanceOf(Forbidden);
    const waiting = await startModeration(t.commissioner, t.id, OPENED).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(Conflict);
    expect((waiting as Error).message).toContain("Still to submit: ");
    await markAbsent(t.commissioner, t.id, t.seats[t.commissioner2.id]!, true, OPENED);
    await startModeration(t.commissioner, t.id, OPENED);
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("MODERATION");
  });

  it("absence is not enough without 1 commissioner and 2 young commissioners submitted", async () => {
    await scoreAll(t.commissioner, [4, 4], [3, 3]);
    await scoreAll(t.technicians[0]!, [4, 3], [2, 3]);
    await markAbsent(t.commissioner, t.id, t.seats[t.commissioner2.id]!, true, OPENED);
    await markAbsent(t.commissioner, t.id, t.seats[t.technicians[1]!.id]!, true, OPENED);
    await expect(startModeration(t.commissioner, t.id, OPENED)).rejects.toThrow(/at least 1 commissioner and 2 young commissioners/);
  });

  it("shows scores side by side with technicians anonymous to everyone but the chair and themselves; revisions keep the original", async () => {
    await scoreAll(t.commissioner, [4, 4], [3, 3]);
    await scoreAll(t.commissioner2, [2, 4], [3, 3]);
    await scoreAll(t.technicians[0]!, [4, 3], [2, 3]);
    await scoreAll(t.technicians[1]!, [5, 4], [3, 2]);
    await startModeration(t.commissioner, t.id, OPENED);

    const chairView = await getModerationView(t.commissioner, t.id, OPENED);
    const techView = await getModerationView(t.technicians[0]!, t.id, OPENED);
    const commissionerView = await getModerationView(t.commissioner2, t.id, OPENED);
    if (!chairView.visible || !techView.visible || !commissionerView.visible) throw new Error("should be visible");
    expect(commissionerView.columns.filter((c) => c.role === "TECHNICIAN").map((c) => c.name)).toEqual([
      "Young commissioner A",
      "Young commissioner B",
    ]);
    expect(chairView.columns.filter((c) => c.role === "TECHNICIAN").map((c) => c.name)).toEqual(
      [t.technicians[0]!.name, t.technicians[1]!.name].sort(),
    );
    expect(techView.columns.find((c) => c.mine)?.name).toBe(t.technicians[0]!.name);
    expect(techView.columns.filter((c) => !c.mine && c.role === "TECHNICIAN").map((c) => c.name)).toEqual(["Young commissioner B"]);
    // Divergence: A/Quality has 4, 2, 4, 5 → max − min = 3
    expect(chairView.result.bids.find((b) => b.bidId === t.bids.a)!.cells[0]!.divergent).toBe(true);

    const missing = await reviseScore(
      t.commissioner2,
      t.id,
      { bidId: t.bids.a, criterionId: t.criteria.quality, score: "4", reason: REASON, revisionReason: "" },
      OPENED,
    ).catch((e: unknown) => e);
    expect((missing as Invalid).fieldErrors).toEqual({ revisionReason: "Say why you are changing your score" });
    await reviseScore(
      t.commissioner2,
      t.id,
      {
        bidId: t.bids.a,
        criterionId: t.criteria.quality,
        score: "4",
        reason: "Stronger than I first thought: the staffing plan is detailed.",
        revisionReason: "I missed the staffing annex.",
      },
      OPENED,
    );
    await reviseScore(
      t.commissioner2,
      t.id,
      {
        bidId: t.bids.a,
        criterionId: t.criteria.quality,
        score: "3",
        reason: "On reflection the plan lacks weekend cover detail.",
        revisionReason: "Discussed in the meeting.",
      },
      OPENED,
    );
    const score = await db.score.findFirstOrThrow({
      where: { panelMemberId: t.seats[t.commissioner2.id], bidId: t.bids.a, criterionId: t.criteria.quality },
      include: { revisions: { orderBy: { revisedAt: "asc" } } },
    });
    expect(score.score).toBe(3);
    expect(score.revisions.map((r) => [r.previousScore, r.newScore])).toEqual([
      [2, 4],
      [4, 3],
    ]);
    // A member cannot revise someone else's score: there is no such score of theirs.
    await expect(
      reviseScore(
        t.technicians[0]!,
        t.id,
        { bidId: t.bids.b, criterionId: t.criteria.price, score: "5", reason: REASON, revisionReason: "x" },
        OPENED,
      ),
    ).rejects.toBeInstanceOf(NotFound);

    await freezeRanking(t.commissioner, t.id, OPENED);
    const frozen = await db.tender.findUniqueOrThrow({ where: { id: t.id } });
    expect(frozen.status).toBe("AWARD_PENDING_SIGNOFF");
    await expect(
      reviseScore(
        t.commissioner2,
        t.id,
        { bidId: t.bids.a, criterionId: t.criteria.quality, score: "5", reason: REASON, revisionReason: "late" },
        OPENED,
      ),
    ).rejects.toThrow("Scores can be revised only during moderation.");
  });
});
