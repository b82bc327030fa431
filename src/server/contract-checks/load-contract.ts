import "server-only";
import { lockRow } from "../locks";
import { utcDateKey } from "@/domain/london-time";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { can } from "../policy";

export const CONTRACT_NOT_FOUND = "We could not find that contract.";

/** May the actor see this contract at all? Commissioners all, a governor their establishments', a provider its own. */
export function readsContract(actor: Actor, contract: { establishmentId: string; organisationId: string }): boolean {
  return can(actor, "contract.read", contract) || can(actor, "contract.readOwn", contract);
}

/**
 * Loads and locks a contract for a change to its checks (commitments, returns,
 * reviews): one change at a time per contract. Anyone who may not read the
 * contract gets "not found", so its existence is not revealed.
 */
export async function loadContractForChange(tx: Tx, actor: Actor, contractId: string) {
  if (!isId(contractId)) throw new NotFound(CONTRACT_NOT_FOUND);
  await lockRow(tx, "Contract", contractId);
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      endDate: true,
      establishmentId: true,
      organisationId: true,
      tenderId: true,
      tender: { select: { shapingStage: { select: { id: true } } } },
    },
  });
  if (!contract || !readsContract(actor, contract)) throw new NotFound(CONTRACT_NOT_FOUND);
  return { ...contract, start: utcDateKey(contract.startDate), end: utcDateKey(contract.endDate) };
}

export type LoadedContract = Awaited<ReturnType<typeof loadContractForChange>>;

export const contractHref = (contractId: string) => `/contracts/${contractId}`;
export const commitmentsHref = (contractId: string) => `/contracts/${contractId}/commitments`;
export const periodHref = (contractId: string, periodNumber: number) => `/contracts/${contractId}/periods/${periodNumber}`;
