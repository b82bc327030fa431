import "server-only";
import type { Tx } from "./db";
import type { Actor } from "./auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import { auditEventHash, lockChainHead, moveChainHead } from "./audit-trail/chain";

export interface AuditInput {
  action: string;
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
    at: new Date(),
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

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // BigInt (money in pence) and Date are made JSON-safe explicitly.
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}
