import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { authorize } from "../policy";
import { fieldErrorsOf } from "../validation";
import { loadDraftSpecification } from "./draft-specification";
import { loadStage } from "./load-stage";
import { assertTenderDraft } from "./stage-guards";

const overrideSchema = z.object({
  contentHash: z.string("Reload the page and try again").regex(/^[0-9a-f]{64}$/, "Reload the page and try again"),
  reason: z
    .string("Write why the tender goes ahead without the young commissioners' agreement")
    .trim()
    .min(20, "Write why the tender goes ahead without the young commissioners' agreement, in at least a sentence (20 characters)")
    .max(2000, "The reason must be 2,000 characters or fewer"),
});

/**
 * The commissioner records why the tender goes ahead without most young commissioners agreeing. The reason is bound
 * to the draft as it is now (its hash): change the draft and the reason no longer opens the gate. It is kept on the
 * stage, shown to the governor at sign-off and written in the audit trail.
 */
export async function overrideGate(actor: Actor, stageId: string, input: { contentHash?: string; reason?: string }, now = clockNow()) {
  const parsed = overrideSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    if (errors.contentHash) throw new Conflict("The draft changed while you were writing. Read it again, then record your reason.");
    throw new Invalid(errors);
  }
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.manage", stage);
    assertTenderDraft(stage.tender);
    if (stage.status !== "CLOSED") throw new Conflict("Close the ranking of themes before deciding how the tender goes ahead.");
    const { hash } = await loadDraftSpecification(tx, stage);
    if (hash !== parsed.data.contentHash)
      throw new Conflict("The draft changed while you were writing. Read it again, then record your reason.");
    await tx.shapingStage.update({
      where: { id: stageId },
      data: {
        gateOverrideReason: parsed.data.reason,
        gateOverrideContentHash: hash,
        gateOverrideById: actor.id,
        gateOverrideAt: now,
        version: { increment: 1 },
      },
    });
    await audit(tx, actor, {
      action: "shaping.gate_overridden",
      entityType: "ShapingStage",
      entityId: stageId,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      before: stage.gateOverrideReason ? { reason: stage.gateOverrideReason, contentHash: stage.gateOverrideContentHash } : null,
      after: { reason: parsed.data.reason, contentHash: hash },
    });
  });
}
