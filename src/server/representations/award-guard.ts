import "server-only";
import { formatLondonDay, londonDateKey } from "@/domain/london-time";
import { standstillHasEnded } from "@/domain/working-days";
import type { Tx } from "../db";
import { Conflict } from "../errors";

/**
 * Why the award cannot be confirmed yet because of representations, or null:
 * any representation still open, or a decision to continue whose further
 * 5 working days have not passed.
 */
export async function representationsHold(tx: Tx, awardDecisionId: string, now: Date): Promise<string | null> {
  const open = await tx.representation.count({ where: { awardDecisionId, status: { not: "DECIDED" } } });
  if (open > 0) return "A representation about this award is still open. Record a further decision on it before confirming the award.";
  const lastContinue = await tx.representationReview.findFirst({
    where: { awardDecisionId, outcome: "CONTINUE" },
    orderBy: { decidedAt: "desc" },
    select: { confirmNotBefore: true },
  });
  if (lastContinue?.confirmNotBefore && !standstillHasEnded(lastContinue.confirmNotBefore, now)) {
    return `After the decision to continue, the award can be confirmed only after midnight at the end of ${formatLondonDay(londonDateKey(lastContinue.confirmNotBefore))}, 5 working days after that notice.`;
  }
  return null;
}

export async function assertNoRepresentationsHold(tx: Tx, awardDecisionId: string, now: Date): Promise<void> {
  const reason = await representationsHold(tx, awardDecisionId, now);
  if (reason) throw new Conflict(reason);
}
