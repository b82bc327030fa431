import "server-only";
import type { AuditInput } from "../audit";
import { formatLondon } from "@/domain/london-time";
import { describeStandstill, standstillHasEnded } from "@/domain/working-days";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { moveTender } from "../tenders/move-tender";
import { parseAwardSummary } from "./award-summary";
import { standingGovernorApproval } from "./approval";
import { contractPeriod } from "@/domain/contract-period";
import { publishOcdsRelease } from "../ocds/publish-release";
import { assertNoRepresentationsHold } from "../representations/award-guard";

/**
 * After standstill the commissioner confirms the award: the tender becomes
 * AWARDED and its Contract is created. Never without a standing approval by
 * the governor of the tender's establishment.
 */
export async function confirmAward(actor: Actor, tenderId: string, now = clockNow()): Promise<{ contractId: string }> {
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    // The tender row is locked: a second press waits for the first, then finds the contract made; it is told with a
    // code of its own, and its page shows who confirmed it and when.
    const refused = ({ from }: { from: string }) =>
      from === "AWARDED" ? new Conflict("The award has already been confirmed.", "AWARD_ALREADY_CONFIRMED") : undefined;
    return moveTender(tx, actor, { tenderId, action: "confirmAward", now, refused }, async ({ from, to }) => {
      const decision = await tx.awardDecision.findFirst({ where: { tenderId, status: "APPROVED" }, orderBy: { createdAt: "desc" } });
      if (!decision || !(await standingGovernorApproval(tx, decision.id))) {
        throw new Conflict("There is no valid sign-off from the establishment's governor for this award, so it cannot be confirmed.");
      }
      if (!decision.standstillEndsAt || !decision.standstillStartsOn) {
        throw new Conflict("This award has no standstill, so it cannot be confirmed.");
      }
      await assertNoRepresentationsHold(tx, decision.id, now);
      if (!standstillHasEnded(decision.standstillEndsAt, now)) {
        throw new Conflict(
          `Standstill has not ended yet. ${describeStandstill(decision.standstillStartsOn.toISOString().slice(0, 10), decision.standstillEndsAt)}`,
        );
      }
      const summary = parseAwardSummary(decision.summary);
      const winner = summary.ranking.find((r) => r.bidId === decision.recommendedBidId)!;
      const period = contractPeriod(summary.tender.contractStartDate, summary.tender.contractTermMonths, decision.standstillEndsAt);
      const valuePence = winner.pricePence !== null ? BigInt(winner.pricePence) : BigInt(summary.tender.estimatedValuePence ?? "0");
      const contract = await tx.contract.create({
        data: {
          tenderId,
          awardDecisionId: decision.id,
          bidId: decision.recommendedBidId,
          organisationId: winner.organisationId,
          establishmentId: tender.establishmentId,
          title: tender.title,
          valuePence,
          startDate: new Date(`${period.start}T00:00:00Z`),
          endDate: new Date(`${period.end}T00:00:00Z`),
          createdAt: now,
        },
      });
      await tx.awardDecision.update({ where: { id: decision.id }, data: { awardedAt: now } });
      await publishOcdsRelease(tx, tenderId, "contract", now);
      const winners = await providerUsers(tx, [winner.organisationId]);
      await notifyUsers(tx, winners, "contractAwarded", {
        tender,
        decisionId: decision.id,
        provider: winner.provider,
        from: formatLondon(new Date(`${period.start}T12:00:00Z`)),
        to: formatLondon(new Date(`${period.end}T12:00:00Z`)),
      });
      const technicians = await tx.panelMember.findMany({
        where: { tenderId, role: "TECHNICIAN", status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
        select: { user: { select: { id: true, email: true, name: true } } },
      });
      await notifyUsers(
        tx,
        technicians.map((t) => t.user),
        "youSaidWeDid",
        { tender },
      );
      const audit = {
        action: "award.confirmed",
        entityType: "Contract",
        entityId: contract.id,
        tenderId,
        establishmentId: tender.establishmentId,
        before: { status: from },
        after: { status: to, contractId: contract.id, provider: winner.provider, valuePence, start: period.start, end: period.end },
      } satisfies AuditInput;
      return { audit, result: { contractId: contract.id } };
    });
  });
}
