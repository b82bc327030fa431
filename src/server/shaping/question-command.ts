import "server-only";
import { EASY_READ_MAX, MAX_QUESTIONS, MIN_QUESTIONS, QUESTION_TEXT_MAX, swapIndex } from "@/domain/shaping-gather";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage, type LoadedStage } from "./load-stage";
import { assertStageAllows, renumber } from "./stage-guards";

export interface QuestionInput {
  command?: string;
  questionId?: string;
  text?: string;
  easyRead?: string;
}

/** A question's two wordings, checked: both needed, each within its limit (field names `text` and `easyRead`). */
export function parseQuestionWording(input: QuestionInput): { text: string; easyRead: string } {
  const text = String(input.text ?? "")
    .normalize("NFC")
    .trim();
  const easyRead = String(input.easyRead ?? "")
    .normalize("NFC")
    .trim();
  const errors: FieldErrors = {};
  if (!text) errors.text = "Enter the question";
  else if (Array.from(text).length > QUESTION_TEXT_MAX) errors.text = `The question must be ${QUESTION_TEXT_MAX} characters or fewer`;
  if (!easyRead) errors.easyRead = "Enter the easy-read wording: short words, one idea";
  else if (Array.from(easyRead).length > EASY_READ_MAX)
    errors.easyRead = `The easy-read wording must be ${EASY_READ_MAX} characters or fewer`;
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return { text, easyRead };
}

async function questionOf(tx: Tx, stage: LoadedStage, questionId: string | undefined) {
  const id = String(questionId ?? "");
  const question = isId(id) ? await tx.shapingQuestion.findFirst({ where: { id, stageId: stage.id } }) : null;
  if (!question) throw new NotFound("We could not find that question. Someone may have removed it: reload the page.");
  return question;
}

/**
 * The commissioner running the tender changes the stage's questions while it is planning (a view answers the
 * question it was asked, so they are fixed once gathering opens): "save" a question's wordings, "add" one (at most
 * 10), "remove" one (at least 1 stays), move one "up" or "down". The stage's row lock orders two changes at once.
 */
export async function changeQuestions(
  actor: Actor,
  stageId: string,
  input: QuestionInput,
  now = clockNow(),
): Promise<{ id: string | null }> {
  const command = input.command ?? "";
  if (!["save", "add", "remove", "up", "down"].includes(command)) throw new NotFound("We could not find that change.");
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.manage", stage);
    assertStageAllows(stage, shapingAllows.editQuestions, "change the questions");
    const questions = await tx.shapingQuestion.findMany({ where: { stageId: stage.id }, orderBy: { position: "asc" } });
    const event = { entityType: "ShapingQuestion", tenderId: stage.tender.id, establishmentId: stage.tender.establishmentId };
    switch (command) {
      case "add": {
        if (questions.length >= MAX_QUESTIONS) throw new Conflict(`A stage can have up to ${MAX_QUESTIONS} questions. Remove one first.`);
        const wording = parseQuestionWording(input);
        const created = await tx.shapingQuestion.create({
          data: { stageId: stage.id, position: questions.length + 1, ...wording, createdAt: now, updatedAt: now },
        });
        await audit(tx, actor, { ...event, action: "shaping.question_added", entityId: created.id, after: wording });
        return { id: created.id };
      }
      case "save": {
        const question = await questionOf(tx, stage, input.questionId);
        const wording = parseQuestionWording(input);
        if (wording.text === question.text && wording.easyRead === question.easyRead) return { id: question.id };
        await tx.shapingQuestion.update({ where: { id: question.id }, data: { ...wording, updatedAt: now } });
        await audit(tx, actor, {
          ...event,
          action: "shaping.question_changed",
          entityId: question.id,
          before: { text: question.text, easyRead: question.easyRead },
          after: wording,
        });
        return { id: question.id };
      }
      case "remove": {
        const question = await questionOf(tx, stage, input.questionId);
        if (questions.length <= MIN_QUESTIONS)
          throw new Conflict("A stage needs at least one question. Change this one instead of removing it.");
        await tx.shapingQuestion.delete({ where: { id: question.id } });
        await renumber(
          questions.filter((q) => q.id !== question.id).map((q) => q.id),
          (id, position) => tx.shapingQuestion.update({ where: { id }, data: { position } }),
        );
        await audit(tx, actor, { ...event, action: "shaping.question_removed", entityId: question.id, before: { text: question.text } });
        return { id: null };
      }
      default: {
        const question = await questionOf(tx, stage, input.questionId);
        const from = questions.findIndex((q) => q.id === question.id);
        const to = swapIndex(from, command as "up" | "down", questions.length);
        if (to === null) return { id: question.id };
        const order = questions.map((q) => q.id);
        [order[from], order[to]] = [order[to]!, order[from]!];
        await renumber(order, (id, position) => tx.shapingQuestion.update({ where: { id }, data: { position } }));
        await audit(tx, actor, { ...event, action: "shaping.question_moved", entityId: question.id, after: { position: to + 1 } });
        return { id: question.id };
      }
    }
  });
}
