import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { canManageTender } from "../access";
import type { Actor } from "../auth/actor";

// Which tenders a commissioner runs, for paid time: the same rule as
// canManageTender (and loadManagedTender), once as a check and once as a
// query `where`, so lists and exports never return another team's claims.

export const managingPanelSelect = { createdById: true, panelMembers: { select: { userId: true, role: true, status: true } } } as const;

export function managesTender(
  actor: Actor,
  tender: { createdById: string; panelMembers: { userId: string; role: string; status: string }[] },
): boolean {
  const commissionerIds = tender.panelMembers.filter((p) => p.role === "COMMISSIONER" && p.status !== "STEPPED_BACK").map((p) => p.userId);
  return canManageTender(actor, { createdById: tender.createdById, commissionerIds });
}

export function managedTendersWhere(actor: Actor): Prisma.TenderWhereInput {
  if (actor.role !== "COMMISSIONER") return { id: { in: [] } };
  return {
    OR: [
      { createdById: actor.id },
      { panelMembers: { some: { userId: actor.id, role: "COMMISSIONER", status: { not: "STEPPED_BACK" } } } },
    ],
  };
}
