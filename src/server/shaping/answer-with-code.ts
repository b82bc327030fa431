import "server-only";
import { AGE_BANDS, type AgeBand, shapingAllows } from "@/domain/shaping-stage";
import { now as clockNow } from "../clock";
import { audit } from "../audit";
import { db } from "../db";
import { Invalid } from "../errors";
import { CODE_NOT_WORKING, openCode, redeemCode } from "../one-time-codes/codes";

/** How long one answer may be: a few paragraphs typed on a phone. */
export const MAX_ANSWER_LENGTH = 2_000;

/** The form's field for a question's answer. */
export const answerField = (questionId: string) => `answer-${questionId}`;

/** What a working code opens: the stage's questions in their easy-read words. Nothing about who made the code. */
export interface CodeForm {
  code: string;
  questions: { id: string; easyRead: string; field: string }[];
}

async function questionsOf(stageId: string) {
  const stage = await db.shapingStage.findUnique({
    where: { id: stageId },
    select: { status: true, questions: { select: { id: true, easyRead: true }, orderBy: { position: "asc" } } },
  });
  // A stage no longer gathering opens nothing: the same answer as any code that does not work.
  if (!stage || !shapingAllows.gatherViews(stage.status) || stage.questions.length === 0) {
    throw new Invalid({ code: CODE_NOT_WORKING }, CODE_NOT_WORKING);
  }
  return stage.questions;
}

/** The form a typed (or scanned) code opens, or Invalid({ code }) / TooManyRequests. Uses nothing up. */
export async function openCodeForm(typed: unknown, ip: string | null, now = clockNow()): Promise<CodeForm> {
  const opened = await openCode(typed, { purpose: "SHAPING", ip }, now);
  const questions = await questionsOf(opened.stageId!);
  return {
    code: typeof typed === "string" ? typed.trim().slice(0, 40) : "",
    questions: questions.map((q) => ({ ...q, field: answerField(q.id) })),
  };
}

/** An answer as typed, made safe to keep: Unicode normalised, control and invisible characters dropped, trimmed. */
export function cleanAnswer(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return (
    raw
      .slice(0, MAX_ANSWER_LENGTH * 4)
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // Control and invisible format characters (bidi overrides, zero-width spaces), keeping line breaks and the
      // joiner that holds emoji together.
      .replace(/(?![\n\u200D])[\p{Cc}\p{Cf}]/gu, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

export interface CodeAnswers {
  code?: unknown;
  /** Field name → what was typed: `answer-<questionId>`, as on the form. */
  values: Record<string, unknown>;
}

/**
 * A young person without an account sends the form their code opened: one ShapingView per answered question
 * (source CODE, waiting for a facilitator's check), the code used up in the same transaction (a second send with
 * it writes nothing). A form with nothing answered is refused and the code stays unused. The audit event records
 * counts, never the words.
 */
export async function answerWithCode(input: CodeAnswers, ip: string | null, now = clockNow()): Promise<{ answered: number }> {
  const opened = await openCode(input.code, { purpose: "SHAPING", ip }, now);
  const questions = await questionsOf(opened.stageId!);
  const errors: Record<string, string> = {};
  const answers: { questionId: string; text: string }[] = [];
  for (const q of questions) {
    const text = cleanAnswer(input.values[answerField(q.id)]);
    if (text.length > MAX_ANSWER_LENGTH)
      errors[answerField(q.id)] = `Your answer is too long. Make it shorter than ${MAX_ANSWER_LENGTH.toLocaleString("en-GB")} letters`;
    else if (text) answers.push({ questionId: q.id, text });
  }
  const rawAge = input.values.ageBand;
  const ageBand = typeof rawAge === "string" && (AGE_BANDS as readonly string[]).includes(rawAge) ? (rawAge as AgeBand) : null;
  if (typeof rawAge === "string" && rawAge !== "" && rawAge !== "none" && !ageBand)
    errors.ageBand = "Choose your age from the list, or leave it";
  const rawConsent = input.values.quoteConsent;
  if (typeof rawConsent === "string" && rawConsent !== "" && rawConsent !== "yes" && rawConsent !== "no")
    errors.quoteConsent = "Choose yes or no";
  if (Object.keys(errors).length) throw new Invalid(errors);
  if (answers.length === 0) {
    throw new Invalid(
      { [answerField(questions[0]!.id)]: "Write an answer to at least one question, then press Send" },
      "You have not written any answers yet",
    );
  }
  // Not choosing is "no": words are shared only when the young person said yes.
  const quoteConsent = rawConsent === "yes";
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "ShapingStage" WHERE "id" = ${opened.stageId}::uuid FOR SHARE`;
    const stage = await tx.shapingStage.findUniqueOrThrow({ where: { id: opened.stageId! }, select: { status: true, tenderId: true } });
    if (!shapingAllows.gatherViews(stage.status)) throw new Invalid({ code: CODE_NOT_WORKING }, CODE_NOT_WORKING);
    const code = await redeemCode(tx, input.code, { purpose: "SHAPING", ip }, now);
    await tx.shapingView.createMany({
      data: answers.map((a) => ({
        stageId: code.stageId!,
        questionId: a.questionId,
        source: "CODE" as const,
        text: a.text,
        codeId: code.codeId,
        ageBand,
        quoteConsent,
        check: "WAITING" as const,
        createdAt: now,
      })),
    });
    await audit(tx, null, {
      action: "shaping.views_sent_with_code",
      entityType: "ShapingStage",
      entityId: code.stageId!,
      tenderId: stage.tenderId,
      after: { codeId: code.codeId, answers: answers.length, ageBandGiven: ageBand !== null, quoteConsent },
    });
    return { answered: answers.length };
  });
}
