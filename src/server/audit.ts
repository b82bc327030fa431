import "server-only";
import { wallClock } from "./clock";
import { db, type Tx } from "./db";
import type { Actor } from "./auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import { auditEventHash, lockChainHead, moveChainHead } from "./audit-trail/chain";
import type { AuditAction } from "./audit-trail/labels";

export interface AuditInput {
  /** One of the actions with words in audit-trail/labels.ts. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  tenderId?: string | null;
  establishmentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records who did what, inside the caller's transaction, so the change and
 * its audit entry commit or roll back together. The table is append-only in
 * the database itself, and each entry is chained to the one before it by its
 * hash (audit-trail/chain.ts), so an edit made behind the app's back shows.
 */
export async function audit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  const prevHash = await lockChainHead(tx);
  // The id is taken while the chain head is locked, so id order is chain order.
  const [{ id }] = await tx.$queryRaw<[{ id: bigint }]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS "id"`;
  const fields = {
    id,
    at: wallClock(),
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    tenderId: input.tenderId ?? null,
    establishmentId: input.establishmentId ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    prevHash,
  };
  const hash = auditEventHash(fields);
  await tx.auditEvent.create({ data: { ...fields, hash } });
  await moveChainHead(tx, id, hash);
}

/**
 * An audit event that records no change of its own (a download, say), in ONE
 * statement with no transaction around it: PostgreSQL locks the chain head,
 * takes the id, inserts the event with its hash worked out by
 * "cocommission_audit_event_hash" (the migration's SQL twin of
 * auditEventHash, which verifyAuditChain checks) and moves the head. The
 * head's lock lasts that one statement. audit() holds it across four round
 * trips to this process, and a busy process answers each of them late: 20
 * payroll downloads at once queued behind each other's CSV work (0.7–3
 * downloads a second).
 */
export async function auditAlone(actor: Actor | null, input: AuditInput): Promise<void> {
  const json = (value: unknown) => {
    const v = toJson(value);
    return v === undefined ? null : JSON.stringify(v);
  };
  await db.$executeRaw`
    WITH head AS (SELECT "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE),
    event AS (
      SELECT e.*, head."hash" AS "prev", "cocommission_audit_event_hash"(e, head."hash") AS "computed"
      FROM head, LATERAL jsonb_populate_record(NULL::"AuditEvent", jsonb_build_object(
        'id', nextval(pg_get_serial_sequence('"AuditEvent"', 'id')),
        'at', date_trunc('milliseconds', clock_timestamp()),
        'actorId', ${actor?.id ?? null}::uuid,
        'actorRole', ${actor?.role ?? null}::text,
        'action', ${input.action}::text,
        'entityType', ${input.entityType}::text,
        'entityId', ${input.entityId}::text,
        'tenderId', ${input.tenderId ?? null}::uuid,
        'establishmentId', ${input.establishmentId ?? null}::uuid,
        'before', ${json(input.before)}::jsonb,
        'after', ${json(input.after)}::jsonb
      )) AS e
    ),
    inserted AS (
      INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "tenderId", "establishmentId", "before", "after", "prevHash", "hash")
      SELECT "id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "tenderId", "establishmentId", "before", "after", "prev", "computed" FROM event
      RETURNING "id", "hash"
    )
    UPDATE "AuditChainHead" SET "lastEventId" = inserted."id", "hash" = inserted."hash", "updatedAt" = now()
    FROM inserted WHERE "AuditChainHead"."id" = 1`;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // BigInt (money in pence) and Date are made JSON-safe explicitly.
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}
