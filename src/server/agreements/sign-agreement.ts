import "server-only";
import { signingRefusal, SIGNING_CHOICES } from "@/domain/agreement-status";
import { agreementSideOf, type AgreementSide } from "../policy";
import type { AuditAction } from "../audit-trail/labels";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Forbidden } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { governorsOf } from "../notifications/recipients";
import { parseSignOff, type SignOffChoice, type SignOffInput } from "../signatures";
import { loadAgreementForChange } from "./load-agreement";

/** The audit action of each side's decision (a commissioner only approves). */
const SIGNED = {
  COMMISSIONER: {
    APPROVED: "agreement.commissioner_approved",
    CHANGES_REQUESTED: "agreement.commissioner_approved",
    REJECTED: "agreement.commissioner_approved",
  },
  GOVERNOR: {
    APPROVED: "agreement.governor_approved",
    CHANGES_REQUESTED: "agreement.governor_changes_requested",
    REJECTED: "agreement.governor_rejected",
  },
} as const satisfies Record<AgreementSide, Record<SignOffChoice, AuditAction>>;

/**
 * The commissioner signs the latest version (which asks the governor to
 * sign); the governor approves, asks for changes or rejects it. Each decision
 * binds to the hash of the version on the signer's screen: an older version
 * or changed content is refused.
 */
export async function signAgreement(
  actor: Actor,
  agreementId: string,
  input: SignOffInput & { version: number },
  now = clockNow(),
): Promise<{ decision: string }> {
  return db.$transaction(async (tx) => {
    const agreement = await loadAgreementForChange(tx, actor, agreementId);
    // The policy says which side the actor signs for (policy.ts agreementSideOf, `agreement.sign`).
    const role = agreementSideOf(actor, agreement);
    if (!role) throw new Forbidden();
    const choice = parseSignOff(actor, input, SIGNING_CHOICES[role]);
    const latest = agreement.latest;
    if (input.version !== latest.version || input.contentHash !== latest.contentHash) {
      throw new Conflict("There is a newer version of this agreement. Read the latest version before you sign.");
    }
    const refusal = signingRefusal(role, latest.signOffs);
    if (refusal) throw new Conflict(refusal);
    const signOff = await tx.signOff.create({
      data: {
        agreementVersionId: latest.id,
        signerId: actor.id,
        signerRole: role,
        decision: choice.decision,
        typedName: choice.typedName,
        signerName: choice.signerName,
        comment: choice.comment,
        contentHash: latest.contentHash,
        signedAt: now,
      },
    });
    // What was asked about this agreement has been answered: earlier notices clear.
    await clearNotices(tx, [`/agreements/${agreementId}`], now);
    await tell(tx, agreement, role, choice.decision, choice.comment);
    await audit(tx, actor, {
      action: SIGNED[role][choice.decision],
      entityType: "SignOff",
      entityId: signOff.id,
      establishmentId: agreement.establishmentId,
      after: { agreementId, version: latest.version, contentHash: latest.contentHash, decision: choice.decision, comment: choice.comment },
    });
    return { decision: choice.decision };
  });
}

async function tell(
  tx: Tx,
  agreement: { id: string; title: string; establishmentId: string; latest: { createdById: string; version: number } },
  role: "COMMISSIONER" | "GOVERNOR",
  decision: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED",
  comment: string | null,
) {
  const version = agreement.latest.version;
  if (role === "COMMISSIONER") {
    await notifyUsers(tx, await governorsOf(tx, agreement.establishmentId), "agreementSignatureRequest", { agreement, version });
    return;
  }
  const author = await tx.user.findUniqueOrThrow({
    where: { id: agreement.latest.createdById },
    select: { id: true, email: true, name: true },
  });
  await notifyUsers(tx, [author], "agreementGovernorDecision", { agreement, version, decision, comment });
}
