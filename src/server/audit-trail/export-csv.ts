import "server-only";
import { formatLondonStamp } from "@/domain/london-time";
import { audit } from "../audit";
import { toCsv } from "../csv";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { getPortalAuditTrail, getTenderAuditTrail, type AuditRow } from "./queries";

export const AUDIT_COLUMNS = ["Event", "When (London time)", "Tender", "Who", "Role", "What", "Details"] as const;

/**
 * Audit rows → CSV (src/server/csv.ts: BOM, CRLF, RFC 4180 quoting, formula
 * cells kept as text). The rows are the ones the page shows that person, with
 * the same redactions.
 */
export function auditRowsToCsv(rows: AuditRow[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    rows.map((r) => [r.id, formatLondonStamp(r.at), r.tender ?? "", r.who, r.role, r.what, r.details]),
  );
}

/** A tender's whole audit trail (optionally one kind) as CSV; the download is itself audited. */
export async function exportTenderAuditCsv(actor: Actor, tenderId: string, kind?: string): Promise<{ csv: string; reference: string }> {
  const trail = await getTenderAuditTrail(actor, tenderId, { kind });
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "audit.exported",
      entityType: "Tender",
      entityId: tenderId,
      tenderId,
      after: { rows: trail.rows.length, kind: kind ?? null },
    }),
  );
  return { csv: auditRowsToCsv(trail.rows), reference: trail.tender.reference };
}

/** The portal's whole audit log as CSV, for administrators. */
export async function exportPortalAuditCsv(actor: Actor, kind?: string): Promise<string> {
  const trail = await getPortalAuditTrail(actor, { kind });
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "audit.exported",
      entityType: "AuditEvent",
      entityId: "portal",
      after: { rows: trail.rows.length, kind: kind ?? null },
    }),
  );
  return auditRowsToCsv(trail.rows);
}
