import "server-only";
import { z } from "zod";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { fieldErrorsOf } from "../validation";
import { loadStage } from "./load-stage";
import { assertStageAllows, assertTenderDraft } from "./stage-guards";

export const MAX_REQUIREMENTS = 60;

const requirementSchema = z.object({
  text: z
    .string("Write the requirement")
    .trim()
    .min(1, "Write the requirement")
    .max(2000, "A requirement must be 2,000 characters or fewer"),
  themeIds: z.array(z.string()).max(100, "Choose fewer themes"),
});

export interface RequirementInput {
  requirementId?: string;
  text?: string;
  themeIds: string[];
}

/** The stage's themes named by `themeIds`; any id that is not one of them is a field error (another stage's theme too). */
export async function stageThemes(tx: Tx, stageId: string, themeIds: string[]): Promise<string[]> {
  const ids = [...new Set(themeIds)];
  if (!ids.every(isId)) throw new Invalid({ themeIds: "Choose the themes from the list" });
  const found = await tx.shapingTheme.findMany({ where: { id: { in: ids }, stageId }, select: { id: true } });
  if (found.length !== ids.length) throw new Invalid({ themeIds: "One of those themes is not in this shaping stage." });
  return ids.sort();
}

/**
 * Adds a service requirement at the end, or edits one (with `requirementId`), with the themes it answers. The
 * commissioners running the tender, while the stage allows writing the specification and the tender is a draft.
 */
export async function saveRequirement(actor: Actor, stageId: string, input: RequirementInput, now = clockNow()): Promise<{ id: string }> {
  void now;
  const parsed = requirementSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.manage", stage);
    assertStageAllows(stage, shapingAllows.writeSpecification, "write the specification");
    assertTenderDraft(stage.tender);
    const themeIds = await stageThemes(tx, stageId, parsed.data.themeIds);
    const existing = await tx.serviceRequirement.findMany({ where: { stageId }, orderBy: { position: "asc" }, include: { themes: true } });
    const current = input.requirementId ? existing.find((r) => r.id === input.requirementId) : undefined;
    if (input.requirementId && !current) throw new NotFound("That requirement is no longer in this specification.");
    if (!current && existing.length >= MAX_REQUIREMENTS)
      throw new Invalid({ text: `A specification can have at most ${MAX_REQUIREMENTS} requirements` });
    const text = parsed.data.text;
    const saved = current
      ? await tx.serviceRequirement.update({ where: { id: current.id }, data: { text } })
      : await tx.serviceRequirement.create({ data: { stageId, text, position: (existing.at(-1)?.position ?? 0) + 1 } });
    if (current) await tx.serviceRequirementTheme.deleteMany({ where: { requirementId: saved.id } });
    if (themeIds.length)
      await tx.serviceRequirementTheme.createMany({ data: themeIds.map((themeId) => ({ requirementId: saved.id, themeId })) });
    await audit(tx, actor, {
      action: current ? "shaping.requirement_updated" : "shaping.requirement_added",
      entityType: "ServiceRequirement",
      entityId: saved.id,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      before: current ? { text: current.text, themeIds: current.themes.map((t) => t.themeId).sort() } : null,
      after: { text, themeIds },
    });
    return { id: saved.id };
  });
}
