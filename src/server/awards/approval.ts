import "server-only";
import { contentHash } from "../content-hash";
import type { Tx } from "../db";

/**
 * Is there a governor's approval that still stands for this award decision?
 * It must be by a governor of the tender's establishment (at the moment of
 * the check, too), not voided, and bound to the hash of the summary as it is
 * stored now: if anything in the recommendation changed after the governor
 * signed, the approval no longer counts.
 */
export async function standingGovernorApproval(tx: Tx, awardDecisionId: string) {
  const decision = await tx.awardDecision.findUniqueOrThrow({
    where: { id: awardDecisionId },
    include: {
      tender: { select: { establishmentId: true } },
      signOffs: {
        where: { signerRole: "GOVERNOR", decision: "APPROVED", voidedAt: null },
        include: { signer: { select: { role: true, name: true, establishments: { select: { establishmentId: true } } } } },
        orderBy: { signedAt: "desc" },
      },
    },
  });
  if (decision.status !== "APPROVED") return null;
  const currentHash = contentHash(decision.summary);
  if (currentHash !== decision.contentHash) return null;
  return (
    decision.signOffs.find(
      (s) =>
        s.contentHash === currentHash &&
        s.signer.role === "GOVERNOR" &&
        s.signer.establishments.some((e) => e.establishmentId === decision.tender.establishmentId),
    ) ?? null
  );
}
