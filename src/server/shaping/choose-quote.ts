import "server-only";
import { shapingAllows } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";
import { assertStageAllows } from "./stage-guards";
import { quotableWhere } from "./views-queries";

/**
 * Marks a view in a theme as a quote to use in the published notice, or unmarks it. Never a view the young person
 * did not agree to have quoted, nor one whose quote was withdrawn, nor an unchecked one (a Conflict, nothing written).
 * Until the tender is published, and while the stage allows editing themes or writing the specification.
 */
export async function chooseQuote(
  actor: Actor,
  stageId: string,
  form: { themeId: string; viewId: string; use: boolean },
  now = clockNow(),
): Promise<void> {
  void now;
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    assertStageAllows(stage, (s) => shapingAllows.editThemes(s) || shapingAllows.writeSpecification(s), "choose quotes");
    if (stage.tender.status !== "DRAFT") throw new Conflict("The tender has been published, so its notice can no longer change.");
    const link =
      isId(form.themeId) && isId(form.viewId)
        ? await tx.shapingThemeView.findUnique({
            where: { themeId_viewId: { themeId: form.themeId, viewId: form.viewId } },
            include: { theme: { select: { stageId: true, title: true } }, view: true },
          })
        : null;
    if (!link || link.theme.stageId !== stageId || link.view.stageId !== stageId) throw new NotFound("That view is not in this theme.");
    // Quotable is decided in one place (views-queries.ts): accepted, agreed to, not withdrawn.
    if (form.use && !(await tx.shapingView.findFirst({ where: { id: form.viewId, ...quotableWhere(stageId) }, select: { id: true } })))
      throw new Conflict(
        "This young person did not agree to be quoted (or their quote was withdrawn), so it cannot be used in the notice.",
      );
    if (link.quoteInNotice === form.use) return;
    await tx.shapingThemeView.update({
      where: { themeId_viewId: { themeId: form.themeId, viewId: form.viewId } },
      data: { quoteInNotice: form.use },
    });
    await audit(tx, actor, {
      action: form.use ? "shaping.quote_chosen" : "shaping.quote_unchosen",
      entityType: "ShapingView",
      entityId: form.viewId,
      tenderId: stage.tenderId,
      establishmentId: stage.tender.establishmentId,
      after: { themeId: form.themeId, theme: link.theme.title },
    });
  });
}
