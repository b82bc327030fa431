import "server-only";
import { textFingerprint } from "../content-hash";
import { authorize } from "../policy";
import { isBeforeDeadline } from "@/domain/tender-lifecycle";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors";
import { isId } from "../ids";

/** A provider asks a clarification question before the clarification deadline. */
export async function askQuestion(actor: Actor, tenderId: string, input: { question: string }, now = clockNow()): Promise<{ id: string }> {
  authorize(actor, "clarification.ask");
  if (!actor.organisationId) throw new Forbidden("Only providers can ask clarification questions.");
  const question = (input.question ?? "").trim();
  if (!question) throw new Invalid({ question: "Enter your question" });
  if (question.length > 2000) throw new Invalid({ question: "Question must be 2,000 characters or fewer" });
  return db.$transaction(async (tx) => {
    const tender = isId(tenderId) ? await tx.tender.findFirst({ where: { id: tenderId, status: "PUBLISHED" } }) : null;
    if (!tender) throw new NotFound("We could not find that tender.");
    if (!tender.clarificationDeadline || !isBeforeDeadline(tender.clarificationDeadline, now)) {
      throw new Conflict("The deadline for clarification questions has passed.");
    }
    const row = await tx.clarificationQuestion.create({
      data: { tenderId, organisationId: actor.organisationId!, askedById: actor.id, question, createdAt: now },
    });
    await audit(tx, actor, {
      action: "clarification.asked",
      entityType: "ClarificationQuestion",
      entityId: row.id,
      tenderId,
      establishmentId: tender.establishmentId,
      // Its fingerprint, not its text: who asked what stays between the asker and the commissioners until it is answered.
      after: { questionSha256: textFingerprint(question) },
    });
    return { id: row.id };
  });
}
