import "server-only";
import { commitmentState } from "@/domain/contract-checks";
import type { Tx } from "../db";

/** The newest version of the contract's commitments that both sides have signed, with its measures; null when none. */
export async function commitmentsInForce(tx: Tx, contractId: string) {
  const versions = await tx.commitmentVersion.findMany({
    where: { contractId },
    orderBy: { version: "desc" },
    include: { signOffs: true, measures: { orderBy: { position: "asc" } } },
  });
  return versions.find((v) => commitmentState(v) === "IN_FORCE") ?? null;
}
