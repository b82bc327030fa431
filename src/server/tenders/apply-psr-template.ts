import "server-only";
import { PSR_KEY_CRITERIA } from "@/domain/psr-criteria";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { assertDraft, loadManagedTender } from "./load-managed-tender";

/** Starts an empty criteria list from the five PSR key criteria. */
export async function applyPsrTemplate(actor: Actor, tenderId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    if ((await tx.criterion.count({ where: { tenderId } })) > 0) {
      throw new Conflict("The template can only start an empty list. Remove the existing criteria first, or edit them.");
    }
    await tx.criterion.createMany({ data: PSR_KEY_CRITERIA.map((c, i) => ({ ...c, tenderId, position: i + 1 })) });
    await tx.tender.update({ where: { id: tenderId }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "criteria.template_applied",
      entityType: "Tender",
      entityId: tenderId,
      tenderId,
      establishmentId: tender.establishmentId,
      after: { template: "PSR key criteria", criteria: PSR_KEY_CRITERIA.map((c) => c.name) },
    });
  });
}
