import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { loadOwnEntryForChange } from "./own-time-entry";
import { parseTimeEntry, type TimeEntryInput } from "./time-entry-input";
import { dateKey } from "./time-labels";

/**
 * A young commissioner changes their own time while it waits to be checked
 * or after it was sent back. A changed entry waits to be checked again; the
 * commissioner's last note is kept so the next reviewer sees why it came back.
 */
export async function editTimeEntry(actor: Actor, entryId: string, input: TimeEntryInput, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await loadOwnEntryForChange(tx, actor, entryId);
    const { fields, tender } = await parseTimeEntry(tx, actor, input, now);
    await tx.timeEntry.update({
      where: { id: entry.id },
      data: {
        tenderId: tender.id,
        workedOn: fields.workedOn,
        minutes: fields.minutes,
        activity: fields.activity,
        note: fields.note,
        status: "PENDING",
        reviewedById: null,
        reviewedAt: null,
      },
    });
    await audit(tx, actor, {
      action: "time_entry.edited",
      entityType: "TimeEntry",
      entityId: entry.id,
      tenderId: tender.id,
      establishmentId: tender.establishmentId,
      before: {
        tenderId: entry.tenderId,
        workedOn: dateKey(entry.workedOn),
        minutes: entry.minutes,
        activity: entry.activity,
        note: entry.note,
        status: entry.status,
      },
      after: {
        tenderId: tender.id,
        workedOn: dateKey(fields.workedOn),
        minutes: fields.minutes,
        activity: fields.activity,
        note: fields.note,
        status: "PENDING",
      },
    });
  });
}
