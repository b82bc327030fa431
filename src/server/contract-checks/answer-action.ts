import "server-only";
import { reviewState } from "@/domain/contract-checks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { notifyUsers } from "../notifications/notify";
import { authorize } from "../policy";
import { loadContractForChange, periodHref } from "./load-contract";

/** The provider answers an action of a signed review (what it did, or will do). Answers are kept, never edited. */
export async function answerAction(
  actor: Actor,
  contractId: string,
  actionId: string,
  input: { body: string },
  now = clockNow(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    authorize(actor, "action.answer", contract);
    const notFound = new NotFound("We could not find that action.");
    if (!isId(actionId)) throw notFound;
    const action = await tx.contractAction.findUnique({
      where: { id: actionId },
      include: { review: { include: { signOffs: true, period: { select: { contractId: true, number: true } } } } },
    });
    if (!action || action.review.period.contractId !== contractId) throw notFound;
    if (reviewState(action.review) !== "SIGNED") throw notFound; // the provider reads only signed reviews
    const body = input.body.trim();
    if (!body) throw new Invalid({ body: "Write your answer" });
    if (body.length > 5000) throw new Invalid({ body: "Must be 5,000 characters or fewer" });
    const last = await tx.contractActionAnswer.findFirst({ where: { actionId }, orderBy: { answeredAt: "desc" } });
    if (last && last.body === body) throw new Conflict("You have already sent this answer.");
    const answer = await tx.contractActionAnswer.create({ data: { actionId, body, answeredById: actor.id, answeredAt: now } });
    const author = await tx.user.findMany({
      where: { id: action.review.updatedById, disabledAt: null },
      select: { id: true, email: true, name: true },
    });
    await notifyUsers(tx, author, "contractActionAnswered", {
      contract,
      period: action.review.period.number,
      action: action.description,
      href: periodHref(contractId, action.review.period.number),
    });
    await audit(tx, actor, {
      action: "contract_action.answered",
      entityType: "ContractActionAnswer",
      entityId: answer.id,
      establishmentId: contract.establishmentId,
      after: { contractId, period: action.review.period.number, actionId, length: body.length },
    });
  });
}
