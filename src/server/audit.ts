import "server-only";
import type { Tx } from "./db";
import type { Actor } from "./auth/actor";
import type { Prisma } from "@/generated/prisma/client";

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
 * the database itself.
 */
export async function audit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      tenderId: input.tenderId ?? null,
      establishmentId: input.establishmentId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // BigInt (money in pence) and Date are made JSON-safe explicitly.
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
