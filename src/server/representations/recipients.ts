import "server-only";
import type { Tx } from "../db";

type Recipient = { id: string; email: string; name: string };
const select = { id: true, email: true, name: true } as const;

/** The commissioners who run a tender (policy.ts `tender.manage`): its creator and accepted commissioner seats. */
export function runningCommissioners(tx: Tx, tenderId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: {
      role: "COMMISSIONER",
      disabledAt: null,
      OR: [
        { tendersCreated: { some: { id: tenderId } } },
        { panelMemberships: { some: { tenderId, role: "COMMISSIONER", status: "ACCEPTED" } } },
      ],
    },
    select,
  });
}

/** The governors of an establishment. */
export function establishmentGovernors(tx: Tx, establishmentId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role: "GOVERNOR", disabledAt: null, establishments: { some: { establishmentId } } }, select });
}

/** The provider users of some organisations. */
export function organisationUsers(tx: Tx, organisationIds: string[]): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role: "PROVIDER", disabledAt: null, organisationId: { in: organisationIds } }, select });
}
