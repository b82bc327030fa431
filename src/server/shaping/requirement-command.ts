import "server-only";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";
import { assertStageAllows, assertTenderDraft, renumber } from "./stage-guards";

/** Moves a service requirement one place up or down, or removes it; positions stay 1..n. */
export async function requirementCommand(
  actor: Actor,
  stageId: string,
  requirementId: string,
  command: string,
  now = clockNow(),
): Promise<void> {
  void now;
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.manage", stage);
    if (command !== "up" && command !== "down" && command !== "remove") throw new Invalid({ command: "Choose to move or remove it" });
    assertStageAllows(stage, shapingAllows.writeSpecification, "write the specification");
    assertTenderDraft(stage.tender);
    const requirements = await tx.serviceRequirement.findMany({ where: { stageId }, orderBy: { position: "asc" } });
    const index = isId(requirementId) ? requirements.findIndex((r) => r.id === requirementId) : -1;
    if (index < 0) throw new NotFound("That requirement is no longer in this specification.");
    const requirement = requirements[index]!;
    const base = {
      entityType: "ServiceRequirement",
      entityId: requirement.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
    };
    const update = (id: string, position: number) => tx.serviceRequirement.update({ where: { id }, data: { position } });
    if (command === "remove") {
      await tx.serviceRequirement.delete({ where: { id: requirement.id } });
      await renumber(
        requirements.filter((r) => r.id !== requirement.id).map((r) => r.id),
        update,
      );
      await audit(tx, actor, { ...base, action: "shaping.requirement_removed", before: { text: requirement.text } });
      return;
    }
    const target = command === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= requirements.length) return;
    const order = requirements.map((r) => r.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    await renumber(order, update);
    await audit(tx, actor, {
      ...base,
      action: "shaping.requirement_moved",
      before: { order: requirements.map((r) => r.id) },
      after: { order },
    });
  });
}
