import "server-only";
import { openGatheringProblems } from "@/domain/shaping-gather";
import type { ShapingAction } from "@/domain/shaping-stage";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { notifyUsers } from "../notifications/notify";
import { moveStage } from "./move-stage";

const ACTIONS: readonly ShapingAction[] = ["openGathering", "closeGathering", "closeRanking"];

/**
 * The commissioner running the tender moves the stage on: opens gathering (at least one question and one young
 * commissioner who accepted), closes gathering (views stop coming in; ranking starts), closes ranking.
 */
export async function changeStage(
  actor: Actor,
  stageId: string,
  input: { action: string; version?: number },
  now = clockNow(),
): Promise<{ status: string }> {
  const action = ACTIONS.find((a) => a === input.action);
  if (!action) throw new NotFound("We could not find that step.");
  const at = { openGathering: "gatheringOpenedAt", closeGathering: "gatheringClosedAt", closeRanking: "rankingClosedAt" } as const;
  return db.$transaction(async (tx) => {
    const moved = await moveStage(tx, actor, {
      stageId,
      action,
      now,
      version: input.version,
      set: { [at[action]]: now },
      check: async (stage, client) => {
        if (action !== "openGathering") return;
        const [questions, acceptedYoungCommissioners] = await Promise.all([
          client.shapingQuestion.count({ where: { stageId: stage.id } }),
          client.shapingMember.count({ where: { stageId: stage.id, role: "TECHNICIAN", status: "ACCEPTED" } }),
        ]);
        const problems = openGatheringProblems({ questions, acceptedYoungCommissioners });
        if (problems.length > 0) throw new Conflict(`Gathering cannot open yet. ${problems.join(" ")}`);
      },
    });
    if (action === "openGathering") {
      // The young commissioners taking part hear that they can answer now.
      const members = await tx.shapingMember.findMany({
        where: { stageId, role: "TECHNICIAN", status: "ACCEPTED" },
        select: { user: { select: { id: true, name: true, email: true } } },
      });
      const stage = await tx.shapingStage.findUniqueOrThrow({ where: { id: stageId }, select: { tender: { select: { title: true } } } });
      await notifyUsers(
        tx,
        members.map((m) => m.user),
        "shapingGatheringOpen",
        { tender: stage.tender, stageId },
      );
    }
    return { status: moved.to };
  });
}
