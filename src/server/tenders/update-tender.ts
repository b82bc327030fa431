import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { assertDraft, assertVersion, loadManagedTender } from "./load-managed-tender";
import { parseTenderDetails, type TenderDetailsInput } from "./tender-details";

/** Edits a DRAFT tender's details. `version` is the one the form showed. */
export async function updateTender(
  actor: Actor,
  tenderId: string,
  input: TenderDetailsInput & { version?: number },
  now = clockNow(),
): Promise<void> {
  const details = parseTenderDetails(input);
  try {
    await db.$transaction(async (tx) => {
      const tender = await loadManagedTender(tx, actor, tenderId, now);
      assertDraft(tender);
      assertVersion(tender, input.version);
      if (!(await tx.establishment.findUnique({ where: { id: details.establishmentId }, select: { id: true } }))) {
        throw new Invalid({ establishmentId: "Select an establishment from the list" });
      }
      await tx.tender.update({ where: { id: tender.id }, data: { ...details, version: { increment: 1 } } });
      const before = Object.fromEntries(Object.keys(details).map((k) => [k, tender[k as keyof typeof details]]));
      await audit(tx, actor, {
        action: "tender.updated",
        entityType: "Tender",
        entityId: tender.id,
        tenderId: tender.id,
        establishmentId: details.establishmentId,
        before,
        after: details,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ reference: "A tender with this reference already exists" });
    throw error;
  }
}
