import "server-only";
import { approvedBy, commitmentState } from "@/domain/contract-checks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict } from "../errors";
import { clearNotices, notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { authorize, can } from "../policy";
import { parseSignOff, type SignOffInput } from "../signatures";
import { commitmentsHref, loadContractForChange } from "./load-contract";

/**
 * The commissioner and the provider each sign the latest version of the
 * commitments, bound to the content hash on their screen: an older version or
 * changed content is refused. Once both have signed, the version is in force.
 */
export async function signCommitments(
  actor: Actor,
  contractId: string,
  input: SignOffInput & { version: number },
  now = clockNow(),
): Promise<{ inForce: boolean }> {
  return db.$transaction(async (tx) => {
    const contract = await loadContractForChange(tx, actor, contractId);
    authorize(actor, "commitments.sign", contract);
    const choice = parseSignOff(actor, input, ["APPROVED"]);
    const latest = await tx.commitmentVersion.findFirst({
      where: { contractId },
      orderBy: { version: "desc" },
      include: { signOffs: true },
    });
    if (!latest) throw new Conflict("There are no commitments to sign yet.");
    if (input.version !== latest.version || input.contentHash !== latest.contentHash) {
      throw new Conflict("There is a newer version of these commitments. Read the latest version before you sign.");
    }
    const role = can(actor, "contract.readOwn", contract) ? "PROVIDER" : "COMMISSIONER";
    if (approvedBy(latest, role)) {
      throw new Conflict(`This version has already been signed for the ${role === "PROVIDER" ? "provider" : "commissioner"}.`);
    }
    const signOff = await tx.signOff.create({
      data: {
        commitmentVersionId: latest.id,
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
    const after = commitmentState({ ...latest, signOffs: [...latest.signOffs, signOff] });
    const href = commitmentsHref(contractId);
    if (after === "IN_FORCE" || role === "PROVIDER") await clearNotices(tx, [href], now);
    if (role === "COMMISSIONER" && after !== "IN_FORCE") {
      await notifyUsers(tx, await providerUsers(tx, [contract.organisationId]), "commitmentsToSign", {
        contract,
        version: latest.version,
        href,
        commissionerSigned: true,
      });
    }
    if (role === "PROVIDER") {
      const author = await tx.user.findUniqueOrThrow({ where: { id: latest.createdById }, select: { id: true, email: true, name: true } });
      await notifyUsers(tx, [author], "commitmentsProviderSigned", {
        contract,
        version: latest.version,
        href,
        inForce: after === "IN_FORCE",
      });
    }
    await audit(tx, actor, {
      action: role === "PROVIDER" ? "commitments.provider_signed" : "commitments.commissioner_signed",
      entityType: "SignOff",
      entityId: signOff.id,
      establishmentId: contract.establishmentId,
      after: { contractId, version: latest.version, contentHash: latest.contentHash, inForce: after === "IN_FORCE" },
    });
    return { inForce: after === "IN_FORCE" };
  });
}
