import "server-only";
import { z } from "zod";
import { formatLondonDay } from "@/domain/london-time";
import { furtherPeriodAfterNotice } from "@/domain/working-days";
import { audit, type AuditInput } from "../audit";
import type { AuditAction } from "../audit-trail/labels";
import type { Actor } from "../auth/actor";
import { parseAwardSummary } from "../awards/award-summary";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { fieldErrorsOf } from "../validation";
import { notifyUsers } from "../notifications/notify";
import { publishOcdsRelease } from "../ocds/publish-release";
import { cancelTender } from "../tenders/cancel-tender";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { moveTender } from "../tenders/move-tender";
import { governorsOf, providerUsers } from "../notifications/recipients";

export const REPRESENTATION_OUTCOMES = ["CONTINUE", "BACK_TO_MODERATION", "ABANDON"] as const;
export type RepresentationOutcome = (typeof REPRESENTATION_OUTCOMES)[number];

/** The audit action each outcome records. */
const DECIDED = {
  CONTINUE: "representation.decided_continue",
  BACK_TO_MODERATION: "representation.decided_back_to_moderation",
  ABANDON: "representation.decided_abandon",
} as const satisfies Record<RepresentationOutcome, AuditAction>;

const schema = z.object({
  outcome: z.enum(REPRESENTATION_OUTCOMES, { error: "Choose what happens next" }),
  reasons: z
    .string({ error: "Give the reasons for your decision" })
    .trim()
    .min(1, "Give the reasons for your decision")
    .min(20, "Give the reasons for your decision in at least 20 characters")
    .max(2_000, "Reasons must be 2,000 characters or fewer"),
});

/**
 * The commissioner records a further decision, with reasons, on the open
 * representations about the award in standstill:
 * - CONTINUE: the providers are told, and the award can be confirmed only
 *   after a further 5 working days from this notice (working-days.ts);
 * - BACK_TO_MODERATION: the governor's sign-off is voided, the tender goes back
 *   to moderation, and the governor signs a new recommendation again;
 * - ABANDON: the tender is cancelled with the reasons.
 * Every open representation of the award is closed by the decision.
 */
export async function decideOnRepresentations(
  actor: Actor,
  tenderId: string,
  input: { outcome?: string; reasons?: string },
  now = clockNow(),
): Promise<{ reviewId: string; confirmNotBefore: Date | null }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(fieldErrorsOf(parsed.error));
  }
  const { outcome, reasons } = parsed.data;
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    if (tender.status !== "STANDSTILL") throw new Conflict("A further decision on representations can be made only during standstill.");
    const decision = await tx.awardDecision.findFirst({
      where: { tenderId, status: "APPROVED" },
      orderBy: { createdAt: "desc" },
      select: { id: true, summary: true },
    });
    const open = decision
      ? await tx.representation.findMany({
          where: { awardDecisionId: decision.id, status: { not: "DECIDED" } },
          select: { id: true, organisationId: true, status: true },
        })
      : [];
    if (!decision || open.length === 0) throw new Conflict("There is no open representation to decide on.");
    const summary = parseAwardSummary(decision.summary);

    const confirmNotBefore = outcome === "CONTINUE" ? furtherPeriodAfterNotice(now).endsAt : null;
    const review = await tx.representationReview.create({
      data: { awardDecisionId: decision.id, tenderId, outcome, reasons, decidedById: actor.id, decidedAt: now, confirmNotBefore },
    });
    await tx.representation.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { status: "DECIDED", reviewId: review.id } });

    const representing = await providerUsers(
      tx,
      open.map((r) => r.organisationId),
    );
    const governors = await governorsOf(tx, tender.establishmentId);
    const reviewAudit = (after: Record<string, unknown>): AuditInput => ({
      action: DECIDED[outcome],
      entityType: "RepresentationReview",
      entityId: review.id,
      tenderId,
      establishmentId: tender.establishmentId,
      before: { tenderStatus: tender.status, representations: open.map((r) => ({ id: r.id, status: r.status })) },
      after,
    });
    let after: Record<string, unknown> = { outcome, reasons, representationIds: open.map((r) => r.id), awardDecisionId: decision.id };

    if (outcome === "CONTINUE") {
      const until = formatLondonDay(furtherPeriodAfterNotice(now).endsOn);
      const facts = { tender, decisionId: decision.id, provider: summary.recommended.provider, reasons, until };
      await notifyUsers(tx, representing, "representationsContinueForBidders", facts);
      await notifyUsers(tx, governors, "representationsContinueForGovernors", facts);
      after = { ...after, confirmNotBefore };
    } else if (outcome === "BACK_TO_MODERATION") {
      // The move writes the decision's audit event, with the state the tender went to.
      const move = { tenderId, action: "reopenAfterRepresentations" as const, now, set: { rankingFrozenAt: null } };
      await moveTender(tx, actor, move, async ({ to }) => {
        await tx.awardDecision.update({ where: { id: decision.id }, data: { status: "REOPENED" } });
        const voided = await tx.signOff.updateMany({ where: { awardDecisionId: decision.id, voidedAt: null }, data: { voidedAt: now } });
        // The published intention to award no longer stands: the open data says so.
        await publishOcdsRelease(tx, tenderId, "awardUpdate", now);
        const bidders = await providerUsers(
          tx,
          summary.ranking.map((r) => r.organisationId),
        );
        await notifyUsers(tx, bidders, "representationsReopenForBidders", { tender, decisionId: decision.id });
        await notifyUsers(tx, governors, "representationsReopenForGovernors", { tender, decisionId: decision.id, reasons });
        const panel = await tx.panelMember.findMany({
          where: { tenderId, status: "ACCEPTED" },
          select: { user: { select: { id: true, email: true, name: true } } },
        });
        await notifyUsers(
          tx,
          panel.map((p) => p.user),
          "representationsReopenForPanel",
          { tender },
        );
        return {
          audit: reviewAudit({ ...after, tenderStatus: to, awardDecisionStatus: "REOPENED", signOffsVoided: voided.count }),
          result: undefined,
        };
      });
    } else {
      await cancelTender(actor, tenderId, { reason: reasons }, now, tx);
      await notifyUsers(tx, governors, "representationsAbandonForGovernors", { tender, decisionId: decision.id, reasons });
      after = { ...after, tenderStatus: "CANCELLED" };
    }
    if (outcome !== "BACK_TO_MODERATION") await audit(tx, actor, reviewAudit(after));
    return { reviewId: review.id, confirmNotBefore };
  });
}
