import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { NotFound } from "../errors";
import { assertDraft, loadManagedTender } from "./load-managed-tender";

/** Moves a criterion one place up or down; positions are renumbered 1..n. */
export async function moveCriterion(
  actor: Actor,
  tenderId: string,
  criterionId: string,
  direction: "up" | "down",
  now = clockNow(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    const criteria = await tx.criterion.findMany({ where: { tenderId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    const index = criteria.findIndex((c) => c.id === criterionId);
    if (index < 0) throw new NotFound("That criterion is no longer on this tender.");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= criteria.length) return;
    const order = [...criteria];
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, c] of order.entries()) {
      if (c.position !== i + 1) await tx.criterion.update({ where: { id: c.id }, data: { position: i + 1 } });
    }
    await tx.tender.update({ where: { id: tenderId }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "criterion.moved",
      entityType: "Criterion",
      entityId: criterionId,
      tenderId,
      establishmentId: tender.establishmentId,
      before: { order: criteria.map((c) => c.id) },
      after: { order: order.map((c) => c.id) },
    });
  });
}
