import "server-only";
import { textFingerprint } from "../content-hash";
import { z } from "zod";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { can } from "../policy";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { lockRepresentation } from "./load";
import { providerUsers, commissionersRunning } from "../notifications/recipients";
import { fieldErrorsOf } from "../validation";

const MAX_CHARS = 5_000;

const message = (empty: string) =>
  z
    .string(empty)
    .trim()
    .min(1, empty)
    .max(MAX_CHARS, `Must be ${MAX_CHARS.toLocaleString("en-GB")} characters or fewer`);

export const askForClarificationSchema = z.object({ question: message("Write what you want the provider to explain or clarify") });
export const answerClarificationSchema = z.object({ answer: message("Write your answer") });

/** A commissioner running the tender asks the provider to explain or clarify its representation. */
export async function askForClarification(
  actor: Actor,
  representationId: string,
  input: { question: string },
  now = clockNow(),
): Promise<void> {
  const notFound = new NotFound("We could not find that representation.");
  const parsed = askForClarificationSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { question } = parsed.data;
  await db.$transaction(async (tx) => {
    const representation = await lockRepresentation(tx, representationId, notFound);
    await loadManagedTender(tx, actor, representation.tender.id, now);
    if (representation.status === "DECIDED") throw new Conflict("A further decision has already been recorded on this representation.");
    if (representation.tender.status !== "STANDSTILL") throw new Conflict("This award is no longer in standstill.");
    await addTurn(tx, actor, representation, now, {
      kind: "CLARIFICATION_REQUEST",
      text: question,
      status: "CLARIFICATION_REQUESTED",
      action: "representation.clarification_requested",
      after: { question },
    });
    await notifyUsers(tx, await providerUsers(tx, [representation.organisationId]), "representationClarificationRequested", {
      tender: representation.tender,
      decisionId: representation.awardDecisionId,
      question,
    });
  });
}

/** The provider answers the commissioner's request; the representation is open for the commissioner again. */
export async function answerClarification(
  actor: Actor,
  representationId: string,
  input: { answer: string },
  now = clockNow(),
): Promise<void> {
  const notFound = new NotFound("We could not find that representation.");
  if (!can(actor, "representation.make")) throw notFound;
  const parsed = answerClarificationSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { answer } = parsed.data;
  await db.$transaction(async (tx) => {
    const representation = await lockRepresentation(tx, representationId, notFound);
    // Another organisation's representation does not exist for this provider.
    if (!can(actor, "representation.readOwn", representation)) throw notFound;
    if (representation.status !== "CLARIFICATION_REQUESTED")
      throw new Conflict("There is no question from the commissioner waiting for your answer.");
    if (representation.tender.status !== "STANDSTILL") throw new Conflict("This award is no longer in standstill.");
    await addTurn(tx, actor, representation, now, {
      kind: "CLARIFICATION_ANSWER",
      text: answer,
      status: "OPEN",
      action: "representation.clarification_answered",
      after: { answerLength: answer.length },
    });
    await notifyUsers(tx, await commissionersRunning(tx, representation.tender.id), "representationClarified", {
      tender: representation.tender,
      provider: representation.organisation.name,
    });
  });
}

/**
 * One turn of the exchange, asked or answered: the message, the
 * representation's new status and its audit event (the caller tells the other side).
 */
async function addTurn(
  tx: Tx,
  actor: Actor,
  representation: Awaited<ReturnType<typeof lockRepresentation>>,
  now: Date,
  turn: {
    kind: "CLARIFICATION_REQUEST" | "CLARIFICATION_ANSWER";
    text: string;
    status: "CLARIFICATION_REQUESTED" | "OPEN";
    action: "representation.clarification_requested" | "representation.clarification_answered";
    /** What the audit event records besides the new status. */
    after: Record<string, unknown>;
  },
): Promise<void> {
  const message = await tx.representationMessage.create({
    data: { representationId: representation.id, kind: turn.kind, text: turn.text, authorId: actor.id, createdAt: now },
    select: { id: true },
  });
  await tx.representation.update({ where: { id: representation.id }, data: { status: turn.status } });
  await audit(tx, actor, {
    action: turn.action,
    entityType: "Representation",
    entityId: representation.id,
    tenderId: representation.tender.id,
    establishmentId: representation.tender.establishmentId,
    before: { status: representation.status },
    // The message's fingerprint binds its stored text to the chain (audit:verify checks it).
    after: { status: turn.status, ...turn.after, messageId: message.id, textSha256: textFingerprint(turn.text) },
  });
}
