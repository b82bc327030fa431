import "server-only";
import type { AuditInput } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { loadManagedTender } from "./load-managed-tender";
import { moveTender } from "./move-tender";

/** After the deadline, the commissioner opens the sealed bids; evaluation starts. */
export async function openBids(actor: Actor, tenderId: string, now = clockNow()): Promise<{ submittedBids: number }> {
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    const move = {
      tenderId,
      action: "openBids" as const,
      now,
      set: { bidsOpenedAt: now },
      refused: ({ from }: { from: string }) =>
        from === "PUBLISHED"
          ? "Bids stay sealed until the submission deadline has passed."
          : tender.bidsOpenedAt
            ? // Said to a commissioner whose "Open bids" came a moment after another's (the action shows the result).
              new Conflict("The bids have already been opened.", "BIDS_ALREADY_OPENED")
            : undefined,
    };
    return moveTender(tx, actor, move, async ({ from, to }) => {
      const submittedBids = await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } });
      const audit = {
        action: "tender.bids_opened",
        entityType: "Tender",
        entityId: tenderId,
        tenderId,
        establishmentId: tender.establishmentId,
        before: { status: from },
        after: { status: to, bidsOpenedAt: now, submittedBids },
      } satisfies AuditInput;
      return { audit, result: { submittedBids } };
    });
  });
}
