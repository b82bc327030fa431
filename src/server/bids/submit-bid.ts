import "server-only";
import { providerUsersWhere } from "../policy";
import { formatLondon } from "@/domain/london-time";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { env } from "../env";
import { enqueueEmail } from "../notifications/outbox";
import { contentHash } from "../content-hash";
import { loadTenderForBidChange } from "./bid-rules";
import type { BidVersionContent } from "./bid-version-content";
import { checkBidContent, parseBidInput, writeBidContent, type BidInput } from "./save-bid";

export interface BidReceipt {
  bidId: string;
  version: number;
  submittedAt: Date;
  contentHash: string;
}

/**
 * Saves and submits the bid in one step. Resubmitting replaces the submitted
 * version (the panel sees only the newest) and keeps every earlier one.
 * A receipt with the time and a SHA-256 of the content is emailed.
 */
export async function submitBid(actor: Actor, tenderId: string, input: BidInput, now = clockNow()): Promise<BidReceipt> {
  input = parseBidInput(input);
  return db.$transaction(async (tx) => {
    const loaded = await loadTenderForBidChange(tx, actor, tenderId, now);
    const content = checkBidContent(loaded, input, true);
    const bid = await writeBidContent(tx, actor, loaded, input, content);
    const attachments = await tx.bidAttachment.findMany({
      where: { bidId: bid.id, removedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, filename: true, sha256: true, criterionId: true },
    });
    const snapshot: BidVersionContent = {
      tenderId,
      organisationId: loaded.organisationId,
      responses: content.responses,
      pricePence: content.pricePence === null ? null : content.pricePence.toString(),
      attachments,
    };
    const hash = contentHash(snapshot);
    const versionNumber = (await tx.bidVersion.count({ where: { bidId: bid.id } })) + 1;
    await tx.bidVersion.create({
      data: { bidId: bid.id, version: versionNumber, content: snapshot, contentHash: hash, submittedById: actor.id, submittedAt: now },
    });
    const updated = await tx.bid.update({
      where: { id: bid.id },
      data: { status: "SUBMITTED", submittedAt: now, withdrawnAt: null, contentHash: hash },
    });
    await audit(tx, actor, {
      action: versionNumber === 1 ? "bid.submitted" : "bid.resubmitted",
      entityType: "Bid",
      entityId: bid.id,
      tenderId,
      after: { submittedVersion: versionNumber, contentHash: hash, submittedAt: now },
    });
    const colleagues = await tx.user.findMany({
      where: providerUsersWhere([loaded.organisationId]),
      select: { email: true },
    });
    // The receipt says only that a bid was received, with its hash and a
    // link: no price, answers, file names or names of people, because the
    // stored email is readable by admins (who still cannot see whom it went to).
    const link = `${env().NEXTAUTH_URL.replace(/\/$/, "")}/opportunities/${tenderId}/bid`;
    for (const { email } of colleagues) {
      await enqueueEmail(tx, {
        to: email,
        template: "bid-receipt",
        subject: `Bid received: ${loaded.tender.reference}`,
        sealedTenderId: tenderId,
        text:
          `Your organisation's bid for "${loaded.tender.title}" (${loaded.tender.reference}) was received ` +
          `at ${formatLondon(now, "dateTime")} (UK time), version ${versionNumber}.\n\n` +
          `Receipt hash (SHA-256 of the content): ${hash}\n\n` +
          `Read your bid: ${link}\n\n` +
          `You can change or withdraw the bid until ${formatLondon(loaded.tender.submissionDeadline!, "dateTime")}. ` +
          `It stays sealed until then: nobody outside your organisation can read it.`,
      });
    }
    return { bidId: bid.id, version: updated.version, submittedAt: now, contentHash: hash };
  });
}
