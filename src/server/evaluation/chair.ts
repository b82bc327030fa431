import "server-only";
import { lockRow } from "../locks";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Forbidden, NotFound } from "../errors";
import { isId } from "../ids";

/** The commissioner who starts a tender chairs its panel. */
export function chairSeat(actor: Actor, now: Date) {
  return {
    userId: actor.id,
    role: "COMMISSIONER" as const,
    status: "ACCEPTED" as const,
    isChair: true,
    invitedById: actor.id,
    invitedAt: now,
    respondedAt: now,
  };
}

/** The chair's seat (a commissioner on the panel marked chair) for moderation actions; locks the tender. */
export async function loadAsChair(tx: Tx, actor: Actor, tenderId: string) {
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  await lockRow(tx, "Tender", tenderId);
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: { id: true, status: true, establishmentId: true, title: true },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  const chair = await tx.panelMember.findFirst({
    where: { tenderId, userId: actor.id, isChair: true, status: "ACCEPTED", role: "COMMISSIONER" },
  });
  if (!chair) throw new Forbidden("Only the chair of the panel can do that.");
  return tender;
}
