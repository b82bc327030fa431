import "server-only";
import { authorize } from "../policy";
import { toLondonInputValues } from "@/domain/london-time";
import { penceToPoundsInput } from "@/domain/money";
import type { TimeActivity } from "@/generated/prisma/enums";
import { toCsv } from "../csv";
import { auditAlone } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { tendersRunByWhere } from "../policy";
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
 * injection). `continued`: rows after the first batch of the same file.
 */
export function claimsToCsv(rows: ClaimRow[], options: { continued?: boolean } = {}): string {
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
    options,
  );
}

/** Claims read and written per batch: a payroll grows without end, so the download never holds all of it at once. */
export const CLAIMS_BATCH = 500;

/**
 * Approved claims on the tenders the commissioner runs, for payroll; with
 * `unpaidOnly`, just those not yet marked as paid. Which claims (and in what
 * order: oldest approval first) is fixed by one statement at the start, and
 * the download is audited with that count: it holds names and email
 * addresses. The CSV then comes as text in batches of `batchSize` claims,
 * each read as it is written, so memory stays bounded however large the
 * payroll grows; a claim changed meanwhile (marked as paid, say) is written
 * as it then stands.
 */
export async function openClaimsCsv(
  actor: Actor,
  options: { unpaidOnly?: boolean; batchSize?: number } = {},
): Promise<{ count: number; parts: AsyncIterable<string> }> {
  authorize(actor, "time.payroll");
  // The tenders are chosen by the policy's own rule; the claims then come by
  // joined statements (a whole payroll is thousands of rows, and building each
  // as a nested Prisma record cost more than writing the CSV).
  const tenders = await db.tender.findMany({ where: tendersRunByWhere(actor), select: { id: true } });
  const statuses = options.unpaidOnly ? ["APPROVED"] : ["APPROVED", "PAID"];
  const ids =
    tenders.length === 0
      ? []
      : await claimIds(
          tenders.map((t) => t.id),
          statuses,
        );
  await auditAlone(actor, {
    action: "time_claims.exported",
    entityType: "TimeEntry",
    entityId: "payroll-csv",
    after: { count: ids.length, unpaidOnly: Boolean(options.unpaidOnly) },
  });
  const batchSize = Math.max(1, options.batchSize ?? CLAIMS_BATCH);
  async function* parts(): AsyncGenerator<string> {
    if (ids.length === 0) {
      yield claimsToCsv([]);
      return;
    }
    for (let from = 0; from < ids.length; from += batchSize) {
      const batch = ids.slice(from, from + batchSize);
      const byId = new Map((await claimRows(batch)).map((r) => [r.id, r]));
      const rows = batch.map((id) => byId.get(id)).filter((r): r is ClaimRow => r !== undefined);
      yield claimsToCsv(rows, { continued: from > 0 });
    }
  }
  return { count: ids.length, parts: parts() };
}

/** The whole payroll CSV as one string (the same batches as the download). */
export async function exportClaimsCsv(
  actor: Actor,
  options: { unpaidOnly?: boolean; batchSize?: number } = {},
): Promise<{ csv: string; count: number }> {
  const { count, parts } = await openClaimsCsv(actor, options);
  let csv = "";
  for await (const part of parts) csv += part;
  return { csv, count };
}

/** Which claims of these tenders in these states, oldest approval first. */
async function claimIds(tenderIds: string[], statuses: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT e."id"::text AS "id"
    FROM "TimeEntry" e
    WHERE e."tenderId" = ANY(${tenderIds}::uuid[]) AND e."status" = ANY(${statuses}::"TimeEntryStatus"[])
    ORDER BY e."reviewedAt" ASC NULLS LAST, e."id" ASC`;
  return rows.map((r) => r.id);
}

/** These claims, as the CSV writes them. */
async function claimRows(ids: string[]): Promise<ClaimRow[]> {
  return db.$queryRaw<ClaimRow[]>`
    SELECT e."id"::text AS "id", tech."name" AS "technicianName", tech."email" AS "technicianEmail", t."reference" AS "tenderReference",
           e."workedOn", e."minutes", e."activity"::text AS "activity", e."hourlyRatePence", e."amountPence",
           e."reviewedAt", reviewer."name" AS "reviewerName", e."paidAt"
    FROM "TimeEntry" e
    JOIN "User" tech ON tech."id" = e."technicianId"
    JOIN "Tender" t ON t."id" = e."tenderId"
    LEFT JOIN "User" reviewer ON reviewer."id" = e."reviewedById"
    WHERE e."id" = ANY(${ids}::uuid[])`;
}
