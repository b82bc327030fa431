import "server-only";
import { contentHash } from "../content-hash";
import { db, type Db, type Tx } from "../db";
import type { Checkpoint } from "./checkpoint";

/**
 * The audit log is a hash chain: each event stores the SHA-256 of its
 * canonical content, and that content includes the hash of the event before
 * it. Editing, removing or reordering any event breaks the chain from there
 * on. The same content is built in SQL by the migration that chained the
 * events written before the chain existed (cocommission_audit_event_hash).
 */

export interface ChainedFields {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  tenderId: string | null;
  establishmentId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string | null;
}

export function auditEventContent(e: ChainedFields) {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    tenderId: e.tenderId,
    establishmentId: e.establishmentId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  };
}

export function auditEventHash(e: ChainedFields): string {
  return contentHash(auditEventContent(e));
}

/**
 * Locks the end of the chain for this transaction and returns the hash to
 * link to. A concurrent writer waits here until this transaction ends, then
 * reads the new end (READ COMMITTED re-reads a row locked FOR UPDATE), so two
 * events never link to the same predecessor (a unique index refuses it too).
 */
export async function lockChainHead(tx: Tx): Promise<string | null> {
  const rows = await tx.$queryRaw<{ hash: string | null }[]>`SELECT "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`;
  if (rows.length === 0) throw new Error("The audit chain head is missing: run the migrations (npm run db:migrate).");
  return rows[0]!.hash;
}

export async function moveChainHead(tx: Tx, eventId: bigint, hash: string): Promise<void> {
  await tx.$executeRaw`UPDATE "AuditChainHead" SET "lastEventId" = ${eventId}, "hash" = ${hash}, "updatedAt" = now() WHERE "id" = 1`;
}

export type ChainCheck =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { id: string; at: Date | null; action: string | null }; reason: string };

const BATCH = 500;

/**
 * Walks the whole chain in id order and names the first event where it
 * breaks: an event whose content no longer matches its hash (edited), or one
 * that does not link to the event before it (an event removed or inserted).
 * Finally the chain head must point at the last event (events removed from
 * the end). With a checkpoint kept outside the database, the event it names
 * must still be there with the same hash: a history rewritten before it and
 * chained again (which the walk alone cannot tell) fails here.
 */
export async function verifyAuditChain(client: Db = db, options: { checkpoint?: Checkpoint } = {}): Promise<ChainCheck> {
  const { checkpoint } = options;
  let checkpointSeen = false;
  let prevHash: string | null = null;
  let prevId: bigint | null = null;
  let checked = 0;
  for (;;) {
    const rows: (ChainedFields & { hash: string })[] = await client.auditEvent.findMany({
      where: prevId === null ? {} : { id: { gt: prevId } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        at: true,
        actorId: true,
        actorRole: true,
        action: true,
        entityType: true,
        entityId: true,
        tenderId: true,
        establishmentId: true,
        before: true,
        after: true,
        prevHash: true,
        hash: true,
      },
    });
    for (const row of rows) {
      const where = { id: row.id.toString(), at: row.at, action: row.action };
      if (row.prevHash !== prevHash) {
        const reason =
          prevId === null
            ? `Event ${row.id} is the first event but links to an earlier one: events before it were removed.`
            : `Event ${row.id} does not link to event ${prevId}, the one before it: an event between them was removed, or one of the two was changed.`;
        return { ok: false, checked, brokenAt: where, reason };
      }
      if (auditEventHash(row) !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: where,
          reason: `Event ${row.id} was changed after it was written: its content no longer matches its hash.`,
        };
      }
      if (checkpoint && row.id === checkpoint.eventId) {
        checkpointSeen = true;
        if (row.hash !== checkpoint.hash)
          return {
            ok: false,
            checked,
            brokenAt: where,
            reason: `Event ${row.id} no longer has the hash in your checkpoint: the history up to it was rewritten (events changed, removed or added, and the chain worked out again).`,
          };
      }
      prevHash = row.hash;
      prevId = row.id;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await client.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head || head.hash !== prevHash || head.lastEventId !== prevId) {
    const lastId = head?.lastEventId?.toString() ?? "none";
    return {
      ok: false,
      checked,
      brokenAt: { id: lastId, at: null, action: null },
      reason: `The chain should end at event ${lastId} but the last event is ${prevId ?? "none"}: events were removed from the end.`,
    };
  }
  if (checkpoint && !checkpointSeen)
    return {
      ok: false,
      checked,
      brokenAt: { id: checkpoint.eventId.toString(), at: null, action: null },
      reason: `Event ${checkpoint.eventId} of your checkpoint is no longer in the audit trail: events were removed and the chain worked out again.`,
    };
  return { ok: true, checked };
}
