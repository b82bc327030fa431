import "server-only";
import { ANSWER_MAX } from "@/domain/shaping-gather";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { assertConsented } from "../consent-gate";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";

export const GATHERING_CLOSED = "Gathering views has closed, so answers can no longer be changed. Thank you for what you said.";

export interface SaveAnswerResult {
  /** "saved": a new or changed answer; "unchanged": the same text again; "deleted": an empty box removed the answer. */
  outcome: "saved" | "unchanged" | "deleted";
  savedAt: Date | null;
}

/**
 * A young commissioner taking part answers one question in the portal, or changes their answer, while gathering is
 * open. Each answer is a view from a MEMBER, waiting for a facilitator's check before anyone else reads it (they
 * always read their own). A changed answer waits for the check again; an empty box removes the answer. The text is
 * kept as typed (Unicode normalised to NFC, trimmed), up to ANSWER_MAX characters.
 */
export async function saveAnswer(
  actor: Actor,
  stageId: string,
  questionId: string,
  input: { text?: string; quoteConsent?: string },
  now = clockNow(),
): Promise<SaveAnswerResult> {
  const text = String(input.text ?? "")
    .normalize("NFC")
    .trim();
  const quoteConsent = input.quoteConsent === "yes";
  if (!isId(questionId)) throw new NotFound("We could not find that question.");
  return db.$transaction(async (tx) => {
    // The stage's row lock: a save never passes the closing of gathering, and two saves of one answer queue.
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.contribute", stage);
    await assertConsented(tx, actor);
    if (!shapingAllows.gatherViews(stage.status)) throw new Conflict(GATHERING_CLOSED);
    const length = Array.from(text).length;
    if (length > ANSWER_MAX)
      throw new Invalid({
        text: `Your answer must be ${ANSWER_MAX.toLocaleString("en-GB")} characters or fewer. It has ${length.toLocaleString("en-GB")}.`,
      });
    const question = await tx.shapingQuestion.findFirst({ where: { id: questionId, stageId: stage.id }, select: { id: true } });
    if (!question) throw new NotFound("We could not find that question.");
    const existing = await tx.shapingView.findUnique({ where: { questionId_authorId: { questionId, authorId: actor.id } } });
    const event = { entityType: "ShapingView", tenderId: stage.tender.id, establishmentId: stage.tender.establishmentId };
    if (text === "") {
      if (!existing) return { outcome: "unchanged", savedAt: null };
      await tx.shapingView.delete({ where: { id: existing.id } });
      await audit(tx, actor, { ...event, action: "shaping.answer_deleted", entityId: existing.id, before: { questionId } });
      return { outcome: "deleted", savedAt: null };
    }
    if (existing && existing.text === text && existing.quoteConsent === quoteConsent)
      return { outcome: "unchanged", savedAt: existing.updatedAt };
    const data = {
      text,
      quoteConsent,
      quoteWithdrawnAt: null,
      check: "WAITING" as const,
      checkedById: null,
      checkedAt: null,
      updatedAt: now,
    };
    const view = existing
      ? await tx.shapingView.update({ where: { id: existing.id }, data })
      : await tx.shapingView.create({
          data: { ...data, stageId: stage.id, questionId, source: "MEMBER", authorId: actor.id, createdAt: now },
        });
    // The answer's words stay out of the audit trail: it records that an answer was given or changed, and its length.
    await audit(tx, actor, {
      ...event,
      action: existing ? "shaping.answer_changed" : "shaping.answer_given",
      entityId: view.id,
      after: { questionId, characters: Array.from(text).length, quoteConsent, check: "WAITING" },
    });
    return { outcome: "saved", savedAt: view.updatedAt };
  });
}
