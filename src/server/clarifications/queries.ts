import "server-only";
import type { Actor } from "../auth/actor";
import { audit } from "../audit";
import { db } from "../db";
import { NotFound } from "../errors";
import { authorize, can, tenderRelationsSelect, tendersRunByWhere } from "../policy";
import { isId } from "../ids";

/** Published answers, for everyone who can see the tender: never who asked. */
export async function listPublishedClarifications(tenderId: string) {
  if (!isId(tenderId)) return [];
  return db.clarificationQuestion.findMany({
    where: { tenderId, publishedAt: { not: null } },
    select: { id: true, question: true, answer: true, publishedAt: true },
    orderBy: { publishedAt: "asc" },
  });
}

/** A provider's own organisation's questions, answered or not. */
export async function listMyQuestions(actor: Actor, tenderId: string) {
  if (!can(actor, "clarification.ask") || !actor.organisationId || !isId(tenderId)) return [];
  return db.clarificationQuestion.findMany({
    where: { tenderId, organisationId: actor.organisationId },
    select: { id: true, question: true, answer: true, createdAt: true, publishedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The commissioners running the tender see every question, without who asked; other commissioners none. */
export async function listQuestionsForCommissioner(actor: Actor, tenderId: string) {
  authorize(actor, "tender.read");
  if (!isId(tenderId)) return [];
  return db.clarificationQuestion.findMany({
    where: { tenderId, tender: tendersRunByWhere(actor) },
    select: { id: true, question: true, answer: true, createdAt: true, publishedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Who asked: only for a commissioner running the tender, when they open the detail; that look is audited. */
export async function revealAsker(actor: Actor, questionId: string) {
  authorize(actor, "tender.read");
  if (!isId(questionId)) throw new NotFound();
  const question = await db.clarificationQuestion.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      tenderId: true,
      organisation: { select: { name: true } },
      askedBy: { select: { name: true } },
      tender: { select: tenderRelationsSelect },
    },
  });
  if (!question) throw new NotFound();
  authorize(actor, "clarification.revealAsker", question.tender);
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "clarification.asker_viewed",
      entityType: "ClarificationQuestion",
      entityId: question.id,
      tenderId: question.tenderId,
    }),
  );
  return { organisation: question.organisation.name, askedBy: question.askedBy.name };
}
