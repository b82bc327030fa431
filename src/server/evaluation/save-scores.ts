import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../errors";
import { assertMayScore, bidderOrganisationIds, loadMySeat } from "./panel-membership";
import { parseScore, reasonProblem } from "./score-input";
import { isId } from "../ids";

export interface BidScoresInput {
  /** Per quality criterion id: the score as typed ("" when not chosen yet) and the reason. */
  scores: Record<string, { score?: string; reason?: string }>;
}

/**
 * Saves a member's scores for one bid: as a draft (autosave, anything
 * partial) or submitted (every quality criterion scored with a reason).
 * Submitted scores are final until moderation, where they can be revised
 * with a reason. Each member has their own rows, so two members scoring the
 * same bid at once never overwrite each other.
 */
export async function saveBidScores(
  actor: Actor,
  tenderId: string,
  bidId: string,
  input: BidScoresInput,
  submit: boolean,
  now = clockNow(),
): Promise<{ submittedAll: boolean }> {
  return db.$transaction(async (tx) => {
    const seat = await loadMySeat(tx, actor, tenderId);
    assertMayScore(seat, await bidderOrganisationIds(tx, tenderId));
    const bid = isId(bidId) ? await tx.bid.findFirst({ where: { id: bidId, tenderId, status: "SUBMITTED" } }) : null;
    if (!bid) throw new NotFound("We could not find that bid.");
    const criteria = await tx.criterion.findMany({ where: { tenderId, kind: "QUALITY" }, orderBy: { position: "asc" } });
    const existing = await tx.score.findMany({ where: { panelMemberId: seat.id, bidId } });
    if (existing.some((s) => s.status === "SUBMITTED")) throw new Conflict("You have already submitted your scores for this bid.");

    const errors: FieldErrors = {};
    const rows: { criterionId: string; score: number | null; reason: string }[] = [];
    for (const criterion of criteria) {
      const entry = input.scores[criterion.id] ?? {};
      let score: number | null = null;
      try {
        score = parseScore(entry.score, `score.${criterion.id}`);
      } catch (error) {
        if (error instanceof Invalid) Object.assign(errors, error.fieldErrors);
      }
      const reason = (entry.reason ?? "").trim();
      if (reason.length > 5000) errors[`reason.${criterion.id}`] = "Reason must be 5,000 characters or fewer";
      if (submit) {
        if (score === null && !errors[`score.${criterion.id}`]) errors[`score.${criterion.id}`] = `Choose a score for “${criterion.name}”`;
        const problem = reasonProblem(reason, criterion.name);
        if (problem) errors[`reason.${criterion.id}`] ??= problem;
      }
      rows.push({ criterionId: criterion.id, score, reason });
    }
    if (Object.keys(errors).length > 0) throw new Invalid(errors);

    for (const row of rows) {
      if (row.score === null && !row.reason) continue;
      const data = {
        score: row.score,
        reason: row.reason,
        status: submit ? ("SUBMITTED" as const) : ("DRAFT" as const),
        submittedAt: submit ? now : null,
      };
      await tx.score.upsert({
        where: { panelMemberId_bidId_criterionId: { panelMemberId: seat.id, bidId, criterionId: row.criterionId } },
        update: data,
        create: { ...data, panelMemberId: seat.id, bidId, criterionId: row.criterionId },
      });
    }

    let submittedAll = false;
    if (submit) {
      const bids = await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } });
      const submittedCells = await tx.score.count({ where: { panelMemberId: seat.id, status: "SUBMITTED", bid: { status: "SUBMITTED" } } });
      submittedAll = submittedCells >= bids * criteria.length;
      if (submittedAll) await tx.panelMember.update({ where: { id: seat.id }, data: { scoresSubmittedAt: now } });
      await audit(tx, actor, {
        action: "evaluation.scores_submitted",
        entityType: "Bid",
        entityId: bidId,
        tenderId,
        establishmentId: seat.tender.establishmentId,
        after: {
          panelMemberId: seat.id,
          scores: rows.map((r) => ({ criterionId: r.criterionId, score: r.score, reason: r.reason })),
          submittedAll,
        },
      });
    }
    return { submittedAll };
  });
}
