import "server-only";
import { can, evaluatesTenderWhere } from "../policy";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { consentedTechnician } from "../consent-gate";
import { isId } from "../ids";
import { parseBidVersionContent, type BidVersionContent } from "./bid-version-content";

// Every read of a bid. Sealing (PRODUCT.md): before the submission deadline
// nobody but the bidding organisation can read any part of a bid. That rule
// lives in these `where` clauses; a page cannot leak what they never return.
// Anyone not allowed gets NotFound, so not even a bid's existence is revealed.

/** Bids that have been unsealed: the deadline has passed and the commissioner has opened them. */
function unsealed(now: Date): Prisma.TenderWhereInput {
  return { submissionDeadline: { lt: now }, bidsOpenedAt: { not: null, lte: now }, status: { notIn: ["DRAFT", "PUBLISHED", "CANCELLED"] } };
}

/**
 * Who may evaluate a tender's unsealed bids: its accepted panel members
 * (young commissioners only while they consent) who have declared no
 * conflict of interest: a conflict excludes them from the whole tender.
 */
function evaluatorOf(actor: Actor): Prisma.TenderWhereInput {
  return evaluatesTenderWhere(actor, consentedTechnician());
}

/** The organisation's own bid: the working copy, its files and every submitted version. */
export async function getMyBid(actor: Actor, tenderId: string) {
  if (!can(actor, "bid.write") || !actor.organisationId || !isId(tenderId)) return null;
  const bid = await db.bid.findUnique({
    where: { tenderId_organisationId: { tenderId, organisationId: actor.organisationId } },
    include: {
      responses: true,
      attachments: {
        where: { removedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, filename: true, sizeBytes: true, sha256: true, criterionId: true, createdAt: true },
      },
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, submittedAt: true, contentHash: true, submittedBy: { select: { name: true } } },
      },
    },
  });
  if (!bid) return null;
  const latest = await db.bidVersion.findFirst({ where: { bidId: bid.id }, orderBy: { version: "desc" }, select: { content: true } });
  const submitted = latest ? parseBidVersionContent(latest.content) : undefined;
  return { ...bid, unsentChanges: Boolean(submitted) && bid.status !== "WITHDRAWN" && !sameAsSubmitted(bid, submitted!) };
}

/** The working copy still says exactly what was last submitted: every answer, the price and the files. */
function sameAsSubmitted(
  bid: { responses: { criterionId: string; text: string }[]; pricePence: bigint | null; attachments: { id: string }[] },
  submitted: BidVersionContent,
): boolean {
  const text = new Map(bid.responses.map((r) => [r.criterionId, r.text]));
  const files = (ids: string[]) => [...ids].sort().join(",");
  return (
    submitted.responses.every((r) => (text.get(r.criterionId) ?? "") === r.text) &&
    bid.responses.every((r) => r.text === "" || submitted.responses.some((x) => x.criterionId === r.criterionId)) &&
    (bid.pricePence?.toString() ?? null) === (submitted.pricePence ?? null) &&
    files(bid.attachments.map((a) => a.id)) === files(submitted.attachments.map((a) => a.id))
  );
}

/**
 * The submitted bids of a tender for its panel, each as its newest submitted
 * version. Empty before the deadline has passed and the bids are opened.
 */
export async function listBidsForEvaluation(actor: Actor, tenderId: string, now: Date) {
  if (!isId(tenderId)) return [];
  const bids = await db.bid.findMany({
    where: { tenderId, status: "SUBMITTED", tender: { AND: [unsealed(now), evaluatorOf(actor)] } },
    select: {
      id: true,
      organisation: { select: { id: true, name: true } },
      submittedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, content: true, contentHash: true, submittedAt: true } },
    },
    orderBy: { organisation: { name: "asc" } },
  });
  return bids.flatMap((b) => {
    const latest = b.versions[0];
    if (!latest) return [];
    return [
      {
        id: b.id,
        organisation: b.organisation,
        version: latest.version,
        contentHash: latest.contentHash,
        submittedAt: latest.submittedAt,
        content: parseBidVersionContent(latest.content),
      },
    ];
  });
}

/**
 * An attachment's bytes: for the bidding organisation at any time; for the
 * panel only once unsealed, and only files in the newest submitted version.
 */
export async function downloadAttachment(actor: Actor, attachmentId: string, now: Date) {
  if (!isId(attachmentId)) throw new NotFound();
  const attachment = await db.bidAttachment.findFirst({
    where: {
      id: attachmentId,
      OR: [
        ...(can(actor, "bid.write") && actor.organisationId ? [{ bid: { organisationId: actor.organisationId } }] : []),
        { bid: { status: "SUBMITTED", tender: { AND: [unsealed(now), evaluatorOf(actor)] } } },
      ],
    },
    select: {
      id: true,
      filename: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      bid: {
        select: { organisationId: true, tenderId: true, versions: { orderBy: { version: "desc" }, take: 1, select: { content: true } } },
      },
      content: { select: { data: true } },
    },
  });
  if (!attachment?.content) throw new NotFound();
  const ownOrganisation = can(actor, "bid.readOwn", attachment.bid);
  if (!ownOrganisation) {
    const stored = attachment.bid.versions[0]?.content;
    const latest = stored === undefined ? undefined : parseBidVersionContent(stored);
    if (!latest?.attachments.some((a) => a.id === attachment.id)) throw new NotFound();
    // Like the scoring sheet: a member sees a bidder's files only once they have declared no conflict with that bidder.
    const declared = await db.conflictDeclaration.count({
      where: {
        organisationId: attachment.bid.organisationId,
        hasConflict: false,
        panelMember: { tenderId: attachment.bid.tenderId, userId: actor.id },
      },
    });
    if (declared === 0) throw new NotFound();
  }
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    data: attachment.content.data,
  };
}
