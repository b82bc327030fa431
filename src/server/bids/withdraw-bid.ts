import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { loadTenderForBidChange } from "./bid-rules";

/** Withdraws a submitted bid before the deadline. It can be submitted again until then. */
export async function withdrawBid(actor: Actor, tenderId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { bid } = await loadTenderForBidChange(tx, actor, tenderId, now);
    if (!bid || bid.status !== "SUBMITTED") throw new Conflict("There is no submitted bid to withdraw.");
    await tx.bid.update({ where: { id: bid.id }, data: { status: "WITHDRAWN", withdrawnAt: now, version: { increment: 1 } } });
    await audit(tx, actor, {
      action: "bid.withdrawn",
      entityType: "Bid",
      entityId: bid.id,
      tenderId,
      before: { status: "SUBMITTED" },
      after: { status: "WITHDRAWN", withdrawnAt: now },
    });
  });
}
