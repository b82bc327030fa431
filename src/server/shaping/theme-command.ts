import "server-only";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";
import { assertStageAllows, renumber } from "./stage-guards";

/**
 * Moves a theme one place up or down, or removes it (its links to views, requirements and criteria go with it).
 * Once anyone has ranked the themes, removing one would make their rankings incomplete: refused.
 */
export async function themeCommand(actor: Actor, stageId: string, themeId: string, command: string, now = clockNow()): Promise<void> {
  void now;
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    if (command !== "up" && command !== "down" && command !== "remove") throw new Invalid({ command: "Choose to move or remove it" });
    assertStageAllows(stage, shapingAllows.editThemes, "change the themes");
    const themes = await tx.shapingTheme.findMany({ where: { stageId }, orderBy: { position: "asc" } });
    const index = isId(themeId) ? themes.findIndex((t) => t.id === themeId) : -1;
    if (index < 0) throw new NotFound("That theme is no longer in this shaping stage.");
    const theme = themes[index]!;
    if (command === "remove") {
      if ((await tx.shapingThemeRank.count({ where: { stageId } })) > 0)
        throw new Conflict("People have already ranked the themes, so a theme can no longer be removed. Rename it instead.");
      await tx.shapingTheme.delete({ where: { id: theme.id } });
      await renumber(
        themes.filter((t) => t.id !== theme.id).map((t) => t.id),
        (id, position) => tx.shapingTheme.update({ where: { id }, data: { position } }),
      );
      await audit(tx, actor, {
        action: "shaping.theme_removed",
        entityType: "ShapingTheme",
        entityId: theme.id,
        tenderId: stage.tenderId,
        establishmentId: stage.tender.establishmentId,
        before: { title: theme.title, description: theme.description },
      });
      return;
    }
    const target = command === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= themes.length) return;
    const order = themes.map((t) => t.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    await renumber(order, (id, position) => tx.shapingTheme.update({ where: { id }, data: { position } }));
    await audit(tx, actor, {
      action: "shaping.theme_moved",
      entityType: "ShapingTheme",
      entityId: theme.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      before: { order: themes.map((t) => t.id) },
      after: { order },
    });
  });
}
