import "server-only";
import { standstillHasEnded } from "@/domain/working-days";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { can, tenderRelationsSelect } from "../policy";
import { representationsHold } from "./award-guard";
import { isId } from "../ids";

// Reads for representations. A provider reads only its own organisation's;
// the commissioners running the tender and the establishment's governor read
// all of an award's; nobody else learns that any exist (other bidders
// included). Young commissioners get plain words only (panelReview).

const representationSelect = {
  id: true,
  status: true,
  text: true,
  submittedAt: true,
  organisation: { select: { name: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true, sizeBytes: true } },
  messages: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, text: true, createdAt: true } },
} as const;

const reviewSelect = { id: true, outcome: true, reasons: true, decidedAt: true, confirmNotBefore: true } as const;

/** The provider's side of its outcome letter: may it still make a representation, and the one it made. */
export async function getMyRepresentation(actor: Actor, awardDecisionId: string, now: Date) {
  const notFound = new NotFound("We could not find that letter.");
  const organisationId = actor.organisationId;
  if (!can(actor, "representation.make") || !organisationId || !isId(awardDecisionId)) throw notFound;
  const decision = await db.awardDecision.findFirst({
    where: { id: awardDecisionId, status: { in: ["APPROVED", "REOPENED"] } },
    select: {
      id: true,
      status: true,
      standstillEndsAt: true,
      tender: { select: { status: true } },
      recommendedBid: { select: { organisationId: true } },
    },
  });
  if (!decision?.standstillEndsAt) throw notFound;
  // The winner is not invited to make representations (makeRepresentation refuses it too).
  const successful = decision.recommendedBid.organisationId === organisationId;
  const representation = await db.representation.findUnique({
    where: { awardDecisionId_organisationId: { awardDecisionId, organisationId } },
    select: { ...representationSelect, review: { select: reviewSelect } },
  });
  const windowOpen =
    decision.status === "APPROVED" && decision.tender.status === "STANDSTILL" && !standstillHasEnded(decision.standstillEndsAt, now);
  return {
    canSubmit: windowOpen && !representation && !successful,
    successful,
    windowOpen,
    closesAt: decision.standstillEndsAt,
    representation,
  };
}

/**
 * An award's representations and further decisions, for the commissioners
 * running the tender and the governor of its establishment (read only).
 * Anyone else gets nothing.
 */
export async function listRepresentations(actor: Actor, awardDecisionId: string) {
  if (!isId(awardDecisionId)) return null;
  const decision = await db.awardDecision.findUnique({
    where: { id: awardDecisionId },
    select: { id: true, tender: { select: { establishmentId: true, ...tenderRelationsSelect } } },
  });
  if (!decision) return null;
  if (!can(actor, "representation.read", decision.tender)) return null;
  const [representations, reviews] = await Promise.all([
    db.representation.findMany({
      where: { awardDecisionId },
      orderBy: { submittedAt: "asc" },
      select: { ...representationSelect, reviewId: true },
    }),
    db.representationReview.findMany({
      where: { awardDecisionId },
      orderBy: { decidedAt: "asc" },
      select: { ...reviewSelect, decidedBy: { select: { name: true } } },
    }),
  ]);
  return { representations, reviews, open: representations.filter((r) => r.status !== "DECIDED").length };
}

/** A file sent with a representation, for the same readers as the representation itself. */
export async function downloadRepresentationAttachment(actor: Actor, attachmentId: string) {
  const notFound = new NotFound("We could not find that file.");
  if (!isId(attachmentId)) throw notFound;
  const file = await db.representationAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      filename: true,
      contentType: true,
      sizeBytes: true,
      data: true,
      representation: { select: { organisationId: true, tender: { select: { establishmentId: true, ...tenderRelationsSelect } } } },
    },
  });
  if (!file) throw notFound;
  const { representation } = file;
  if (!can(actor, "representation.readOwn", representation) && !can(actor, "representation.read", representation.tender)) throw notFound;
  return { filename: file.filename, contentType: file.contentType, sizeBytes: file.sizeBytes, data: file.data };
}

/**
 * "You said, we did": whether the award was reviewed after a bidder's
 * representation, in plain words. Never the provider's text or name.
 */
export async function panelReview(tenderId: string): Promise<string[]> {
  const [open, reviews] = await Promise.all([
    db.representation.count({ where: { tenderId, status: { not: "DECIDED" } } }),
    db.representationReview.findMany({ where: { tenderId }, orderBy: { decidedAt: "asc" }, select: { outcome: true } }),
  ]);
  const lines: string[] = reviews.map((r) =>
    r.outcome === "CONTINUE"
      ? "A bidder asked us to look at the decision again. We checked it carefully. The decision stays the same."
      : r.outcome === "BACK_TO_MODERATION"
        ? "A bidder asked us to look at the decision again. We decided the panel should look at the scores again."
        : "A bidder asked us to look at the decision again. After checking, we decided to stop this tender.",
  );
  if (open > 0)
    lines.push("A bidder has asked us to look at the decision again. We are checking it now. The contract waits until we have finished.");
  return lines;
}

/** Why the award page cannot offer "Confirm the award" yet because of representations, or null. */
export function confirmHeldBy(awardDecisionId: string, now: Date): Promise<string | null> {
  return representationsHold(db, awardDecisionId, now);
}
