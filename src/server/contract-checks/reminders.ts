import "server-only";
import { addDays, REMINDER_DAYS_BEFORE } from "@/domain/contract-checks";
import { formatLondonDay, londonDateKey } from "@/domain/london-time";
import { audit } from "../audit";
import { db } from "../db";
import { notifyUsers } from "../notifications/notify";
import { providerUsers } from "../notifications/recipients";
import { periodHref } from "./load-contract";

/**
 * Reminds providers of a return due within REMINDER_DAYS_BEFORE days (once per
 * period: the period is claimed by setting `reminderSentAt`, so two instances
 * never both send it). Runs with the outbox sender; the email goes through the outbox.
 */
export async function sendReturnReminders(now: Date): Promise<number> {
  const today = londonDateKey(now);
  const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
  const due = await db.contractPeriod.findMany({
    where: {
      reminderSentAt: null,
      endDate: { lte: day(today) },
      dueDate: { gte: day(today), lte: day(addDays(today, REMINDER_DAYS_BEFORE)) },
      returns: { none: {} },
      contract: { status: "ACTIVE", commitmentVersions: { some: {} } },
    },
    select: { id: true },
    take: 100,
  });
  let sent = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.contractPeriod.updateMany({
        where: { id, reminderSentAt: null, returns: { none: {} } },
        data: { reminderSentAt: now },
      });
      if (claimed.count === 0) return;
      const period = await tx.contractPeriod.findUniqueOrThrow({
        where: { id },
        select: {
          number: true,
          dueDate: true,
          contract: { select: { id: true, title: true, organisationId: true, establishmentId: true } },
        },
      });
      await notifyUsers(tx, await providerUsers(tx, [period.contract.organisationId]), "contractReturnReminder", {
        contract: period.contract,
        period: period.number,
        due: formatLondonDay(period.dueDate.toISOString().slice(0, 10)),
        href: periodHref(period.contract.id, period.number),
      });
      await audit(tx, null, {
        action: "contract_return.reminder_sent",
        entityType: "ContractPeriod",
        entityId: id,
        establishmentId: period.contract.establishmentId,
        after: { contractId: period.contract.id, period: period.number },
      });
      sent += 1;
    });
  }
  return sent;
}
