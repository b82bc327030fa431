import "server-only";
import { lockRow } from "../locks";
import { can } from "../policy";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";

/**
 * Loads and locks an agreement for a change. Commissioners may act on any;
 * a governor only on their own establishments' (others get "not found").
 */
export async function loadAgreementForChange(tx: Tx, actor: Actor, agreementId: string) {
  const notFound = new NotFound("We could not find that agreement.");
  if (!isId(agreementId)) throw notFound;
  await lockRow(tx, "CoCommissioningAgreement", agreementId);
  const agreement = await tx.coCommissioningAgreement.findUnique({
    where: { id: agreementId },
    include: {
      establishment: { select: { id: true, name: true } },
      versions: { orderBy: { version: "desc" }, take: 1, include: { contracts: { select: { contractId: true } }, signOffs: true } },
    },
  });
  if (!agreement) throw notFound;
  if (!can(actor, "agreement.read", agreement)) throw notFound;
  return { ...agreement, latest: agreement.versions[0]! };
}
