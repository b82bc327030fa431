import "server-only";
import { MEASURE_RATINGS, reviewState, type MeasureRating } from "@/domain/contract-checks";
import { londonDateKey, utcDateKey } from "@/domain/london-time";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { contentHash } from "../content-hash";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { clearNotices } from "../notifications/notify";
import { authorize } from "../policy";
import { loadContractForChange, periodHref } from "./load-contract";

export const MAX_ACTIONS = 10;

export interface ReviewInput {
  /** The review's content hash the editor started from ("" for a new review). */
  basedOnHash: string;
  summary: string;
  ratings: Record<string, { rating?: string; comment?: string }>;
  actions: { description?: string; owner?: string; dueDate?: string }[];
}

/** What the commissioner and the governor sign: the return version reviewed, the summary, each rating and each action. */
export function reviewHash(review: {
  returnId: string;
  summary: string;
  ratings: { measureId: string; rating: string; comment: string }[];
  actions: { position: number; description: string; owner: string; dueDate: string }[];
}): string {
  return contentHash({
    returnId: review.returnId,
    summary: review.summary,
    ratings: [...review.ratings].sort((a, b) => (a.measureId < b.measureId ? -1 : 1)).map((r) => [r.measureId, r.rating, r.comment]),
    actions: review.actions.map((a) => [a.position, a.description, a.owner, a.dueDate]),
  });
}

/**
 * The commissioner reviews the latest return of a period: rates every measure
 * reported (met / partly met / not met, with a reason unless met), writes a
 * summary and agrees actions (what, who owns it, by when: a day from today to
 * the contract's last day). Saving changes voids the review's signatures;
 * once the governor has co-signed it, it cannot change.
 */
export async function saveReview(
  actor: Actor,
  contractId: string,
  periodNumber: number,
  input: ReviewInput,
  now = clockNow(),
): Promise<{ contentHash: string }> {
  authorize(actor, "review.write");
  return db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    const period = await tx.contractPeriod.findUnique({
      where: { contractId_number: { contractId, number: Number.isSafeInteger(periodNumber) ? periodNumber : -1 } },
      include: {
        returns: { orderBy: { version: "desc" }, take: 1, include: { values: { include: { measure: true } } } },
        review: { include: { signOffs: true } },
      },
    });
    if (!period) throw new NotFound("We could not find that reporting period.");
    const latest = period.returns[0];
    if (!latest) throw new Conflict("The provider has not sent a return for this period yet, so there is nothing to review.");
    if (period.review && reviewState(period.review) === "SIGNED") {
      throw new Conflict("This review has been signed by the commissioner and the governor, so it cannot change.");
    }
    if ((period.review?.contentHash ?? "") !== input.basedOnHash) {
      throw new Conflict("Someone changed this review while you were editing it. Open it again and make your changes again.");
    }

    const errors: Record<string, string> = {};
    const summary = input.summary.trim();
    if (!summary) errors.summary = "Write a short summary of the review";
    else if (summary.length > 10_000) errors.summary = "Must be 10,000 characters or fewer";
    const ratings: { measureId: string; rating: MeasureRating; comment: string }[] = [];
    for (const v of latest.values) {
      const typed = input.ratings[v.measureId] ?? {};
      const rating = MEASURE_RATINGS.find((r) => r === typed.rating);
      const comment = (typed.comment ?? "").trim();
      if (!rating) errors[`rating.${v.measureId}`] = `Choose met, partly met or not met for "${v.measure.name}"`;
      else if (rating !== "MET" && !comment) errors[`comment.${v.measureId}`] = "Say why it was not fully met";
      if (comment.length > 2000) errors[`comment.${v.measureId}`] = "Must be 2,000 characters or fewer";
      if (rating) ratings.push({ measureId: v.measureId, rating, comment });
    }
    const today = londonDateKey(now);
    const actions: { position: number; description: string; owner: string; dueDate: string }[] = [];
    if (input.actions.length > MAX_ACTIONS * 2) errors["actions.0.description"] = `Agree at most ${MAX_ACTIONS} actions`;
    else
      input.actions.forEach((row, i) => {
        const description = (row.description ?? "").trim();
        const owner = (row.owner ?? "").trim();
        const dueDate = (row.dueDate ?? "").trim();
        if (!description && !owner && !dueDate) return;
        const at = (f: string) => `actions.${i}.${f}`;
        if (!description) errors[at("description")] = "Say what will be done";
        else if (description.length > 2000) errors[at("description")] = "Must be 2,000 characters or fewer";
        if (!owner) errors[at("owner")] = "Say who owns this action";
        else if (owner.length > 200) errors[at("owner")] = "Must be 200 characters or fewer";
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || utcDateKey(new Date(`${dueDate}T00:00:00Z`)) !== dueDate) {
          errors[at("dueDate")] = "Enter a real date, like 2027-06-30";
        } else if (dueDate < today) errors[at("dueDate")] = "The date must be today or later";
        else if (dueDate > contract.end) errors[at("dueDate")] = "The date must be on or before the contract's last day";
        actions.push({ position: actions.length + 1, description, owner, dueDate });
      });
    if (actions.length > MAX_ACTIONS) errors["actions.0.description"] = `Agree at most ${MAX_ACTIONS} actions`;
    if (Object.keys(errors).length > 0) throw new Invalid(errors);

    const hash = reviewHash({ returnId: latest.id, summary, ratings, actions });
    if (period.review && hash === period.review.contentHash) {
      throw new Invalid({ summary: "Nothing has changed since the review was saved" }, "Nothing has changed, so nothing was saved.");
    }
    // Signatures on what the review said before no longer stand (voided first: a signed review cannot change).
    const voided = period.review
      ? (await tx.signOff.updateMany({ where: { contractReviewId: period.review.id, voidedAt: null }, data: { voidedAt: now } })).count
      : 0;
    const data = { returnId: latest.id, summary, contentHash: hash, updatedById: actor.id, updatedAt: now };
    const review = period.review
      ? await tx.contractReview.update({ where: { id: period.review.id }, data })
      : await tx.contractReview.create({ data: { ...data, periodId: period.id, createdAt: now } });
    if (period.review) {
      await tx.contractReviewRating.deleteMany({ where: { reviewId: review.id } });
      await tx.contractAction.deleteMany({ where: { reviewId: review.id } });
    }
    await tx.contractReviewRating.createMany({ data: ratings.map((r) => ({ ...r, reviewId: review.id })) });
    await tx.contractAction.createMany({
      data: actions.map((a) => ({ ...a, reviewId: review.id, dueDate: new Date(`${a.dueDate}T00:00:00Z`) })),
    });
    await clearNotices(tx, [periodHref(contractId, period.number)], now);
    await audit(tx, actor, {
      action: period.review ? "contract_review.changed" : "contract_review.written",
      entityType: "ContractReview",
      entityId: review.id,
      establishmentId: contract.establishmentId,
      before: period.review ? { contentHash: period.review.contentHash } : null,
      after: {
        contractId,
        period: period.number,
        returnVersion: latest.version,
        contentHash: hash,
        ratings: Object.fromEntries(MEASURE_RATINGS.map((r) => [r, ratings.filter((x) => x.rating === r).length])),
        actions: actions.length,
        signOffsVoided: voided,
      },
    });
    return { contentHash: hash };
  });
}
