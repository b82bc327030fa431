import "server-only";
import { lockRow } from "../locks";
import { formatLondon } from "@/domain/london-time";
import { formatPence, payForMinutes } from "@/domain/money";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import type { TimeEntryStatus } from "@/generated/prisma/enums";
import { notifyUsers } from "../notifications/notify";
import { loadManagedTender } from "../tenders/load-managed-tender";
import { MAX_NOTE_LENGTH } from "./time-entry-input";
import { activityLabel, formatDuration } from "./time-labels";
import { isId } from "../ids";

export interface ReviewInput {
  decision: "approve" | "return" | string;
  /** Required when sending the time back: what the young commissioner should change. */
  note?: string;
}

const ALREADY: Record<Exclude<TimeEntryStatus, "PENDING">, string> = {
  APPROVED: "This time has already been approved.",
  PAID: "This time has already been approved and paid.",
  RETURNED: "This time has been sent back to the young commissioner. It can be checked again once they have changed it.",
};

/**
 * A commissioner who runs the tender checks a young commissioner's time.
 *
 * Approving fixes the pay: the tender's hourly rate at that moment, and the
 * amount from `payForMinutes` (minutes × rate ÷ 60, computed exactly and
 * rounded half up to a whole penny once). Later rate changes do not alter an
 * approved claim. Sending back needs a note saying what to change.
 *
 * The tender row and then the entry row are locked, so two commissioners
 * acting on one entry at once go one after the other: the second sees the
 * first's decision and is refused.
 */
export async function reviewTimeEntry(actor: Actor, entryId: string, input: ReviewInput, now = clockNow()): Promise<void> {
  if (input.decision !== "approve" && input.decision !== "return")
    throw new Invalid({ decision: "Choose whether to approve the time or send it back" });
  const note = (input.note ?? "").normalize("NFC").trim();
  if (input.decision === "return") {
    if (note === "") throw new Invalid({ note: "Say what needs to change, so the young commissioner can fix it" });
    if (Array.from(note).length > MAX_NOTE_LENGTH) throw new Invalid({ note: "The note must be 1,000 characters or fewer" });
  }
  if (!isId(entryId)) throw new NotFound("We could not find that time.");

  await db.$transaction(async (tx) => {
    const found = await tx.timeEntry.findUnique({ where: { id: entryId }, select: { tenderId: true } });
    if (!found) throw new NotFound("We could not find that time.");
    const tender = await loadManagedTender(tx, actor, found.tenderId, now, "time.approve");
    await lockRow(tx, "TimeEntry", entryId);
    const entry = await tx.timeEntry.findUnique({
      where: { id: entryId },
      include: { technician: { select: { id: true, name: true, email: true } } },
    });
    if (!entry || entry.tenderId !== tender.id) throw new NotFound("We could not find that time.");
    if (entry.status !== "PENDING") throw new Conflict(ALREADY[entry.status]);

    const what = `${formatDuration(entry.minutes)} of ${activityLabel(entry.activity).toLowerCase()} on ${formatLondon(entry.workedOn)} for “${tender.title}”`;
    const before = { status: entry.status };

    if (input.decision === "approve") {
      const rate = tender.technicianHourlyRatePence;
      if (rate === null)
        throw new Conflict("This tender has no hourly rate for young commissioners yet. Set one on the tender before approving time.");
      const amountPence = payForMinutes(entry.minutes, rate);
      const changed = await tx.timeEntry.updateMany({
        where: { id: entry.id, status: "PENDING" },
        data: { status: "APPROVED", reviewedById: actor.id, reviewedAt: now, reviewNote: null, hourlyRatePence: rate, amountPence },
      });
      if (changed.count !== 1) throw new Conflict(ALREADY.APPROVED);
      await notifyUsers(tx, [entry.technician], "timeApproved", { what, amount: formatPence(amountPence) });
      await audit(tx, actor, {
        action: "time_entry.approved",
        entityType: "TimeEntry",
        entityId: entry.id,
        tenderId: tender.id,
        establishmentId: tender.establishmentId,
        before,
        after: { status: "APPROVED", minutes: entry.minutes, hourlyRatePence: rate, amountPence },
      });
      return;
    }

    const changed = await tx.timeEntry.updateMany({
      where: { id: entry.id, status: "PENDING" },
      data: { status: "RETURNED", reviewedById: actor.id, reviewedAt: now, reviewNote: note },
    });
    if (changed.count !== 1) throw new Conflict(ALREADY.RETURNED);
    await notifyUsers(tx, [entry.technician], "timeReturned", { what, note });
    await audit(tx, actor, {
      action: "time_entry.returned",
      entityType: "TimeEntry",
      entityId: entry.id,
      tenderId: tender.id,
      establishmentId: tender.establishmentId,
      before,
      after: { status: "RETURNED", reviewNote: note },
    });
  });
}
