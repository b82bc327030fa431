import "server-only";
import { assertTransition, LifecycleError } from "@/domain/tender-lifecycle";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { loadManagedTender } from "./load-managed-tender";

/** Said to a commissioner whose "Open bids" came a moment after another's. */
export const BIDS_ALREADY_OPENED = "The bids have already been opened.";

/** After the deadline, the commissioner opens the sealed bids; evaluation starts. */
export async function openBids(actor: Actor, tenderId: string, now = clockNow()): Promise<{ submittedBids: number }> {
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    try {
      assertTransition(tender.effectiveStatus, "openBids");
    } catch (error) {
      if (error instanceof LifecycleError) {
        throw new Conflict(
          tender.effectiveStatus === "PUBLISHED"
            ? "Bids stay sealed until the submission deadline has passed."
            : tender.bidsOpenedAt
              ? BIDS_ALREADY_OPENED
              : error.message,
        );
      }
      throw error;
    }
    const submittedBids = await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } });
    await tx.tender.update({ where: { id: tenderId }, data: { status: "EVALUATION", bidsOpenedAt: now, version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "tender.bids_opened",
      entityType: "Tender",
      entityId: tenderId,
      tenderId,
      establishmentId: tender.establishmentId,
      before: { status: "CLOSED" },
      after: { status: "EVALUATION", bidsOpenedAt: now, submittedBids },
    });
    return { submittedBids };
  });
}
