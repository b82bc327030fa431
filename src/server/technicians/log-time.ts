import "server-only";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { assertConsented } from "../consent-gate";
import { parseTimeEntry, type TimeEntryInput } from "./time-entry-input";
import { dateKey } from "./time-labels";

/** A young commissioner logs a session of work on a panel they are (or were) on; it waits for a commissioner to check it. */
export async function logTime(actor: Actor, input: TimeEntryInput, now = clockNow()): Promise<{ id: string }> {
  authorize(actor, "time.log");
  return db.$transaction(async (tx) => {
    await assertConsented(tx, actor);
    const { fields, tender } = await parseTimeEntry(tx, actor, input, now);
    const entry = await tx.timeEntry.create({
      data: {
        technicianId: actor.id,
        tenderId: tender.id,
        workedOn: fields.workedOn,
        minutes: fields.minutes,
        activity: fields.activity,
        note: fields.note,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: "time_entry.logged",
      entityType: "TimeEntry",
      entityId: entry.id,
      tenderId: tender.id,
      establishmentId: tender.establishmentId,
      after: {
        workedOn: dateKey(fields.workedOn),
        minutes: fields.minutes,
        activity: fields.activity,
        note: fields.note,
        status: "PENDING",
      },
    });
    return { id: entry.id };
  });
}
