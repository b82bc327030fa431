import "server-only";
import { lockRow } from "../locks";
import { effectiveStatus, type TenderStatus } from "@/domain/tender-lifecycle";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict, NotFound } from "../errors";
import { tenderRelationsSelect, authorize } from "../policy";
import { isId } from "../ids";

/**
 * Loads a tender for a change by a commissioner who runs it, locking its row
 * so two changes to one tender happen one after the other. The capability is
 * the one the change asks (`tender.manage`, or `time.approve` to check paid time).
 */
export async function loadManagedTender(
  tx: Tx,
  actor: Actor,
  tenderId: string,
  now: Date,
  capability: "tender.manage" | "time.approve" = "tender.manage",
) {
  authorize(actor, "tender.read");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  await lockRow(tx, "Tender", tenderId);
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    include: { panelMembers: tenderRelationsSelect.panelMembers },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  authorize(actor, capability, tender);
  return { ...tender, effectiveStatus: effectiveStatus(tender.status, tender.submissionDeadline, now) };
}

export function assertDraft(tender: { effectiveStatus: TenderStatus }): void {
  if (tender.effectiveStatus !== "DRAFT") {
    throw new Conflict("This tender has been published, so its details, criteria and panel can no longer be changed.");
  }
}

export function assertVersion(tender: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== tender.version) {
    throw new Conflict("Someone else changed this tender while you were editing. Reload the page to see their changes, then try again.");
  }
}
