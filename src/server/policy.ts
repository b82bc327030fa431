// The one place that answers "may this actor do this to this record?".
// Each capability is a function of the actor and the record's relationships
// (creator, accepted seat, conflict, establishment, organisation, lifecycle
// state). Use cases throw Forbidden with `authorize`, pages ask `can`, and list
// queries filter with the `…Where` builder of the same capability, so a list
// can never show what a check would refuse.
import type { Prisma } from "@/generated/prisma/client";
import type { PanelMemberStatus, PanelRole } from "@/generated/prisma/enums";
import type { Actor } from "./auth/actor";
import { Forbidden } from "./errors";

/** A tender's panel seats, as the policy needs them. */
export interface SeatRelation {
  userId: string;
  role: PanelRole;
  status: PanelMemberStatus;
}

export interface TenderRelations {
  createdById: string;
  panelMembers: SeatRelation[];
}

/** Select this with a tender to ask `tender.manage` about it. */
export const tenderRelationsSelect = { createdById: true, panelMembers: { select: { userId: true, role: true, status: true } } } as const;

/**
 * `tender.manage`: a tender is run by the commissioner who created it and the
 * commissioners holding an ACCEPTED seat on its panel. Invited (not answered),
 * declined and stepped-back commissioners do not run it.
 */
export function runsTender(actor: Actor, tender: TenderRelations): boolean {
  if (actor.role !== "COMMISSIONER") return false;
  if (tender.createdById === actor.id) return true;
  return tender.panelMembers.some((p) => p.userId === actor.id && p.role === "COMMISSIONER" && p.status === "ACCEPTED");
}

/** The same rule as `runsTender`, as a `where` for lists and exports. */
export function tendersRunByWhere(actor: Actor): Prisma.TenderWhereInput {
  if (actor.role !== "COMMISSIONER") return { id: { in: [] } };
  return {
    OR: [{ createdById: actor.id }, { panelMembers: { some: { userId: actor.id, role: "COMMISSIONER", status: "ACCEPTED" } } }],
  };
}

export function assertRunsTender(actor: Actor, tender: TenderRelations): void {
  if (!runsTender(actor, tender)) throw new Forbidden("Only the commissioners running this tender can change it.");
}
