import "server-only";
import { nextShapingStatus, SHAPING_STATUS_LABELS, type ShapingAction, type ShapingStatus } from "@/domain/shaping-stage";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Conflict } from "../errors";
import { authorize } from "../policy";
import { loadStage, type LoadedStage } from "./load-stage";

const ACTION_WORDS: Record<ShapingAction, string> = {
  openGathering: "Opening gathering",
  closeGathering: "Closing gathering",
  closeRanking: "Closing ranking",
};

export interface StageMoveRequest {
  stageId: string;
  action: ShapingAction;
  now: Date;
  /** The version the person saw; a different one means someone changed the stage meanwhile (a Conflict). */
  version?: number;
  /** Columns written with the new state (never status or version: the move writes those). */
  set?: Omit<Prisma.ShapingStageUncheckedUpdateInput, "status" | "version">;
  /** The use case's own checks on the locked stage, before anything is written (throw to refuse). */
  check?: (stage: LoadedStage, tx: Tx) => Promise<void>;
}

/**
 * The one way a shaping stage changes state (as moveTender is for tenders), inside the caller's transaction: locks the
 * stage's row, checks `shaping.manage`, the version and the tender (still a draft), asks the transition table
 * (`nextShapingStatus`) where the action leads (a move it forbids is a Conflict, nothing written), runs the caller's
 * checks, writes the new state with a new version, and the audit event.
 */
export async function moveStage(tx: Tx, actor: Actor, request: StageMoveRequest): Promise<{ from: ShapingStatus; to: ShapingStatus }> {
  const stage = await loadStage(tx, actor, request.stageId, { lock: true });
  authorize(actor, "shaping.manage", stage);
  const from = stage.status;
  const to = nextShapingStatus(from, request.action);
  if (!to) throw new Conflict(`${ACTION_WORDS[request.action]} is not possible: this stage is at “${SHAPING_STATUS_LABELS[from]}”.`);
  if (request.version !== undefined && request.version !== stage.version)
    throw new Conflict(
      "Someone else changed this shaping stage while you were looking at it. Reload the page to see what changed, then try again.",
    );
  if (stage.tender.status !== "DRAFT") throw new Conflict("This tender is no longer a draft, so its shaping stage cannot change.");
  await request.check?.(stage, tx);
  await tx.shapingStage.update({ where: { id: stage.id }, data: { ...request.set, status: to, version: { increment: 1 } } });
  await audit(tx, actor, {
    action: `shaping.${request.action === "openGathering" ? "gathering_opened" : request.action === "closeGathering" ? "gathering_closed" : "ranking_closed"}`,
    entityType: "ShapingStage",
    entityId: stage.id,
    tenderId: stage.tender.id,
    establishmentId: stage.tender.establishmentId,
    before: { status: from },
    after: { status: to },
  });
  return { from, to };
}
