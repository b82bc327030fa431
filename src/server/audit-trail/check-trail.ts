import "server-only";
import { verifyBoundRecords, type BoundRecordsCheck } from "./bound-records";
import { verifyAuditChain, type ChainCheck } from "./chain";
import { currentCheckpoint, formatCheckpoint, parseCheckpoint } from "./checkpoint";

/** What "Verify the audit trail" found, for the audit pages. */
export interface TrailCheck {
  /** The checkpoint the reader asked to check, as typed (kept in the field). */
  checkpoint: string;
  /** Set when what was typed is not a checkpoint: nothing was checked. */
  checkpointError: string | null;
  chain: ChainCheck | null;
  records: BoundRecordsCheck | null;
  /** The end of the chain now, to keep outside the portal for the next check. */
  keep: string | null;
}

/**
 * The audit pages' check, from their URL (`?verify=1&checkpoint=<event>:<hash>`,
 * a GET form, so it works without JavaScript): the chain, the checkpoint if one
 * was given, and the records whose fingerprints the chain keeps.
 */
export async function checkAuditTrail(query: Record<string, string | string[] | undefined>): Promise<TrailCheck | null> {
  if (query.verify !== "1") return null;
  const typed = typeof query.checkpoint === "string" ? query.checkpoint.trim().slice(0, 200) : "";
  const parsed = typed ? parseCheckpoint(typed) : null;
  if (parsed && !parsed.ok) return { checkpoint: typed, checkpointError: parsed.message, chain: null, records: null, keep: null };
  const chain = await verifyAuditChain(undefined, { checkpoint: parsed?.ok ? parsed.checkpoint : undefined });
  const records = chain.ok ? await verifyBoundRecords() : null;
  const now = await currentCheckpoint();
  return { checkpoint: typed, checkpointError: null, chain, records, keep: now ? formatCheckpoint(now) : null };
}
