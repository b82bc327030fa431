import "server-only";
import type { AuditInput } from "../audit";
import { z } from "zod";
import { governorsOf } from "../notifications/recipients";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { contentHash } from "../content-hash";
import { db } from "../db";
import { Invalid } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { buildAwardSummary } from "./award-summary";
import { moveTender } from "../tenders/move-tender";
import { idField } from "../ids";
import { fieldErrorsOf } from "../validation";

const MAX_TEXT = 5000;
const NOTE_MISSING = "Write a short note to the young commissioners about the outcome";

export const recommendAwardSchema = z.object({
  bidId: idField("Choose the bid you recommend"),
  justification: z.string("Write the justification as text").trim().max(MAX_TEXT, "Must be 5,000 characters or fewer").default(""),
  noteToYoungCommissioners: z.string(NOTE_MISSING).trim().min(1, NOTE_MISSING).max(MAX_TEXT, "Must be 5,000 characters or fewer"),
});

export type RecommendAwardInput = z.input<typeof recommendAwardSchema>;

/**
 * The commissioner recommends the award from the frozen ranking: the top
 * bid, or another with a written justification. It replaces a recommendation
 * the governor has not decided on yet, and asks the establishment's governor
 * to sign off.
 */
export async function recommendAward(
  actor: Actor,
  tenderId: string,
  input: RecommendAwardInput,
  now = clockNow(),
): Promise<{ awardDecisionId: string }> {
  return db.$transaction(async (tx) => {
    // Who may act first: someone who does not run the tender is refused whatever they sent (the matrix checks it).
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    const parsed = recommendAwardSchema.safeParse(input);
    if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
    const { bidId, justification, noteToYoungCommissioners: note } = parsed.data;
    // Within AWARD_PENDING_SIGNOFF: the state stays, the version moves on.
    return moveTender(tx, actor, { tenderId, action: "recommendAward", now }, async () => {
      const errors: Record<string, string> = {};

      const summaryFor = (bidId: string) =>
        buildAwardSummary(tx, tenderId, {
          recommendedBidId: bidId,
          justification: justification || null,
          noteToYoungCommissioners: note || null,
          recommendedBy: actor.name,
          now,
        });
      let summary;
      try {
        summary = await summaryFor(bidId);
      } catch {
        errors.bidId = "Choose the bid you recommend";
      }
      if (summary && !summary.recommended.topRanked && justification.length < 20) {
        errors.justification =
          summary.recommended.rank === 1
            ? "The top total is tied: explain the panel's decision in at least a sentence (20 characters or more)"
            : "You are not recommending the top-ranked bid: explain why in at least a sentence (20 characters or more)";
      }
      if (Object.keys(errors).length > 0 || !summary) throw new Invalid(errors);

      const pending = await tx.awardDecision.findMany({ where: { tenderId, status: "PENDING_SIGNOFF" }, select: { id: true } });
      const superseded = await tx.awardDecision.updateMany({
        where: { tenderId, status: "PENDING_SIGNOFF" },
        data: { status: "SUPERSEDED" },
      });
      // The governor's request to sign the replaced recommendation is overtaken.
      await clearNotices(
        tx,
        pending.map((d) => `/establishment/sign-offs/${d.id}`),
        now,
      );
      const hash = contentHash(summary);
      const decision = await tx.awardDecision.create({
        data: {
          tenderId,
          recommendedBidId: summary.recommended.bidId,
          justification: summary.justification,
          noteToYoungCommissioners: summary.noteToYoungCommissioners,
          summary,
          contentHash: hash,
          recommendedById: actor.id,
          createdAt: now,
        },
      });
      await notifyUsers(tx, await governorsOf(tx, tender.establishmentId), "awardSignOffRequest", {
        tender,
        decisionId: decision.id,
        provider: summary.recommended.provider,
        establishment: summary.tender.establishment.name,
      });
      const audit = {
        action: "award.recommended",
        entityType: "AwardDecision",
        entityId: decision.id,
        tenderId,
        establishmentId: tender.establishmentId,
        after: {
          bidId: summary.recommended.bidId,
          provider: summary.recommended.provider,
          topRanked: summary.recommended.topRanked,
          justification: summary.justification,
          contentHash: hash,
          supersededPending: superseded.count,
        },
      } satisfies AuditInput;
      return { audit, result: { awardDecisionId: decision.id } };
    });
  });
}
