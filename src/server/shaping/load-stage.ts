import "server-only";
import { lockRow } from "../locks";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { can, shapingRelationsSelect } from "../policy";

const NOT_FOUND = "We could not find that shaping stage.";

/**
 * A shaping stage with what the policy needs to answer `shaping.*` about it. `lock: true` (inside a transaction)
 * takes the stage's row lock first, so two changes to one stage happen one after the other. A malformed id, a
 * missing stage, and a stage the actor may not know of (a governor of another establishment; anyone not taking
 * part) are all "not found": the answer never says that a stage exists.
 */
export async function loadStage(client: Tx | Db, actor: Actor, stageId: string, options: { lock?: boolean } = {}) {
  if (!isId(stageId)) throw new NotFound(NOT_FOUND);
  if (options.lock) await lockRow(client, "ShapingStage", stageId);
  const stage = await client.shapingStage.findUnique({
    where: { id: stageId },
    include: {
      ...shapingRelationsSelect,
      tender: { select: { ...shapingRelationsSelect.tender.select, id: true, title: true, reference: true, status: true } },
    },
  });
  if (!stage || !can(actor, "shaping.read", stage)) throw new NotFound(NOT_FOUND);
  return stage;
}

export type LoadedStage = Awaited<ReturnType<typeof loadStage>>;
