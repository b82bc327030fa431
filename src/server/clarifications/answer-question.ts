import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { isId } from "../ids";
import { publishOcdsRelease } from "../ocds/publish-release";

/**
 * A commissioner answers a question; the answer is published to every
 * provider at once, without naming who asked. Providers who have a bid or
 * asked a question on this tender are told.
 */
export async function answerQuestion(
  actor: Actor,
  tenderId: string,
  questionId: string,
  input: { answer: string },
  now = clockNow(),
): Promise<void> {
  const answer = (input.answer ?? "").trim();
  if (!answer) throw new Invalid({ answer: "Enter the answer" });
  if (answer.length > 5000) throw new Invalid({ answer: "Answer must be 5,000 characters or fewer" });
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    const question = isId(questionId) ? await tx.clarificationQuestion.findFirst({ where: { id: questionId, tenderId } }) : null;
    if (!question) throw new NotFound("We could not find that question.");
    if (question.publishedAt) throw new Conflict("This question has already been answered and published.");
    if (tender.status !== "PUBLISHED") throw new Conflict("Answers can only be published while the tender is open.");
    await tx.clarificationQuestion.update({
      where: { id: question.id },
      data: { answer, answeredById: actor.id, answeredAt: now, publishedAt: now },
    });
    await publishOcdsRelease(tx, tenderId, "tenderUpdate", now);
    const providers = await providerUsers(tx, {
      OR: [{ bids: { some: { tenderId } } }, { clarificationQuestions: { some: { tenderId } } }],
    });
    await notifyUsers(tx, providers, "clarificationAnswered", { tender: { ...tender, id: tenderId } });
    await audit(tx, actor, {
      action: "clarification.answered",
      entityType: "ClarificationQuestion",
      entityId: question.id,
      tenderId,
      establishmentId: tender.establishmentId,
      after: { answer, providersNotified: providers.length },
    });
  });
}
