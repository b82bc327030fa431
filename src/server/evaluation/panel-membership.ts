import "server-only";
import { lockRow } from "../locks";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict, NotFound, Forbidden } from "../errors";
import { assertConsented } from "../consent-gate";
import { isId } from "../ids";

/**
 * The Actor's own seat on a tender's panel, with the tender, for an
 * evaluation action. Locks the seat so one member's actions run in turn.
 * A young commissioner needs a current consent, except to step back: leaving
 * is always allowed.
 */
export async function loadMySeat(tx: Tx, actor: Actor, tenderId: string, options: { toStepBack?: boolean } = {}) {
  if (!options.toStepBack) await assertConsented(tx, actor);
  if (!isId(tenderId)) throw new NotFound("We could not find that panel.");
  const seat = await tx.panelMember.findFirst({
    where: { tenderId, userId: actor.id, status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
    include: {
      tender: { select: { id: true, status: true, title: true, establishmentId: true, bidsOpenedAt: true, aggregationRule: true } },
      conflictDeclarations: true,
    },
  });
  if (!seat) throw new NotFound("We could not find that panel.");
  await lockRow(tx, "PanelMember", seat.id);
  return seat;
}

type Seat = Awaited<ReturnType<typeof loadMySeat>>;

export function hasConflict(seat: Pick<Seat, "conflictDeclarations">): boolean {
  return seat.conflictDeclarations.some((d) => d.hasConflict);
}

/** A member who may score now: evaluation is on, they have declared, have no conflict and have not stepped back. */
export function assertMayScore(seat: Seat, bidderOrganisationIds: string[]): void {
  if (seat.status === "STEPPED_BACK") throw new Forbidden("You have stepped back from this panel.");
  if (seat.tender.status !== "EVALUATION") throw new Conflict("Scoring is closed: this tender is not in evaluation.");
  if (seat.markedAbsentAt) throw new Conflict("The chair has marked you absent for this evaluation.");
  const declared = new Set(seat.conflictDeclarations.map((d) => d.organisationId));
  if (bidderOrganisationIds.some((id) => !declared.has(id)))
    throw new Conflict("Declare any conflicts of interest before you see the bids.");
  if (hasConflict(seat)) throw new Forbidden("You declared a conflict of interest, so you do not score this tender.");
}

/** Organisations whose submitted bids are being evaluated. */
export async function bidderOrganisationIds(tx: Tx, tenderId: string): Promise<string[]> {
  const bids = await tx.bid.findMany({ where: { tenderId, status: "SUBMITTED" }, select: { organisationId: true } });
  return bids.map((b) => b.organisationId);
}
