import "server-only";
import type { AuditInput } from "../audit";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Invalid } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { loadManagedTender } from "./load-managed-tender";
import { publishOcdsRelease } from "../ocds/publish-release";
import { moveTender } from "./move-tender";
import { fieldErrorsOf } from "../validation";

export const cancelTenderSchema = z.object({
  reason: z
    .string("Enter the reason for cancelling")
    .trim()
    .min(1, "Enter the reason for cancelling")
    .min(10, "Reason must be at least 10 characters")
    .max(2000, "Reason must be 2,000 characters or fewer"),
});

export type CancelTenderInput = z.input<typeof cancelTenderSchema>;

/**
 * Cancels a tender from any state before AWARDED, with a reason; every provider with a bid is told.
 * Given `outerTx`, it runs inside the caller's transaction (abandoning after representations).
 */
export async function cancelTender(
  actor: Actor,
  tenderId: string,
  input: CancelTenderInput,
  now = clockNow(),
  outerTx?: Tx,
): Promise<void> {
  const parsed = cancelTenderSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { reason } = parsed.data;
  const run = async (tx: Tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    const move = { tenderId, action: "cancel" as const, now, set: { cancelledAt: now, cancelReason: reason } };
    await moveTender(tx, actor, move, async ({ from, to }) => {
      // A sign-off the governor was asked for is overtaken by the cancellation.
      const pending = await tx.awardDecision.findMany({ where: { tenderId, status: "PENDING_SIGNOFF" }, select: { id: true } });
      await clearNotices(
        tx,
        pending.map((d) => `/establishment/sign-offs/${d.id}`),
        now,
      );
      // A tender that was never published has nothing public to cancel.
      await publishOcdsRelease(tx, tenderId, "tenderCancellation", now);
      // Everyone in an organisation that has a bid (draft, submitted or withdrawn) hears about it.
      const bidders = await providerUsers(tx, { bids: { some: { tenderId } } });
      await notifyUsers(
        tx,
        bidders,
        "tenderCancelled",
        { tender, reason },
        // Who bid stays sealed: the recipients are the bidders.
        { sealedTenderId: tender.bidsOpenedAt ? undefined : tenderId },
      );
      const audit = {
        action: "tender.cancelled",
        entityType: "Tender",
        entityId: tenderId,
        tenderId,
        establishmentId: tender.establishmentId,
        before: { status: from },
        after: { status: to, reason, providersNotified: bidders.length },
      } satisfies AuditInput;
      return { audit, result: undefined };
    });
  };
  await (outerTx ? run(outerTx) : db.$transaction(run));
}
