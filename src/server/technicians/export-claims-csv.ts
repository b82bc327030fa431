import "server-only";
import { authorize } from "../policy";
import { toLondonInputValues } from "@/domain/london-time";
import { penceToPoundsInput } from "@/domain/money";
import type { TimeActivity } from "@/generated/prisma/enums";
import { toCsv } from "../csv";
import { auditAlone } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { managedTendersWhere } from "./managed-tenders";
import { claimSelect } from "./queries";
import { activityLabel, dateKey } from "./time-labels";

export const CLAIM_COLUMNS = [
  "Claim ID",
  "Technician name",
  "Email",
  "Tender reference",
  "Date worked",
  "Minutes",
  "Activity",
  "Hourly rate (£)",
  "Amount (£)",
  "Approved at",
  "Approved by",
  "Paid",
  "Paid on",
] as const;

export interface ClaimRow {
  id: string;
  technician: { name: string; email: string };
  tender: { reference: string };
  workedOn: Date;
  minutes: number;
  activity: TimeActivity;
  hourlyRatePence: number | null;
  amountPence: number | null;
  reviewedAt: Date | null;
  reviewedBy: { name: string } | null;
  paidAt: Date | null;
}

const londonStamp = (d: Date | null) => {
  if (!d) return "";
  const { date, time } = toLondonInputValues(d);
  return `${date} ${time}`;
};

/**
 * Claims → payroll CSV: UTF-8 with a byte order mark (so spreadsheet apps
 * read names in any script correctly), CRLF line ends, RFC 4180 quoting.
 * Amounts are pounds with 2 decimals, no symbol or thousands separator;
 * times are London time. "Paid" is Yes or No and "Paid on" when it was
 * marked as paid, so paid and unpaid rows tell apart. A cell starting with = + - @ tab or CR gets a
 * leading apostrophe, so a name like "=HYPERLINK(…)" stays text (formula
 * injection).
 */
export function claimsToCsv(rows: ClaimRow[]): string {
  return toCsv(
    CLAIM_COLUMNS,
    rows.map((r) => [
      r.id,
      r.technician.name,
      r.technician.email,
      r.tender.reference,
      dateKey(r.workedOn),
      r.minutes,
      activityLabel(r.activity),
      penceToPoundsInput(r.hourlyRatePence),
      penceToPoundsInput(r.amountPence),
      londonStamp(r.reviewedAt),
      r.reviewedBy?.name ?? "",
      r.paidAt ? "Yes" : "No",
      londonStamp(r.paidAt),
    ]),
  );
}

/**
 * Approved claims on the tenders the commissioner runs, for payroll; with
 * `unpaidOnly`, just those not yet marked as paid. The download is audited:
 * it holds names and email addresses.
 */
export async function exportClaimsCsv(actor: Actor, options: { unpaidOnly?: boolean } = {}): Promise<{ csv: string; count: number }> {
  authorize(actor, "time.payroll");
  const rows = await db.timeEntry.findMany({
    where: { status: options.unpaidOnly ? "APPROVED" : { in: ["APPROVED", "PAID"] }, tender: managedTendersWhere(actor) },
    select: claimSelect,
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
  });
  await auditAlone(actor, {
    action: "time_claims.exported",
    entityType: "TimeEntry",
    entityId: "payroll-csv",
    after: { count: rows.length, unpaidOnly: Boolean(options.unpaidOnly) },
  });
  return { csv: claimsToCsv(rows), count: rows.length };
}
