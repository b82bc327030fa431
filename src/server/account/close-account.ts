import "server-only";
import { formatPence } from "@/domain/money";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize, closableAccountsWhere, tenderRelationsSelect } from "../policy";

/** What a closed account is called from then on, wherever its name was shown. */
export const CLOSED_ACCOUNT_NAME = "Closed account";

/**
 * Closes a young commissioner's account at their request: their personal details (name, email, phone, age band,
 * password) are removed, the account is disabled (a trigger ends its sessions and reset links), and their notices,
 * emails and invitation are cleared. Their marks (already shown as "Young commissioner A"), consent history and paid
 * time stay, for the audit. Refused while paid time is still to be checked or paid, so nobody goes unpaid.
 */
export async function closeAccount(actor: Actor, userId: string, input: { confirm: string }, now = clockNow()): Promise<void> {
  if (!isId(userId)) throw new NotFound();
  await db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        role: true,
        name: true,
        email: true,
        closureRequestedAt: true,
        closedAt: true,
        panelMemberships: { select: { tender: { select: tenderRelationsSelect } } },
      },
    });
    if (!person) throw new NotFound();
    authorize(actor, "account.close", { role: person.role, panelTenders: person.panelMemberships.map((m) => m.tender) });
    if (person.closedAt) throw new Conflict("This account is already closed.");
    if (!person.closureRequestedAt) throw new Conflict("This young commissioner has not asked for their account to be closed.");
    if (input.confirm !== "yes") throw new Invalid({ confirm: "Tick the box to say their paid time is settled and the account can close" });
    const unsettled = await tx.timeEntry.groupBy({
      by: ["status"],
      where: { technicianId: person.id, status: { in: ["PENDING", "RETURNED", "APPROVED"] } },
      _count: true,
      _sum: { amountPence: true },
    });
    const toCheck = unsettled.filter((g) => g.status !== "APPROVED").reduce((n, g) => n + g._count, 0);
    const unpaid = unsettled.find((g) => g.status === "APPROVED");
    if (toCheck > 0) {
      throw new Conflict(
        `${person.name} has ${toCheck} paid time ${toCheck === 1 ? "entry" : "entries"} still to be checked. Check them first.`,
      );
    }
    if (unpaid) {
      throw new Conflict(
        `${person.name} is still owed ${formatPence(unpaid._sum.amountPence ?? 0)} of approved time. Mark it paid first, then close the account.`,
      );
    }

    const closedEmail = `closed-${person.id}@closed.invalid`;
    await tx.user.update({
      where: { id: person.id },
      data: {
        name: CLOSED_ACCOUNT_NAME,
        email: closedEmail,
        phone: null,
        under18: null,
        passwordHash: null,
        disabledAt: now,
        closedAt: now,
      },
    });
    await tx.invitation.updateMany({ where: { email: person.email }, data: { email: closedEmail, name: CLOSED_ACCOUNT_NAME } });
    await tx.notification.deleteMany({ where: { userId: person.id } });
    const emails = await tx.outboxMessage.deleteMany({ where: { to: person.email } });
    await audit(tx, actor, {
      action: "account.closed",
      entityType: "User",
      entityId: person.id,
      after: { closureRequestedAt: person.closureRequestedAt, closedAt: now, emailsRemoved: emails.count },
    });
  });
}

/** The young commissioners who asked for their account to be closed and whose account the actor may close. */
export async function listClosureRequests(actor: Actor) {
  const people = await db.user.findMany({
    where: { ...closableAccountsWhere(actor), closureRequestedAt: { not: null }, closedAt: null },
    orderBy: { closureRequestedAt: "asc" },
    take: 100,
    select: {
      id: true,
      name: true,
      email: true,
      closureRequestedAt: true,
      timeEntries: { where: { status: { in: ["PENDING", "RETURNED", "APPROVED"] } }, select: { status: true } },
    },
  });
  return people.map(({ timeEntries, closureRequestedAt, ...p }) => ({
    ...p,
    closureRequestedAt: closureRequestedAt!,
    timeToCheck: timeEntries.filter((t) => t.status !== "APPROVED").length,
    timeUnpaid: timeEntries.filter((t) => t.status === "APPROVED").length,
  }));
}
