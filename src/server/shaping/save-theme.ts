import "server-only";
import { z } from "zod";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { fieldErrorsOf } from "../validation";
import { loadStage } from "./load-stage";
import { assertStageAllows } from "./stage-guards";

export const MAX_THEMES = 30;

const themeSchema = z.object({
  title: z
    .string("Enter a name for the theme")
    .trim()
    .min(1, "Enter a name for the theme")
    .max(120, "The theme's name must be 120 characters or fewer"),
  description: z.string().trim().max(1000, "The description must be 1,000 characters or fewer").default(""),
});

export type ThemeInput = { themeId?: string; title?: string; description?: string };

/** Adds a theme at the end, or renames and describes one (with `themeId`), while the stage allows editing themes. */
export async function saveTheme(actor: Actor, stageId: string, input: ThemeInput, now = clockNow()): Promise<{ id: string }> {
  const parsed = themeSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    assertStageAllows(stage, shapingAllows.editThemes, "change the themes");
    const themes = await tx.shapingTheme.findMany({ where: { stageId }, orderBy: { position: "asc" } });
    const current = input.themeId ? themes.find((t) => t.id === input.themeId) : undefined;
    if (input.themeId && (!isId(input.themeId) || !current)) throw new NotFound("That theme is no longer in this shaping stage.");
    const clash = themes.find((t) => t.id !== current?.id && t.title.toLocaleLowerCase("en-GB") === data.title.toLocaleLowerCase("en-GB"));
    if (clash) throw new Invalid({ title: `There is already a theme called “${clash.title}”` });
    if (!current && themes.length >= MAX_THEMES) throw new Invalid({ title: `A shaping stage can have at most ${MAX_THEMES} themes` });
    const saved = current
      ? await tx.shapingTheme.update({ where: { id: current.id }, data })
      : await tx.shapingTheme.create({
          data: { ...data, stageId, position: (themes.at(-1)?.position ?? 0) + 1, createdById: actor.id, createdAt: now },
        });
    await audit(tx, actor, {
      action: current ? "shaping.theme_updated" : "shaping.theme_added",
      entityType: "ShapingTheme",
      entityId: saved.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      before: current ? { title: current.title, description: current.description } : null,
      after: data,
    });
    return { id: saved.id };
  });
}
