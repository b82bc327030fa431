import "server-only";
import { SCORE_RANGE_MESSAGE, scoreFromText } from "@/domain/score-scale";
import { audit, type AuditInput } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound, Forbidden } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { loadAsChair } from "./chair";
import { loadMySeat } from "./panel-membership";
import { checkQuorum } from "./quorum";
import { computeResults, memberStatus } from "./results";
import { reasonProblem } from "./score-input";
import { isId } from "../ids";
import { moveTender } from "../tenders/move-tender";

/** The chair marks a member absent (or back), so quorum can be reached without them. */
export async function markAbsent(actor: Actor, tenderId: string, panelMemberId: string, absent: boolean, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadAsChair(tx, actor, tenderId);
    if (tender.status !== "EVALUATION") throw new Conflict("Members can be marked absent only during evaluation.");
    const member = isId(panelMemberId)
      ? await tx.panelMember.findFirst({ where: { id: panelMemberId, tenderId, status: "ACCEPTED" } })
      : null;
    if (!member) throw new NotFound("That person is not on this panel.");
    if (member.userId === actor.id) throw new Conflict("The chair cannot mark themselves absent.");
    await tx.panelMember.update({ where: { id: member.id }, data: { markedAbsentAt: absent ? now : null } });
    await audit(tx, actor, {
      action: absent ? "evaluation.member_marked_absent" : "evaluation.member_absence_cleared",
      entityType: "PanelMember",
      entityId: member.id,
      tenderId,
      establishmentId: tender.establishmentId,
    });
  });
}

/** Evaluation → moderation, once quorum holds. Otherwise says who is still to submit. */
export async function startModeration(actor: Actor, tenderId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadAsChair(tx, actor, tenderId);
    await moveTender(tx, actor, { tenderId, action: "startModeration", now }, async ({ from, to }) => {
      const members = await tx.panelMember.findMany({
        where: { tenderId, status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
        include: { conflictDeclarations: true, user: { select: { name: true, email: true, id: true } } },
      });
      const quorum = checkQuorum(
        members.map((m) => ({
          id: m.id,
          name: m.user.name,
          role: m.role,
          status: memberStatus(m),
          submitted: m.scoresSubmittedAt !== null,
        })),
      );
      if (!quorum.met) {
        throw new Conflict(
          quorum.waitingFor.length > 0
            ? `Not everyone has submitted their scores yet. Still to submit: ${quorum.waitingFor.map((m) => m.name).join(", ")}.`
            : "Quorum is not met: at least 1 commissioner and 2 young commissioners must have submitted when anyone is marked absent.",
        );
      }
      await notifyUsers(
        tx,
        members.filter((m) => m.status === "ACCEPTED").map((m) => m.user),
        "moderationStarted",
        { tender },
      );
      const audit = {
        action: "tender.moderation_started",
        entityType: "Tender",
        entityId: tenderId,
        tenderId,
        establishmentId: tender.establishmentId,
        before: { status: from },
        after: { status: to, startedAt: now },
      } satisfies AuditInput;
      return { audit, result: undefined };
    });
  });
}

/** In moderation, a member revises their own score with a written reason; the original and every revision are kept. */
export async function reviseScore(
  actor: Actor,
  tenderId: string,
  input: { bidId: string; criterionId: string; score: string; reason: string; revisionReason: string },
  now = clockNow(),
): Promise<void> {
  const errors: Record<string, string> = {};
  const newScore = scoreFromText(input.score);
  if (newScore === null) errors.score = SCORE_RANGE_MESSAGE;
  const reasonIssue = reasonProblem(input.reason);
  if (reasonIssue) errors.reason = reasonIssue;
  if (!input.revisionReason.trim()) errors.revisionReason = "Say why you are changing your score";
  else if (input.revisionReason.length > 2000) errors.revisionReason = "Must be 2,000 characters or fewer";
  if (Object.keys(errors).length > 0 || newScore === null) throw new Invalid(errors);
  if (!isId(input.bidId) || !isId(input.criterionId)) throw new NotFound("You have no submitted score for that bid and criterion.");
  await db.$transaction(async (tx) => {
    const seat = await loadMySeat(tx, actor, tenderId);
    if (seat.tender.status !== "MODERATION") throw new Conflict("Scores can be revised only during moderation.");
    if (seat.status === "STEPPED_BACK") throw new Forbidden("You have stepped back from this panel.");
    const score = await tx.score.findUnique({
      where: { panelMemberId_bidId_criterionId: { panelMemberId: seat.id, bidId: input.bidId, criterionId: input.criterionId } },
    });
    if (!score || score.status !== "SUBMITTED") throw new NotFound("You have no submitted score for that bid and criterion.");
    await tx.scoreRevision.create({
      data: {
        scoreId: score.id,
        previousScore: score.score!,
        previousReason: score.reason,
        newScore,
        newReason: input.reason.trim(),
        revisionReason: input.revisionReason.trim(),
        revisedById: actor.id,
        revisedAt: now,
      },
    });
    await tx.score.update({ where: { id: score.id }, data: { score: newScore, reason: input.reason.trim() } });
    await audit(tx, actor, {
      action: "moderation.score_revised",
      entityType: "Score",
      entityId: score.id,
      tenderId,
      establishmentId: seat.tender.establishmentId,
      before: { score: score.score, reason: score.reason },
      after: { score: newScore, reason: input.reason.trim(), revisionReason: input.revisionReason.trim() },
    });
  });
}

const FROZEN_SINCE = ["AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"];

/** Moderation → awaiting sign-off: the ranking is frozen as it stands. */
export async function freezeRanking(actor: Actor, tenderId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadAsChair(tx, actor, tenderId);
    // The tender row is locked: a second press waits for the first, then finds the ranking frozen.
    const refused = ({ from }: { from: string }) =>
      // Said to a chair whose "Freeze the ranking" came a moment after another's (the page shows who and when).
      FROZEN_SINCE.includes(from) ? new Conflict("The ranking has already been frozen.", "RANKING_ALREADY_FROZEN") : undefined;
    await moveTender(
      tx,
      actor,
      { tenderId, action: "freezeRanking", now, set: { rankingFrozenAt: now }, refused },
      async ({ from, to }) => {
        const { result } = await computeResults(tx, tenderId);
        if (result.bids.length === 0 || result.bids.every((b) => b.incomplete))
          throw new Conflict("There is no complete result to freeze yet.");
        const audit = {
          action: "moderation.ranking_frozen",
          entityType: "Tender",
          entityId: tenderId,
          tenderId,
          establishmentId: tender.establishmentId,
          before: { status: from },
          after: {
            status: to,
            rule: result.rule,
            ranking: result.bids.map((b) => ({
              bidId: b.bidId,
              bidder: b.label,
              total: b.totalDisplay,
              exact: b.total?.toString() ?? null,
              rank: b.rank,
              tie: b.tie,
            })),
          },
        } satisfies AuditInput;
        return { audit, result: undefined };
      },
    );
  });
}
