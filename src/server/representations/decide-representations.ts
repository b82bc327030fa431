import "server-only";
import { z } from "zod";
import { formatLondonDay } from "@/domain/london-time";
import { furtherPeriodAfterNotice } from "@/domain/working-days";
import { audit } from "../audit";
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
    const reviewAudit = (after: Record<string, unknown>) => ({
      action: `representation.decided_${outcome.toLowerCase()}`,
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
      const body = `We have considered the representations and will continue with the award to ${summary.recommended.provider}. Our reasons: ${reasons} The award will not be confirmed before midnight at the end of ${until} (5 working days after this notice).`;
      await notifyUsers(tx, representing, {
        template: "representation-decided",
        title: `Decision on your representation: ${tender.title}`,
        body,
        href: `/letters/${decision.id}#representation`,
      });
      await notifyUsers(tx, governors, {
        template: "representation-decided",
        title: `Decision on representations: ${tender.title}`,
        body,
        href: `/establishment/sign-offs/${decision.id}#representations`,
      });
      after = { ...after, confirmNotBefore };
    } else if (outcome === "BACK_TO_MODERATION") {
      // The move writes the decision's audit event, with the state the tender went to.
      const move = { tenderId, action: "reopenAfterRepresentations" as const, now, set: { rankingFrozenAt: null } };
      await moveTender(tx, actor, move, async ({ to }) => {
        await tx.awardDecision.update({ where: { id: decision.id }, data: { status: "REOPENED" } });
        const voided = await tx.signOff.updateMany({ where: { awardDecisionId: decision.id, voidedAt: null }, data: { voidedAt: now } });
        // The published intention to award no longer stands: the open data says so.
        await publishOcdsRelease(tx, tenderId, "awardUpdate", now);
        const body = `After considering representations, the commissioner has sent the award back to moderation. The governor's sign-off no longer stands; the governor will be asked to sign a new recommendation. Reasons: ${reasons}`;
        const bidders = await providerUsers(
          tx,
          summary.ranking.map((r) => r.organisationId),
        );
        await notifyUsers(tx, bidders, {
          template: "representation-decided",
          title: `The award is being looked at again: ${tender.title}`,
          body: "The intended award has been withdrawn while the panel looks at the evaluation again. You will receive a new outcome letter.",
          href: `/letters/${decision.id}`,
        });
        await notifyUsers(tx, governors, {
          template: "representation-decided",
          title: `Award back in moderation: ${tender.title}`,
          body,
          href: `/establishment/sign-offs/${decision.id}#representations`,
        });
        const panel = await tx.panelMember.findMany({
          where: { tenderId, status: "ACCEPTED" },
          select: { user: { select: { id: true, email: true, name: true } } },
        });
        await notifyUsers(
          tx,
          panel.map((p) => p.user),
          {
            template: "representation-decided",
            title: `Back to moderation: ${tender.title}`,
            body: "A bidder asked us to look at the decision again. The panel will look at the scores again in moderation.",
            href: `/panels/${tenderId}`,
          },
        );
        return {
          audit: reviewAudit({ ...after, tenderStatus: to, awardDecisionStatus: "REOPENED", signOffsVoided: voided.count }),
          result: undefined,
        };
      });
    } else {
      await cancelTender(actor, tenderId, { reason: reasons }, now, tx);
      await notifyUsers(tx, governors, {
        template: "representation-decided",
        title: `Tender abandoned after representations: ${tender.title}`,
        body: `The commissioner has cancelled the tender. Reasons: ${reasons}`,
        href: `/establishment/sign-offs/${decision.id}#representations`,
      });
      after = { ...after, tenderStatus: "CANCELLED" };
    }
    if (outcome !== "BACK_TO_MODERATION") await audit(tx, actor, reviewAudit(after));
    return { reviewId: review.id, confirmNotBefore };
  });
}
