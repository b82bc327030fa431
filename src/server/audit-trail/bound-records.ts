import "server-only";
import { db, type Db } from "../db";

/**
 * What people wrote during a tender that others rely on — representations
 * (their text and files), the clarification exchanges about them, the further
 * decisions, clarification questions and their published answers — is kept in
 * its own tables, which triggers keep append-only. Each one's content (or its
 * SHA-256) is also in the audit chain, in the event that recorded it. This
 * check recomputes every record's fingerprint and compares it with the chain's,
 * so a record rewritten behind the portal's back (with those triggers dropped)
 * is named, as is one that no event records. Records written before the
 * fingerprints existed are covered by the one event the migration
 * 20261208002000 appended ("audit.fingerprints_recorded").
 */
export type BoundRecordsCheck =
  { ok: true; checked: number } | { ok: false; checked: number; record: { type: string; id: string }; reason: string };

const BACKFILL = `(SELECT "after" FROM "AuditEvent" WHERE "action" = 'audit.fingerprints_recorded' ORDER BY "id" LIMIT 1)`;
const SHA = (expr: string) => `encode(sha256(convert_to(${expr}, 'UTF8')), 'hex')`;

interface Row {
  id: string;
  actual: string | null;
  recorded: string | null;
  found: boolean;
}

const CHECKS: { type: string; what: string; sql: string }[] = [
  {
    type: "Representation",
    what: "text",
    sql: `SELECT r.id::text AS id, ${SHA("r.text")} AS actual, e."after"->>'textSha256' AS recorded, e.id IS NOT NULL AS found
          FROM "Representation" r
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'Representation' AND "entityId" = r.id::text
                             AND "action" = 'representation.submitted' ORDER BY id LIMIT 1) e ON true`,
  },
  {
    type: "Representation",
    what: "files",
    // The files' fingerprints as recorded, and as their bytes are now (sorted, so order does not matter).
    sql: `SELECT r.id::text AS id,
                 (SELECT string_agg(encode(sha256(a."data"), 'hex'), ',' ORDER BY encode(sha256(a."data"), 'hex'))
                    FROM "RepresentationAttachment" a WHERE a."representationId" = r.id) AS actual,
                 (SELECT string_agg(f->>'sha256', ',' ORDER BY f->>'sha256') FROM jsonb_array_elements(coalesce(e."after"->'attachments', '[]'::jsonb)) f) AS recorded,
                 e.id IS NOT NULL AS found
          FROM "Representation" r
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'Representation' AND "entityId" = r.id::text
                             AND "action" = 'representation.submitted' ORDER BY id LIMIT 1) e ON true`,
  },
  {
    type: "RepresentationMessage",
    what: "text",
    sql: `SELECT m.id::text AS id, ${SHA("m.text")} AS actual,
                 coalesce(e."after"->>'textSha256', ${BACKFILL}->'representationMessages'->>m.id::text) AS recorded,
                 (e.id IS NOT NULL OR ${BACKFILL}->'representationMessages' ? m.id::text) AS found
          FROM "RepresentationMessage" m
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'Representation' AND "entityId" = m."representationId"::text
                             AND "after"->>'messageId' = m.id::text ORDER BY id LIMIT 1) e ON true`,
  },
  {
    type: "RepresentationReview",
    what: "reasons",
    sql: `SELECT v.id::text AS id, v.reasons AS actual, e."after"->>'reasons' AS recorded, e.id IS NOT NULL AS found
          FROM "RepresentationReview" v
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'RepresentationReview' AND "entityId" = v.id::text
                             ORDER BY id LIMIT 1) e ON true`,
  },
  {
    type: "ClarificationQuestion",
    what: "question",
    sql: `SELECT q.id::text AS id, ${SHA("q.question")} AS actual,
                 coalesce(e."after"->>'questionSha256', ${BACKFILL}->'clarificationQuestions'->>q.id::text) AS recorded,
                 (e."after" ? 'questionSha256' OR ${BACKFILL}->'clarificationQuestions' ? q.id::text) AS found
          FROM "ClarificationQuestion" q
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'ClarificationQuestion' AND "entityId" = q.id::text
                             AND "action" = 'clarification.asked' ORDER BY id LIMIT 1) e ON true`,
  },
  {
    type: "ClarificationQuestion",
    what: "published answer",
    sql: `SELECT q.id::text AS id, q.answer AS actual, e."after"->>'answer' AS recorded, e.id IS NOT NULL AS found
          FROM "ClarificationQuestion" q
          LEFT JOIN LATERAL (SELECT id, "after" FROM "AuditEvent" WHERE "entityType" = 'ClarificationQuestion' AND "entityId" = q.id::text
                             AND "action" = 'clarification.answered' ORDER BY id LIMIT 1) e ON true
          WHERE q."publishedAt" IS NOT NULL`,
  },
];

export async function verifyBoundRecords(client: Db = db): Promise<BoundRecordsCheck> {
  let checked = 0;
  for (const check of CHECKS) {
    const rows = await client.$queryRawUnsafe<Row[]>(`${check.sql} ORDER BY 1`);
    for (const row of rows) {
      const record = { type: check.type, id: row.id };
      if (!row.found)
        return {
          ok: false,
          checked,
          record,
          reason: `${check.type} ${row.id} is recorded by no audit event: it was written behind the portal's back.`,
        };
      if ((row.actual ?? "") !== (row.recorded ?? ""))
        return {
          ok: false,
          checked,
          record,
          reason: `${check.type} ${row.id}: its ${check.what} no longer matches what the audit trail recorded when it was written.`,
        };
      checked += 1;
    }
  }
  return { ok: true, checked };
}
