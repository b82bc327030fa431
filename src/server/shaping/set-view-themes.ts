import "server-only";
import { z } from "zod";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";
import { assertStageAllows } from "./stage-guards";

const input = z.object({
  viewId: z.string(),
  themeIds: z.array(z.string()).max(100, "Choose fewer themes"),
});

/**
 * Puts a checked view in the themes chosen (none: it is unthemed again). Only an ACCEPTED view of this stage, and
 * only this stage's themes: a view or theme of another stage is refused, nothing written. A quote chosen for the
 * notice stays chosen in the themes the view keeps.
 */
export async function setViewThemes(actor: Actor, stageId: string, form: { viewId: string; themeIds: string[] }, now = clockNow()) {
  void now;
  const parsed = input.safeParse(form);
  if (!parsed.success) throw new Invalid({ themeIds: "Choose the themes from the list" });
  const themeIds = [...new Set(parsed.data.themeIds)];
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    assertStageAllows(stage, shapingAllows.editThemes, "change the themes");
    const view = isId(parsed.data.viewId)
      ? await tx.shapingView.findFirst({ where: { id: parsed.data.viewId, stageId }, include: { themes: true } })
      : null;
    if (!view) throw new NotFound("That view is not in this shaping stage.");
    if (view.check !== "ACCEPTED") throw new Conflict("Only a checked view can go in a theme.");
    if (!themeIds.every(isId)) throw new Invalid({ themeIds: "Choose the themes from the list" });
    const themes = await tx.shapingTheme.findMany({ where: { id: { in: themeIds }, stageId }, select: { id: true } });
    if (themes.length !== themeIds.length) throw new Invalid({ themeIds: "One of those themes is not in this shaping stage." });
    const before = view.themes.map((l) => l.themeId).sort();
    const keep = new Set(themeIds);
    await tx.shapingThemeView.deleteMany({ where: { viewId: view.id, themeId: { notIn: themeIds } } });
    const have = new Set(before);
    const add = themeIds.filter((id) => !have.has(id));
    if (add.length) await tx.shapingThemeView.createMany({ data: add.map((themeId) => ({ themeId, viewId: view.id })) });
    const after = [...keep].sort();
    if (before.join() === after.join()) return;
    await audit(tx, actor, {
      action: "shaping.view_themes_set",
      entityType: "ShapingView",
      entityId: view.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      before: { themeIds: before },
      after: { themeIds: after },
    });
  });
}
