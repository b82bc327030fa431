import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { loadOwnEntryForChange } from "./own-time-entry";
import { dateKey } from "./time-labels";

/** A young commissioner deletes their own time that has not been approved. The audit log keeps what it was. */
export async function deleteTimeEntry(actor: Actor, entryId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await loadOwnEntryForChange(tx, actor, entryId);
    await tx.timeEntry.delete({ where: { id: entry.id } });
    await audit(tx, actor, {
      action: "time_entry.deleted",
      entityType: "TimeEntry",
      entityId: entry.id,
      tenderId: entry.tenderId,
      establishmentId: entry.tender.establishmentId,
      before: {
        workedOn: dateKey(entry.workedOn),
        minutes: entry.minutes,
        activity: entry.activity,
        note: entry.note,
        status: entry.status,
      },
    });
  });
}
