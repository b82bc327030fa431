import "server-only";
import { z } from "zod";
import { shapingAllows } from "@/domain/shaping-stage";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { authorize } from "../policy";
import { fieldErrorsOf } from "../validation";
import { loadDraftSpecification } from "./draft-specification";
import { loadStage } from "./load-stage";
import { assertStageAllows, assertTenderDraft } from "./stage-guards";

export const DRAFT_CHANGED =
  "The draft changed while you were reading it, so your answer was not saved. Read the new version on this page, then answer again.";

const reviewSchema = z
  .object({
    contentHash: z.string("Reload the page and try again").regex(/^[0-9a-f]{64}$/, "Reload the page and try again"),
    decision: z.enum(["AGREE", "CHANGES_NEEDED"], "Choose whether you agree or want changes"),
    reasons: z.string().trim().max(2000, "Your reasons must be 2,000 characters or fewer").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "CHANGES_NEEDED" && v.reasons === "")
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "Say what should change, and why" });
  });

export type ReviewInput = Partial<Record<"contentHash" | "decision" | "reasons", string>>;

/**
 * A young commissioner taking part agrees to the draft specification, or asks for changes with reasons, bound to the
 * hash of the draft they read. If the draft changed meanwhile the answer is refused (nothing written): it would be
 * an answer to words they never saw. One answer per person per version; the answers are kept, never changed.
 */
export async function reviewSpecification(actor: Actor, stageId: string, input: ReviewInput, now = clockNow()): Promise<void> {
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    if (errors.contentHash) throw new Conflict(DRAFT_CHANGED);
    throw new Invalid(errors);
  }
  const { contentHash, decision, reasons } = parsed.data;
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.contribute", stage);
    assertStageAllows(stage, shapingAllows.writeSpecification, "agree to the draft");
    assertTenderDraft(stage.tender);
    const { draft, hash } = await loadDraftSpecification(tx, stage);
    if (hash !== contentHash) throw new Conflict(DRAFT_CHANGED);
    const already = await tx.coProductionReview.findUnique({
      where: { stageId_userId_contentHash: { stageId, userId: actor.id, contentHash } },
    });
    if (already) throw new Conflict("You have already answered for this version of the draft. You can answer again when it changes.");
    const review = await tx.coProductionReview.create({
      data: {
        stageId,
        userId: actor.id,
        contentHash,
        decision,
        reasons,
        content: draft as unknown as Prisma.InputJsonValue,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: decision === "AGREE" ? "shaping.specification_agreed" : "shaping.specification_changes_asked",
      entityType: "CoProductionReview",
      entityId: review.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      after: { contentHash, decision, reasons },
    });
  });
}
