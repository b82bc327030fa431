import "server-only";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid, NotFound } from "../errors";
import { parseCriterion, type CriterionInput } from "./criterion-input";
import { assertDraft, loadManagedTender } from "./load-managed-tender";
import { stageThemes } from "../shaping/save-requirement";

/** Adds a criterion at the end, or edits one (with `criterionId`), on a DRAFT tender. */
export async function saveCriterion(
  actor: Actor,
  tenderId: string,
  input: CriterionInput & { criterionId?: string; themeIds?: string[] },
  now = clockNow(),
): Promise<{ id: string }> {
  const criterion = parseCriterion(input);
  return db.$transaction(async (tx) => {
    const tender = await loadManagedTender(tx, actor, tenderId, now);
    assertDraft(tender);
    const existing = await tx.criterion.findMany({ where: { tenderId }, orderBy: { position: "asc" } });
    const current = input.criterionId ? existing.find((c) => c.id === input.criterionId) : undefined;
    if (input.criterionId && !current) throw new NotFound("That criterion is no longer on this tender.");
    if (criterion.kind === "PRICE" && existing.some((c) => c.kind === "PRICE" && c.id !== current?.id)) {
      throw new Invalid({ kind: "This tender already has a price criterion. Only one criterion can be scored on price." });
    }
    if (existing.length >= 20 && !current) throw new Invalid({ name: "A tender can have at most 20 criteria" });

    // A tender shaped with young people links each criterion to the themes it answers (absent: links unchanged).
    let themeIds: string[] | undefined;
    if (input.themeIds !== undefined) {
      const stage = await tx.shapingStage.findUnique({ where: { tenderId }, select: { id: true } });
      if (!stage) throw new Invalid({ themeIds: "This tender has no shaping stage, so it has no themes to link." });
      themeIds = await stageThemes(tx, stage.id, input.themeIds);
    }
    const saved = current
      ? await tx.criterion.update({ where: { id: current.id }, data: criterion })
      : await tx.criterion.create({
          data: { ...criterion, tenderId, position: (existing.at(-1)?.position ?? 0) + 1 },
        });
    let themesBefore: string[] | undefined;
    if (themeIds !== undefined) {
      themesBefore = (await tx.criterionTheme.findMany({ where: { criterionId: saved.id } })).map((l) => l.themeId).sort();
      await tx.criterionTheme.deleteMany({ where: { criterionId: saved.id } });
      if (themeIds.length) await tx.criterionTheme.createMany({ data: themeIds.map((themeId) => ({ criterionId: saved.id, themeId })) });
    }
    await tx.tender.update({ where: { id: tenderId }, data: { version: { increment: 1 } } });
    await audit(tx, actor, {
      action: current ? "criterion.updated" : "criterion.added",
      entityType: "Criterion",
      entityId: saved.id,
      tenderId,
      establishmentId: tender.establishmentId,
      before: current ? { ...current, ...(themesBefore && { themeIds: themesBefore }) } : null,
      after: { ...criterion, ...(themeIds && { themeIds }) },
    });
    return { id: saved.id };
  });
}
