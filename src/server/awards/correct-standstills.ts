import "server-only";
import { lockRow } from "../locks";
import { describeStandstill, standstillBeginningOn } from "@/domain/working-days";
import { audit } from "../audit";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { notifyUsers } from "../notifications/notify";
import { commissionersRunning, providerUsers } from "../notifications/recipients";
import { parseAwardSummary } from "./award-summary";

export interface StandstillCorrection {
  awardDecisionId: string;
  tenderId: string;
  from: Date;
  to: Date;
}

/**
 * One-off correction for issue 17: standstills that were running when the
 * count was fixed to PSR regulation 12 ended one working day short whenever
 * the day after the notice was a working day. Each standstill still running
 * (tender in STANDSTILL, award not confirmed) is recounted from its stored
 * begin day; a short end is moved to the correct, later end, and an end that
 * is already as late or later is kept. Never earlier. Each move is audited
 * (by the system, no actor) and the bidders and the commissioners are told.
 * Letters already sent keep their wording (legacyLetterStandstillEndsAt).
 * Safe to run again: a corrected standstill is not moved twice.
 */
export async function correctRunningStandstills(at = clockNow()): Promise<StandstillCorrection[]> {
  const running = await db.awardDecision.findMany({
    where: {
      status: "APPROVED",
      awardedAt: null,
      standstillStartsOn: { not: null },
      standstillEndsAt: { not: null },
      tender: { status: "STANDSTILL" },
    },
    select: { id: true },
  });
  const corrections: StandstillCorrection[] = [];
  for (const { id } of running) {
    const corrected = await db.$transaction(async (tx) => {
      const found = await tx.awardDecision.findUniqueOrThrow({ where: { id }, select: { tenderId: true } });
      await lockRow(tx, "Tender", found.tenderId);
      const decision = await tx.awardDecision.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          status: true,
          awardedAt: true,
          summary: true,
          standstillStartsOn: true,
          standstillEndsAt: true,
          tender: { select: { id: true, title: true, status: true, establishmentId: true, createdById: true } },
        },
      });
      if (decision.status !== "APPROVED" || decision.awardedAt || decision.tender.status !== "STANDSTILL") return null;
      if (!decision.standstillStartsOn || !decision.standstillEndsAt) return null;
      const beginsOn = decision.standstillStartsOn.toISOString().slice(0, 10);
      const period = standstillBeginningOn(beginsOn);
      if (period.endsAt.getTime() <= decision.standstillEndsAt.getTime()) return null;

      await tx.awardDecision.update({ where: { id }, data: { standstillEndsAt: period.endsAt } });
      await audit(tx, null, {
        action: "award.standstill_corrected",
        entityType: "AwardDecision",
        entityId: id,
        tenderId: decision.tender.id,
        establishmentId: decision.tender.establishmentId,
        before: { standstillStartsOn: beginsOn, standstillEndsAt: decision.standstillEndsAt },
        after: {
          standstillStartsOn: beginsOn,
          standstillEndsAt: period.endsAt,
          reason:
            "PSR regulation 12: the standstill ends at midnight at the end of the 8th working day after the day it begins. The earlier count was one working day short.",
          correctedAt: at,
        },
      });

      const sentence = describeStandstill(beginsOn, period.endsAt);
      const summary = parseAwardSummary(decision.summary);
      const bidders = await providerUsers(
        tx,
        summary.ranking.map((r) => r.organisationId),
      );
      await notifyUsers(tx, bidders, "standstillCorrectedForBidders", { tender: decision.tender, decisionId: id, standstill: sentence });
      await notifyUsers(tx, await commissionersRunning(tx, decision.tender.id), "standstillCorrectedForCommissioners", {
        tender: decision.tender,
        standstill: sentence,
      });
      return { awardDecisionId: id, tenderId: decision.tender.id, from: decision.standstillEndsAt, to: period.endsAt };
    });
    if (corrected) corrections.push(corrected);
  }
  return corrections;
}
