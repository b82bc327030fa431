import "server-only";
import { lockRow } from "../locks";
import type { AuditInput } from "../audit";
import type { TenderAction } from "@/domain/tender-lifecycle";
import { describeStandstill, standstillPeriod } from "@/domain/working-days";
import { can } from "../policy";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { commissionersRunning, providerUsers } from "../notifications/recipients";
import { parseSignOff, type SignOffChoice, type SignOffInput } from "../signatures";
import type { AuditAction } from "../audit-trail/labels";
import { parseAwardSummary } from "./award-summary";
import { isId } from "../ids";
import { publishOcdsRelease } from "../ocds/publish-release";
import { moveTender } from "../tenders/move-tender";

/** The audit action of each decision. */
const SIGNOFF = {
  APPROVED: "award.signoff_approved",
  CHANGES_REQUESTED: "award.signoff_changes_requested",
  REJECTED: "award.signoff_rejected",
} as const satisfies Record<SignOffChoice, AuditAction>;

/**
 * The governor of the tender's establishment — and nobody else — approves,
 * asks for changes or rejects the award recommendation. The decision binds to
 * the hash of exactly the summary they read. Approval starts standstill and
 * sends every bidder their outcome letter; changes or rejection send the
 * tender back to moderation.
 */
export async function decideAward(
  actor: Actor,
  awardDecisionId: string,
  input: SignOffInput,
  now = clockNow(),
): Promise<{ decision: string }> {
  const notFound = new NotFound("We could not find that sign-off request.");
  if (!isId(awardDecisionId)) throw notFound;
  return db.$transaction(async (tx) => {
    const found = await tx.awardDecision.findUnique({ where: { id: awardDecisionId }, select: { tenderId: true } });
    if (!found) throw notFound;
    await lockRow(tx, "Tender", found.tenderId);
    const decision = await tx.awardDecision.findUniqueOrThrow({
      where: { id: awardDecisionId },
      include: { tender: { select: { id: true, title: true, status: true, establishmentId: true, createdById: true } } },
    });
    // Another establishment's governor learns nothing, not even that it exists.
    if (!can(actor, "award.signOff", decision.tender)) throw notFound;
    const choice = parseSignOff(actor, input, ["APPROVED", "CHANGES_REQUESTED", "REJECTED"]);
    if (decision.status !== "PENDING_SIGNOFF") {
      throw new Conflict(
        decision.status === "SUPERSEDED"
          ? "The commissioner has replaced this recommendation with a newer one. Open the newer request."
          : "This recommendation has already been decided.",
      );
    }
    if (input.contentHash !== decision.contentHash) {
      throw new Conflict("The recommendation changed while you were reading it. Reload the page and read it again before you decide.");
    }
    const summary = parseAwardSummary(decision.summary);
    const action: TenderAction =
      choice.decision === "APPROVED" ? "approveSignOff" : choice.decision === "CHANGES_REQUESTED" ? "requestChanges" : "rejectSignOff";
    // Changes or rejection send the tender back to moderation: its ranking is no longer frozen.
    const move = { tenderId: decision.tenderId, action, now, set: choice.decision === "APPROVED" ? {} : { rankingFrozenAt: null } };
    return moveTender(tx, actor, move, async ({ from, to }) => {
      const signOff = await tx.signOff.create({
        data: {
          awardDecisionId,
          signerId: actor.id,
          signerRole: "GOVERNOR",
          decision: choice.decision,
          typedName: choice.typedName,
          signerName: choice.signerName,
          comment: choice.comment,
          contentHash: decision.contentHash,
          signedAt: now,
        },
      });
      // Decided: the request to sign off clears for every governor it went to.
      await clearNotices(tx, [`/establishment/sign-offs/${awardDecisionId}`], now);
      const panel = await tx.panelMember.findMany({
        where: { tenderId: decision.tenderId, status: "ACCEPTED" },
        select: { user: { select: { id: true, email: true, name: true } } },
      });
      // The commissioners running the tender (policy `tender.manage`): its creator too, on the panel or not.
      const commissioners = await commissionersRunning(tx, decision.tenderId);
      let standstill: ReturnType<typeof standstillPeriod> | null = null;

      if (choice.decision === "APPROVED") {
        standstill = standstillPeriod(now);
        await tx.awardDecision.update({
          where: { id: awardDecisionId },
          data: {
            status: "APPROVED",
            standstillStartsOn: new Date(`${standstill.beginsOn}T00:00:00Z`),
            standstillEndsAt: standstill.endsAt,
          },
        });
        // The notice of intention to award is public from the start of standstill.
        await publishOcdsRelease(tx, decision.tenderId, "award", now);
        // Outcome letters go to every bidder at once; the email only links to the letter.
        const bidderUsers = await providerUsers(
          tx,
          summary.ranking.map((r) => r.organisationId),
        );
        const winner = summary.ranking.find((r) => r.bidId === summary.recommended.bidId)!.organisationId;
        const period = describeStandstill(standstill.beginsOn, standstill.endsAt);
        // Only the unsuccessful bidders are invited to make representations; the winner is told what happens next.
        const letter = { tender: decision.tender, decisionId: awardDecisionId, standstill: period };
        await notifyUsers(
          tx,
          bidderUsers.filter((u) => u.organisationId !== winner),
          "outcomeLetter",
          { ...letter, successful: false },
        );
        await notifyUsers(
          tx,
          bidderUsers.filter((u) => u.organisationId === winner),
          "outcomeLetter",
          { ...letter, successful: true },
        );
        await notifyUsers(tx, commissioners, "awardApproved", { tender: decision.tender, standstill: period });
      } else {
        await tx.awardDecision.update({ where: { id: awardDecisionId }, data: { status: choice.decision } });
        const changes = choice.decision === "CHANGES_REQUESTED";
        const facts = { tender: decision.tender, comment: choice.comment };
        if (changes)
          await notifyUsers(
            tx,
            panel.map((p) => p.user),
            "awardChangesRequested",
            facts,
          );
        else await notifyUsers(tx, commissioners, "awardRejected", facts);
      }
      const audit = {
        action: SIGNOFF[choice.decision],
        entityType: "SignOff",
        entityId: signOff.id,
        tenderId: decision.tenderId,
        establishmentId: decision.tender.establishmentId,
        before: { tenderStatus: from, awardDecisionStatus: "PENDING_SIGNOFF" },
        after: {
          tenderStatus: to,
          awardDecisionId,
          decision: choice.decision,
          comment: choice.comment,
          contentHash: decision.contentHash,
          standstillStartsOn: standstill?.beginsOn ?? null,
          standstillEndsAt: standstill?.endsAt ?? null,
        },
      } satisfies AuditInput;
      return { audit, result: { decision: choice.decision } };
    });
  });
}
