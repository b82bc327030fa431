import "server-only";
import { z } from "zod";
import { db, type Db } from "../db";

/**
 * A checkpoint is the end of the audit chain at one moment: an event's number
 * and its hash, written as "<event>:<hash>". Kept outside the database (printed
 * on letters, sent to governors, saved by whoever checks), it proves that the
 * history up to that event has not been rewritten since: editing, removing or
 * inserting any event before it, even with the chain recomputed afterwards,
 * changes that event's hash or removes it.
 */
export interface Checkpoint {
  eventId: bigint;
  hash: string;
}

const checkpointSchema = z
  .string()
  .trim()
  .max(200, "A checkpoint is an event number, a colon and a 64-character hash")
  .regex(/^\d{1,18}:[0-9a-fA-F]{64}$/, "Enter a checkpoint as an event number, a colon and its 64-character hash, like 1234:3f5a…")
  .transform((text): Checkpoint => {
    const [id, hash] = text.split(":") as [string, string];
    return { eventId: BigInt(id), hash: hash.toLowerCase() };
  });

/** Reads "<event>:<hash>", or says what is wrong with it. */
export function parseCheckpoint(text: unknown): { ok: true; checkpoint: Checkpoint } | { ok: false; message: string } {
  const parsed = checkpointSchema.safeParse(text);
  return parsed.success ? { ok: true, checkpoint: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.eventId}:${checkpoint.hash}`;
}

/** The chain's end now, as a checkpoint to keep; null before the first event. */
export async function currentCheckpoint(client: Db = db): Promise<Checkpoint | null> {
  const head = await client.auditChainHead.findUnique({ where: { id: 1 }, select: { lastEventId: true, hash: true } });
  return head?.lastEventId != null && head.hash ? { eventId: head.lastEventId, hash: head.hash } : null;
}

/**
 * The checkpoint of the audit event that recorded a decision (the governor's
 * sign-off, the award's confirmation): its number and hash, printed on the
 * documents that decision produced. Anyone holding the printed document can
 * later prove the history up to that event unchanged
 * (`npm run audit:verify -- --checkpoint`). Null when no such event exists.
 */
export async function checkpointOfEvent(
  client: Db,
  event: { entityType: string; entityId: string; action?: string | { startsWith: string } },
): Promise<Checkpoint | null> {
  const row = await client.auditEvent.findFirst({
    where: { entityType: event.entityType, entityId: event.entityId, ...(event.action ? { action: event.action } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, hash: true },
  });
  return row ? { eventId: row.id, hash: row.hash } : null;
}

/** The checkpoints of the first audit event of each of these records (e.g. sign-offs), by record id. */
export async function checkpointsOfEvents(client: Db, entityType: string, entityIds: string[]): Promise<Map<string, string>> {
  if (entityIds.length === 0) return new Map();
  const rows = await client.auditEvent.findMany({
    where: { entityType, entityId: { in: entityIds } },
    orderBy: { id: "asc" },
    select: { id: true, hash: true, entityId: true },
  });
  const found = new Map<string, string>();
  for (const r of rows) if (!found.has(r.entityId)) found.set(r.entityId, formatCheckpoint({ eventId: r.id, hash: r.hash }));
  return found;
}
