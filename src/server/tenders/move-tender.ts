import "server-only";
import { lockRow } from "../locks";
import { effectiveStatus, nextTransition, LifecycleError, type TenderAction, type TenderStatus } from "@/domain/tender-lifecycle";
import type { Prisma } from "@/generated/prisma/client";
import { audit, type AuditInput } from "../audit";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict, NotFound } from "../errors";
import { isId } from "../ids";

/** The tender as its locked row stands when a move is asked for. */
export interface TenderMove {
  from: TenderStatus;
  to: TenderStatus;
  tender: { id: string; status: TenderStatus; establishmentId: string | null; submissionDeadline: Date | null; bidsOpenedAt: Date | null };
}

/** What the use case's own work returns to finish the move. */
export interface MoveDone<T> {
  /** The move's audit event; it records `from` and `to` as the use case names them. */
  audit: AuditInput;
  result: T;
}

export interface MoveRequest {
  tenderId: string;
  action: TenderAction;
  now: Date;
  /** Columns written together with the new state (never the status or the version: the move writes those). */
  set?: Omit<Prisma.TenderUncheckedUpdateInput, "status" | "version">;
  /** Words a refusal for the situation (or gives it a code of its own); otherwise the transition table's own sentence is shown. */
  refused?: (move: Omit<TenderMove, "to">) => string | Conflict | undefined;
}

/**
 * The one way a tender changes state, inside the caller's transaction:
 * 1. locks the tender's row (SELECT … FOR UPDATE) and reads its state (a
 *    published tender past its deadline counts as CLOSED);
 * 2. asks the transition table (domain/tender-lifecycle.ts) where `action`
 *    leads; a move the table forbids is a Conflict and nothing is written;
 * 3. writes the state the table returned, with `set` and a new version;
 * 4. runs the use case's own `work` (its checks and other writes, which see the
 *    new state, e.g. an OCDS release), which may still refuse by throwing: the
 *    transaction then rolls back and nothing is written;
 * 5. writes the audit event `work` describes.
 */
export async function moveTender<T>(
  tx: Tx,
  actor: Actor,
  request: MoveRequest,
  work: (move: TenderMove) => Promise<MoveDone<T>>,
): Promise<T> {
  const { tenderId, action, now } = request;
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  await lockRow(tx, "Tender", tenderId);
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: { id: true, status: true, establishmentId: true, submissionDeadline: true, bidsOpenedAt: true },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  const from = effectiveStatus(tender.status, tender.submissionDeadline, now);
  const to = nextTransition(from, action);
  if (!to) {
    const refusal = request.refused?.({ from, tender }) ?? new LifecycleError(from, action).message;
    throw refusal instanceof Conflict ? refusal : new Conflict(refusal);
  }
  await tx.tender.update({ where: { id: tenderId }, data: { ...request.set, status: to, version: { increment: 1 } } });
  const done = await work({ from, to, tender });
  await audit(tx, actor, done.audit);
  return done.result;
}
