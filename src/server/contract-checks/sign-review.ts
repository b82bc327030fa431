import "server-only";
import type { AuditAction } from "../audit-trail/labels";
import type { SignOffChoice } from "../signatures";

/** The audit action of each side's decision on a review. */
const REVIEW_SIGNED = {
  COMMISSIONER: {
    APPROVED: "contract_review.commissioner_approved",
    CHANGES_REQUESTED: "contract_review.commissioner_approved",
    REJECTED: "contract_review.commissioner_approved",
  },
  GOVERNOR: {
    APPROVED: "contract_review.governor_approved",
    CHANGES_REQUESTED: "contract_review.governor_changes_requested",
    REJECTED: "contract_review.governor_changes_requested",
  },
} as const satisfies Record<"COMMISSIONER" | "GOVERNOR", Record<SignOffChoice, AuditAction>>;
import { approvedBy, reviewState, standingSignOffs } from "@/domain/contract-checks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { governorsOf, providerUsers } from "../notifications/recipients";
import { authorize, can } from "../policy";
import { publishOcdsRelease } from "../ocds/publish-release";
import { parseSignOff, type SignOffInput } from "../signatures";
import { loadContractForChange, periodHref } from "./load-contract";

/**
 * The commissioner signs the review, then the establishment's governor
 * co-signs it (or asks for changes), each bound to the content hash of the
 * review on their screen: a review changed since is refused. A review of an
 * older return version cannot be signed. Once both have signed, the provider
 * is told and can read it and answer its actions.
 */
export async function signReview(
  actor: Actor,
  contractId: string,
  periodNumber: number,
  input: SignOffInput,
  now = clockNow(),
): Promise<{ signed: boolean }> {
  return db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    const asGovernor = can(actor, "review.cosign", contract);
    if (!asGovernor) authorize(actor, "review.write");
    const choice = parseSignOff(actor, input, asGovernor ? ["APPROVED", "CHANGES_REQUESTED"] : ["APPROVED"]);
    const period = await tx.contractPeriod.findUnique({
      where: { contractId_number: { contractId, number: Number.isSafeInteger(periodNumber) ? periodNumber : -1 } },
      include: { returns: { orderBy: { version: "desc" }, take: 1 }, review: { include: { signOffs: true } } },
    });
    if (!period) throw new NotFound("We could not find that reporting period.");
    const review = period.review;
    if (!review) throw new Conflict("There is no review of this period to sign yet.");
    if (input.contentHash !== review.contentHash) {
      throw new Conflict("This review has changed since you opened it. Read it again before you sign.");
    }
    if (period.returns[0]?.id !== review.returnId) {
      throw new Conflict("The provider has sent a newer return. The review needs updating before it can be signed.");
    }
    const state = reviewState(review);
    if (state === "SIGNED") throw new Conflict("This review has already been signed by the commissioner and the governor.");
    const role = asGovernor ? "GOVERNOR" : "COMMISSIONER";
    if (role === "COMMISSIONER" && approvedBy(review, "COMMISSIONER")) throw new Conflict("You have already signed this review.");
    if (role === "GOVERNOR") {
      if (!approvedBy(review, "COMMISSIONER")) throw new Conflict("The commissioner signs the review first; then you co-sign it.");
      if (standingSignOffs(review, "GOVERNOR").length > 0) {
        throw new Conflict("You have already given your decision on this review. The commissioner needs to change it first.");
      }
    }
    const signOff = await tx.signOff.create({
      data: {
        contractReviewId: review.id,
        signerId: actor.id,
        signerRole: role,
        decision: choice.decision,
        typedName: choice.typedName,
        signerName: choice.signerName,
        comment: choice.comment,
        contentHash: review.contentHash,
        signedAt: now,
      },
    });
    const signed = role === "GOVERNOR" && choice.decision === "APPROVED";
    const href = periodHref(contractId, period.number);
    await clearNotices(tx, [href], now);
    if (role === "COMMISSIONER") {
      await notifyUsers(tx, await governorsOf(tx, contract.establishmentId), "contractReviewCosign", {
        contract,
        period: period.number,
        href,
      });
    } else {
      const author = await tx.user.findUniqueOrThrow({ where: { id: review.updatedById }, select: { id: true, email: true, name: true } });
      await notifyUsers(tx, [author], "contractReviewGovernorDecision", {
        contract,
        period: period.number,
        href,
        signed,
        comment: choice.comment,
      });
      if (signed) {
        await notifyUsers(tx, await providerUsers(tx, [contract.organisationId]), "contractReviewSigned", {
          contract,
          period: period.number,
          href,
        });
      }
    }
    // A signed review is public progress: the contract's implementation in the open data (titles and dates only).
    if (signed) await publishOcdsRelease(tx, contract.tenderId, "implementation", now);
    await audit(tx, actor, {
      action: REVIEW_SIGNED[role][choice.decision],
      entityType: "SignOff",
      entityId: signOff.id,
      establishmentId: contract.establishmentId,
      after: { contractId, period: period.number, reviewId: review.id, contentHash: review.contentHash, decision: choice.decision },
    });
    return { signed };
  });
}
