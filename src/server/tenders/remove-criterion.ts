import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { NotFound } from "../errors";
import { assertDraft, loadManagedTender } from "./load-managed-tender";
import { isId } from "../ids";

export async function removeCriterion(actor: Actor, tenderId: string, criterionId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    const criterion = isId(criterionId) ? await tx.criterion.findFirst({ where: { id: criterionId, tenderId } }) : null;
    if (!criterion) throw new NotFound("That criterion is no longer on this tender.");
    await tx.criterion.delete({ where: { id: criterion.id } });
    await tx.tender.update({ where: { id: tenderId }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "criterion.removed",
      entityType: "Criterion",
      entityId: criterion.id,
      tenderId,
      establishmentId: tender.establishmentId,
      before: criterion,
    });
  });
}
