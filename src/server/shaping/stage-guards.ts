import "server-only";
import { SHAPING_STATUS_LABELS, type ShapingStatus } from "@/domain/shaping-stage";
import { Conflict } from "../errors";

/** Refuses a change the stage's state does not allow now, naming the state (a Conflict: nothing written). */
export function assertStageAllows(stage: { status: ShapingStatus }, allowed: (status: ShapingStatus) => boolean, doing: string): void {
  if (!allowed(stage.status)) {
    throw new Conflict(`You cannot ${doing} now: this shaping stage is at “${SHAPING_STATUS_LABELS[stage.status]}”.`);
  }
}

/** Refuses a change to the specification once the tender has left DRAFT. */
export function assertTenderDraft(tender: { status: string }): void {
  if (tender.status !== "DRAFT") throw new Conflict("This tender has been published, so its specification can no longer change.");
}

/**
 * Gives rows the positions 1..n in the order of `ids`. Positions are unique within a stage, so each row first moves
 * to a free negative place, then to its new one.
 */
export async function renumber(ids: string[], update: (id: string, position: number) => Promise<unknown>): Promise<void> {
  for (const [i, id] of ids.entries()) await update(id, -(i + 1));
  for (const [i, id] of ids.entries()) await update(id, i + 1);
}
