import "server-only";
import { authorize } from "../policy";
import { isBeforeDeadline } from "@/domain/tender-lifecycle";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict, Forbidden, NotFound } from "../errors";
import { isId } from "../ids";

export const MAX_RESPONSE_CHARACTERS = 100_000;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/u).length;
}

/**
 * For a change to a bid: the actor must be a provider, the tender published
 * and its deadline not passed (the deadline instant itself is still on time).
 * Saves and submits by two people of one organisation happen one after the other.
 */
export async function loadTenderForBidChange(tx: Tx, actor: Actor, tenderId: string, now: Date) {
  authorize(actor, "bid.write");
  if (!actor.organisationId) throw new Forbidden("Only providers can bid.");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await tx.tender.findFirst({
    where: {
      id: tenderId,
      status: { in: ["PUBLISHED", "CLOSED", "EVALUATION", "MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED", "CANCELLED"] },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  if (tender.status !== "PUBLISHED" || !tender.submissionDeadline || !isBeforeDeadline(tender.submissionDeadline, now)) {
    throw new Conflict(
      tender.status === "CANCELLED"
        ? "This tender has been cancelled, so bids can no longer be changed."
        : "The submission deadline has passed, so bids can no longer be sent, changed or withdrawn.",
    );
  }
  // One organisation's bid on one tender changes one transaction at a time,
  // including its very first save (when there is no row to lock yet).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bid:${tenderId}:${actor.organisationId}`}, 0))`;
  const bid = await tx.bid.findUnique({
    where: { tenderId_organisationId: { tenderId, organisationId: actor.organisationId } },
    include: {
      responses: true,
      attachments: { where: { removedAt: null }, select: { id: true, filename: true, sha256: true, sizeBytes: true, criterionId: true } },
    },
  });
  return { tender, bid, organisationId: actor.organisationId };
}
