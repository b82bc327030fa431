import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { loadMySeat } from "./panel-membership";

/**
 * A panel member steps back at any time, without giving a reason. Scores
 * not yet submitted are discarded; submitted ones count only if they say so.
 */
export async function stepBack(actor: Actor, tenderId: string, input: { keepSubmittedScores: boolean | null }, now = clockNow()): Promise<void> {
  if (input.keepSubmittedScores === null) throw new Invalid({ keepSubmittedScores: "Choose what happens to the scores you have already sent" });
  await db.$transaction(async (tx) => {
    const seat = await loadMySeat(tx, actor, tenderId);
    if (seat.status === "STEPPED_BACK") throw new Conflict("You have already stepped back from this panel.");
    if (["AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(seat.tender.status)) {
      throw new Conflict("The ranking has been frozen, so your scores can no longer be taken out. You can still stop taking part.");
    }
    const discarded = await tx.score.deleteMany({ where: { panelMemberId: seat.id, status: "DRAFT" } });
    await tx.panelMember.update({
      where: { id: seat.id },
      data: { status: "STEPPED_BACK", steppedBackAt: now, keepSubmittedScores: input.keepSubmittedScores, isChair: false },
    });
    await audit(tx, actor, {
      action: "panel.stepped_back",
      entityType: "PanelMember",
      entityId: seat.id,
      tenderId,
      establishmentId: seat.tender.establishmentId,
      after: { keepSubmittedScores: input.keepSubmittedScores, draftScoresDiscarded: discarded.count },
    });
  });
}
