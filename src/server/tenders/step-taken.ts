import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { isId } from "../ids";

/** The one-time steps on a tender that two people can press at the same moment (e.g. from two instances). */
export type OneTimeStep = "tender.bids_opened" | "moderation.ranking_frozen" | "award.confirmed";

/**
 * Who took a one-time step on a tender and when: told to the person whose same
 * click came a moment later ("frozen by Sam Patel at 11:02am"). Commissioners
 * take these steps, and their names are shown on the same pages anyway.
 */
export async function stepTakenBy(actor: Actor, tenderId: string, step: OneTimeStep): Promise<{ by: string; at: Date } | null> {
  if (!isId(tenderId)) return null;
  const event = await db.auditEvent.findFirst({
    where: { tenderId, action: step },
    orderBy: { id: "desc" },
    select: { at: true, actorId: true, actor: { select: { name: true } } },
  });
  if (!event) return null;
  return { by: event.actorId === actor.id ? "you (in another window)" : (event.actor?.name ?? "someone else"), at: event.at };
}
