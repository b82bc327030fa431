import "server-only";
import { lockRows } from "../locks";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors";
import { authorize, can, tenderRelationsSelect } from "../policy";
import { isId } from "../ids";

/**
 * A commissioner records that payroll has paid approved claims, several at
 * once. All or nothing: every chosen claim must be approved, unpaid, and on
 * a tender they run; otherwise nothing changes and they are told why.
 */
export async function markPaid(actor: Actor, entryIds: string[], now = clockNow()): Promise<{ count: number }> {
  authorize(actor, "time.payroll");
  const ids = [...new Set(entryIds.map((id) => id.trim()).filter((id) => id !== ""))].sort();
  if (ids.length === 0) throw new Invalid({ entryIds: "Choose at least one claim to mark as paid" });
  if (!ids.every(isId)) throw new NotFound("We could not find one of those claims.");

  return db.$transaction(async (tx) => {
    // Locked in id order, so two bulk updates that overlap cannot deadlock.
    await lockRows(tx, "TimeEntry", ids);
    const entries = await tx.timeEntry.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        amountPence: true,
        tenderId: true,
        tender: { select: { establishmentId: true, ...tenderRelationsSelect } },
      },
    });
    if (entries.length !== ids.length) throw new NotFound("We could not find one of those claims.");
    if (entries.some((e) => !can(actor, "time.markPaid", e.tender))) {
      throw new Forbidden("You can only mark claims as paid for tenders you run.");
    }
    const notApproved = entries.filter((e) => e.status !== "APPROVED");
    if (notApproved.length > 0) {
      const paid = notApproved.filter((e) => e.status === "PAID").length;
      throw new Conflict(
        paid === notApproved.length
          ? `${paid === 1 ? "One claim you chose has" : `${paid} claims you chose have`} already been marked as paid. Nothing was changed.`
          : "Only approved claims can be marked as paid. Nothing was changed.",
      );
    }
    await tx.timeEntry.updateMany({ where: { id: { in: ids }, status: "APPROVED" }, data: { status: "PAID", paidAt: now } });
    for (const e of entries) {
      await audit(tx, actor, {
        action: "time_entry.paid",
        entityType: "TimeEntry",
        entityId: e.id,
        tenderId: e.tenderId,
        establishmentId: e.tender.establishmentId,
        before: { status: "APPROVED" },
        after: { status: "PAID", paidAt: now, amountPence: e.amountPence },
      });
    }
    return { count: entries.length };
  });
}
