import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { accountClosersWhere, establishmentGovernorsWhere, providerUsersWhere, tenderRunnersWhere } from "../policy";

// Who gets told: each group of people a use case notifies, asked once, over the
// policy's `where` builders (so "the commissioners running a tender" here is
// exactly who `tender.manage` lets act on it).

export type Recipient = { id: string; email: string; name: string };
const select = { id: true, email: true, name: true } as const;

/** The enabled governors of an establishment: who signs off its awards and agreements. */
export function governorsOf(tx: Tx, establishmentId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: establishmentGovernorsWhere(establishmentId), select });
}

/** The enabled commissioners running a tender: its creator and its accepted commissioner seats (`tender.manage`). */
export function commissionersRunning(tx: Tx, tenderId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: tenderRunnersWhere(tenderId), select });
}

/** The enabled users of some provider organisations (their ids, or a filter such as "has a bid on this tender"). */
export function providerUsers(
  tx: Tx,
  organisations: string[] | Prisma.OrganisationWhereInput,
): Promise<(Recipient & { organisationId: string | null })[]> {
  return tx.user.findMany({ where: providerUsersWhere(organisations), select: { ...select, organisationId: true } });
}

/** The enabled people who may close this young commissioner's account (`account.close`). */
export function accountClosers(tx: Tx, person: { id: string }): Promise<Recipient[]> {
  return tx.user.findMany({ where: accountClosersWhere(person), select });
}
