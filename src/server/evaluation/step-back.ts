import "server-only";
import { z } from "zod";
import type { TenderStatus } from "@/generated/prisma/enums";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid } from "../errors";
import { fieldErrorsOf } from "../validation";
import { loadMySeat } from "./panel-membership";

export const stepBackSchema = z.object({
  keepSubmittedScores: z.boolean("Choose what happens to the scores you have already sent"),
});

export type StepBackInput = { keepSubmittedScores: boolean | null };

/** Once the ranking is frozen, scores can no longer be taken out. */
export function rankingFrozen(status: TenderStatus): boolean {
  return status === "AWARD_PENDING_SIGNOFF" || status === "STANDSTILL" || status === "AWARDED";
}

/**
 * A panel member steps back at any time, without giving a reason. Scores
 * not yet submitted are discarded; submitted ones count only if they say so.
 */
export async function stepBack(actor: Actor, tenderId: string, input: StepBackInput, now = clockNow()): Promise<void> {
  const parsed = stepBackSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { keepSubmittedScores } = parsed.data;
  await db.$transaction(async (tx) => {
    const seat = await loadMySeat(tx, actor, tenderId, { toStepBack: true });
    if (seat.status === "STEPPED_BACK") throw new Conflict("You have already stepped back from this panel.");
    if (rankingFrozen(seat.tender.status)) {
      throw new Conflict("The ranking has been frozen, so your scores can no longer be taken out. You can still stop taking part.");
    }
    await stepBackSeat(tx, actor, seat, { keepSubmittedScores }, now);
  });
}

/**
 * The step back itself, for a seat already loaded and locked in `tx`: also
 * used when a young commissioner withdraws their consent and leaves every panel.
 */
export async function stepBackSeat(
  tx: Tx,
  actor: Actor,
  seat: { id: string; tender: { id: string; establishmentId: string } },
  input: { keepSubmittedScores: boolean; because?: "consent_withdrawn" },
  now: Date,
): Promise<void> {
  const discarded = await tx.score.deleteMany({ where: { panelMemberId: seat.id, status: "DRAFT" } });
  await tx.panelMember.update({
    where: { id: seat.id },
    data: { status: "STEPPED_BACK", steppedBackAt: now, keepSubmittedScores: input.keepSubmittedScores, isChair: false },
  });
  await audit(tx, actor, {
    action: "panel.stepped_back",
    entityType: "PanelMember",
    entityId: seat.id,
    tenderId: seat.tender.id,
    establishmentId: seat.tender.establishmentId,
    after: {
      keepSubmittedScores: input.keepSubmittedScores,
      draftScoresDiscarded: discarded.count,
      ...(input.because ? { because: input.because } : {}),
    },
  });
}
