import "server-only";
import { lockRow } from "../locks";
import { can } from "../policy";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict, NotFound } from "../errors";
import { isId } from "../ids";

/**
 * The Actor's own time entry, locked for a change. Someone else's entry is
 * "not found", so nobody learns whose entries exist.
 */
export async function loadOwnEntryForChange(tx: Tx, actor: Actor, entryId: string) {
  if (!can(actor, "time.log") || !isId(entryId)) throw new NotFound("We could not find that time.");
  await lockRow(tx, "TimeEntry", entryId, { technicianId: actor.id });
  const entry = await tx.timeEntry.findFirst({
    where: { id: entryId, technicianId: actor.id },
    include: { tender: { select: { id: true, establishmentId: true } } },
  });
  if (!entry) throw new NotFound("We could not find that time.");
  if (entry.status === "APPROVED" || entry.status === "PAID") {
    throw new Conflict(
      entry.status === "PAID"
        ? "This time has already been paid, so it can't be changed."
        : "This time has already been approved, so it can't be changed. If something is wrong, talk to your commissioner.",
    );
  }
  return entry;
}
