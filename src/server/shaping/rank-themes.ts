import "server-only";
import { shapingAllows } from "@/domain/shaping-stage";
import { parseBallot } from "@/domain/theme-ballot";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { authorize, shapingVoterGroup } from "../policy";
import { loadStage } from "./load-stage";

/**
 * Stores one person's ranking of every theme (a place from 1 to n for each, each place once), replacing the ranking
 * they gave before: one ranking per person, changeable until ranking closes. The stage's row lock puts two
 * submissions one after the other, and the database holds one rank per theme and person.
 */
export async function rankThemes(
  actor: Actor,
  stageId: string,
  posted: Record<string, string | undefined>,
  now = clockNow(),
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.rank", stage);
    if (!shapingAllows.rankThemes(stage.status))
      throw new Conflict(
        stage.status === "CLOSED" ? "Ranking has closed, so the rankings can no longer change." : "Ranking the themes has not started yet.",
      );
    const themes = await tx.shapingTheme.findMany({ where: { stageId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
    if (themes.length < 2) throw new Conflict("There must be at least two themes to rank.");
    const ballot = parseBallot(themes, posted);
    if (!ballot.ok) throw new Invalid(ballot.errors, "Give each theme a different place.");
    const role = shapingVoterGroup(actor);
    const before = await tx.shapingThemeRank.findMany({ where: { stageId, voterId: actor.id }, select: { themeId: true, rank: true } });
    await tx.shapingThemeRank.deleteMany({ where: { stageId, voterId: actor.id } });
    await tx.shapingThemeRank.createMany({
      data: themes.map((t) => ({
        stageId,
        themeId: t.id,
        voterId: actor.id,
        voterRole: role,
        rank: ballot.ranks.get(t.id)!,
        createdAt: now,
      })),
    });
    const order = (ranks: { themeId: string; rank: number }[]) => [...ranks].sort((a, b) => a.rank - b.rank).map((r) => r.themeId);
    const after = order(themes.map((t) => ({ themeId: t.id, rank: ballot.ranks.get(t.id)! })));
    const changed = order(before).join() !== after.join();
    if (changed)
      await audit(tx, actor, {
        action: before.length ? "shaping.ranking_changed" : "shaping.ranked",
        entityType: "ShapingStage",
        entityId: stageId,
        tenderId: stage.tenderId,
        establishmentId: stage.tender.establishmentId,
        before: before.length ? { order: order(before) } : null,
        after: { order: after },
      });
    return { changed };
  });
}
