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

/** One claim as the export reads it: flat, straight from one joined statement. */
export interface ClaimRow {
  id: string;
  technicianName: string;
  technicianEmail: string;
  tenderReference: string;
  workedOn: Date;
  minutes: number;
  activity: TimeActivity;
  hourlyRatePence: number | null;
  amountPence: number | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
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
      r.technicianName,
      r.technicianEmail,
      r.tenderReference,
      dateKey(r.workedOn),
      r.minutes,
      activityLabel(r.activity),
      penceToPoundsInput(r.hourlyRatePence),
      penceToPoundsInput(r.amountPence),
      londonStamp(r.reviewedAt),
      r.reviewerName ?? "",
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
  // The tenders are chosen by the policy's own rule; the claims then come in
  // one joined statement (a whole payroll is thousands of rows, and building
  // each as a nested Prisma record cost more than writing the CSV).
  const tenders = await db.tender.findMany({ where: managedTendersWhere(actor), select: { id: true } });
  const statuses = options.unpaidOnly ? ["APPROVED"] : ["APPROVED", "PAID"];
  const rows =
    tenders.length === 0
      ? []
      : await claimRows(
          tenders.map((t) => t.id),
          statuses,
        );
  await auditAlone(actor, {
    action: "time_claims.exported",
    entityType: "TimeEntry",
    entityId: "payroll-csv",
    after: { count: rows.length, unpaidOnly: Boolean(options.unpaidOnly) },
  });
  return { csv: claimsToCsv(rows), count: rows.length };
}

/** Claims of these tenders in these states, oldest approval first, as the CSV writes them. */
async function claimRows(tenderIds: string[], statuses: string[]): Promise<ClaimRow[]> {
  return db.$queryRaw<ClaimRow[]>`
    SELECT e."id"::text AS "id", tech."name" AS "technicianName", tech."email" AS "technicianEmail", t."reference" AS "tenderReference",
           e."workedOn", e."minutes", e."activity"::text AS "activity", e."hourlyRatePence", e."amountPence",
           e."reviewedAt", reviewer."name" AS "reviewerName", e."paidAt"
    FROM "TimeEntry" e
    JOIN "User" tech ON tech."id" = e."technicianId"
    JOIN "Tender" t ON t."id" = e."tenderId"
    LEFT JOIN "User" reviewer ON reviewer."id" = e."reviewedById"
    WHERE e."tenderId" = ANY(${tenderIds}::uuid[]) AND e."status" = ANY(${statuses}::"TimeEntryStatus"[])
    ORDER BY e."reviewedAt" ASC NULLS LAST, e."id" ASC`;
}
