import "server-only";
import { highPriorityThemeIds, rankThemes, type ThemeRankingResult } from "@/domain/theme-ranking";
import { describeChanges, type DraftChange } from "@/domain/draft-specification";
import { AGE_BAND_LABELS, privateCount, shapingAllows, SMALL_COUNT_THRESHOLD, type AgeBand } from "@/domain/shaping-stage";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { authorize, can } from "../policy";
import { loadDraftSpecification, loadGate, parseDraftSpecification } from "./draft-specification";
import { loadStage, type LoadedStage } from "./load-stage";
import { viewsReadableWhere } from "./views-queries";

// The read side of themes, priorities, the specification and the co-production gate. Views are read only when
// checked (ACCEPTED): never one waiting for its check, set aside or flagged as a disclosure.

const SOURCE_LABELS = { MEMBER: "A young commissioner", SESSION: "A focus group", CODE: "An anonymous answer" } as const;

/**
 * The age band to show next to an anonymous quote: only when at least SMALL_COUNT_THRESHOLD young people in that
 * band answered (checked answers), so no quote points to one of a few people.
 */
export function quoteAgeBand(ageBand: AgeBand | null, peopleByBand: ReadonlyMap<AgeBand, number>): string | null {
  if (!ageBand) return null;
  return (peopleByBand.get(ageBand) ?? 0) >= SMALL_COUNT_THRESHOLD ? AGE_BAND_LABELS[ageBand] : null;
}

/** How many young people (codes) answered the anonymous form in each age band, counting checked answers. */
async function anonymousPeopleByBand(stageId: string): Promise<Map<AgeBand, number>> {
  const rows = await db.shapingView.findMany({
    where: { stageId, source: "CODE", check: "ACCEPTED", ageBand: { not: null } },
    select: { codeId: true, ageBand: true },
    distinct: ["codeId"],
  });
  const counts = new Map<AgeBand, number>();
  for (const r of rows) if (r.ageBand) counts.set(r.ageBand, (counts.get(r.ageBand) ?? 0) + 1);
  return counts;
}

function sourceCounts(views: { source: "MEMBER" | "SESSION" | "CODE" }[]) {
  const count = (s: "MEMBER" | "SESSION" | "CODE") => views.filter((v) => v.source === s).length;
  return { total: views.length, member: count("MEMBER"), session: count("SESSION"), anonymous: privateCount(count("CODE")) };
}

/** The facilitator's themes page: every theme with its checked views and their counts, the unthemed views, quotes. */
export async function getThemesPage(actor: Actor, stageId: string) {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.facilitate", stage);
  const [themes, views, peopleByBand] = await Promise.all([
    db.shapingTheme.findMany({
      where: { stageId },
      orderBy: { position: "asc" },
      include: { views: { where: { view: { check: "ACCEPTED" } }, select: { viewId: true, quoteInNotice: true } } },
    }),
    // Through the one read side of views (views-queries.ts), and only checked ones: what a theme may hold.
    db.shapingView.findMany({
      where: { AND: [viewsReadableWhere(actor, stage), { check: "ACCEPTED" }] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        text: true,
        source: true,
        ageBand: true,
        quoteConsent: true,
        quoteWithdrawnAt: true,
        question: { select: { position: true, text: true } },
        session: { select: { heldOn: true, kind: true } },
        themes: { select: { themeId: true } },
      },
    }),
    anonymousPeopleByBand(stageId),
  ]);
  const viewRows = views.map((v) => ({
    id: v.id,
    text: v.text,
    source: v.source,
    sourceLabel: SOURCE_LABELS[v.source],
    question: v.question.text,
    heldOn: v.session?.heldOn ?? null,
    quotable: v.quoteConsent && v.quoteWithdrawnAt === null,
    ageBand: quoteAgeBand(v.ageBand, peopleByBand),
    themeIds: v.themes.map((t) => t.themeId),
  }));
  const byId = new Map(viewRows.map((v) => [v.id, v]));
  return {
    stage,
    canEdit: shapingAllows.editThemes(stage.status),
    canChooseQuotes:
      (shapingAllows.editThemes(stage.status) || shapingAllows.writeSpecification(stage.status)) && stage.tender.status === "DRAFT",
    themes: themes.map((t) => {
      const inTheme = t.views.map((l) => ({ ...byId.get(l.viewId)!, quoteInNotice: l.quoteInNotice })).filter((v) => v.id);
      return { id: t.id, title: t.title, description: t.description, counts: sourceCounts(inTheme), views: inTheme };
    }),
    views: viewRows,
    unthemed: viewRows.filter((v) => v.themeIds.length === 0),
  };
}

/**
 * Whether `actor` sees the ranking's results now. Those taking part see them once they have ranked (so nobody's
 * first ranking follows the crowd) and everyone who may read the stage once ranking has closed; a governor reads
 * results only, after the close.
 */
export function resultsVisible(actor: Actor, stage: LoadedStage, hasRanked: boolean): boolean {
  if (stage.status === "CLOSED") return true;
  return can(actor, "shaping.rank", stage) && hasRanked;
}

export interface PriorityRow {
  themeId: string;
  title: string;
  description: string;
  place: number;
  points: string;
  youngCommissioners: string;
  commissioners: string;
  firstChoices: number;
  pointsValue: number;
  youngValue: number | null;
  commissionersValue: number | null;
  highPriority: boolean;
}

/** The ranking's result in rows a page and a chart read (points as 2-decimal text; the numbers only for drawing). */
export function priorityRows(themes: { id: string; title: string; description: string }[], result: ThemeRankingResult): PriorityRow[] {
  const high = new Set(highPriorityThemeIds(result));
  const byId = new Map(themes.map((t) => [t.id, t]));
  return result.priorities.map((p) => {
    const theme = byId.get(p.themeId)!;
    return {
      themeId: p.themeId,
      title: theme.title,
      description: theme.description,
      place: p.place,
      points: p.points?.toFixed2() ?? "–",
      youngCommissioners: p.byGroup.TECHNICIAN.points?.toFixed2() ?? "–",
      commissioners: p.byGroup.COMMISSIONER.points?.toFixed2() ?? "–",
      firstChoices: p.firstChoices,
      pointsValue: p.points?.toNumber() ?? 0,
      youngValue: p.byGroup.TECHNICIAN.points?.toNumber() ?? null,
      commissionersValue: p.byGroup.COMMISSIONER.points?.toNumber() ?? null,
      highPriority: high.has(p.themeId),
    };
  });
}

/** The ranks stored for a stage, as `rankThemes` reads them. */
async function stageRanking(stageId: string, themes: { id: string }[]): Promise<ThemeRankingResult> {
  const ranks = await db.shapingThemeRank.findMany({
    where: { stageId },
    select: { themeId: true, voterId: true, voterRole: true, rank: true },
  });
  return rankThemes(
    themes.map((t) => t.id),
    ranks.map((r) => ({ themeId: r.themeId, voterId: r.voterId, group: r.voterRole, rank: r.rank })),
  );
}

/** The priorities page: the themes, the reader's own ranking, and the results when they may see them. */
export async function getPrioritiesPage(actor: Actor, stageId: string) {
  const stage = await loadStage(db, actor, stageId);
  const canRank = can(actor, "shaping.rank", stage);
  const themes = await db.shapingTheme.findMany({
    where: { stageId },
    orderBy: { position: "asc" },
    select: { id: true, title: true, description: true, _count: { select: { views: { where: { view: { check: "ACCEPTED" } } } } } },
  });
  const mine = canRank
    ? await db.shapingThemeRank.findMany({ where: { stageId, voterId: actor.id }, select: { themeId: true, rank: true } })
    : [];
  const visible = resultsVisible(actor, stage, mine.length > 0);
  const result = visible ? await stageRanking(stageId, themes) : null;
  return {
    stage,
    canRank: canRank && shapingAllows.rankThemes(stage.status),
    themes: themes.map((t) => ({ id: t.id, title: t.title, description: t.description, views: t._count.views })),
    myRanks: new Map(mine.map((r) => [r.themeId, r.rank])),
    result: result && { voters: result.voters, votersByGroup: result.votersByGroup, rows: priorityRows(themes, result) },
  };
}

/** The specification page: requirements, criteria, themes with their priority, what nothing answers yet, the gate. */
export async function getSpecificationPage(actor: Actor, stageId: string) {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.manage", stage);
  const themes = await db.shapingTheme.findMany({ where: { stageId }, orderBy: { position: "asc" } });
  const [result, requirements, gateState, fullStage] = await Promise.all([
    stageRanking(stageId, themes),
    db.serviceRequirement.findMany({
      where: { stageId },
      orderBy: { position: "asc" },
      include: { themes: { select: { themeId: true } } },
    }),
    loadGate(db, stage),
    db.shapingStage.findUniqueOrThrow({ where: { id: stageId }, include: { gateOverrideBy: { select: { name: true } } } }),
  ]);
  const { draft } = gateState;
  const high = highPriorityThemeIds(result);
  const answered = new Set([...draft.requirements, ...draft.criteria].flatMap((x) => x.themes.map((t) => t.id)));
  const rows = priorityRows(themes, result);
  const reviews = await db.coProductionReview.findMany({
    where: { stageId, contentHash: gateState.hash, decision: "CHANGES_NEEDED" },
    orderBy: { createdAt: "asc" },
    select: { reasons: true, createdAt: true },
  });
  return {
    stage,
    editable: shapingAllows.writeSpecification(stage.status) && stage.tender.status === "DRAFT",
    themes: themes.map((t) => ({ id: t.id, title: t.title })),
    priorities: rows,
    ranked: result.voters > 0,
    requirements: requirements.map((r) => ({ id: r.id, text: r.text, themeIds: r.themes.map((t) => t.themeId) })),
    criteria: draft.criteria,
    unanswered: themes.filter((t) => high.includes(t.id) && !answered.has(t.id)).map((t) => ({ id: t.id, title: t.title })),
    gate: gateState.gate,
    hash: gateState.hash,
    /** Reasons young commissioners gave for changes to this very draft (without their names). */
    changesAsked: reviews.map((r) => r.reasons),
    override: fullStage.gateOverrideReason
      ? {
          reason: fullStage.gateOverrideReason,
          by: fullStage.gateOverrideBy?.name ?? "",
          at: fullStage.gateOverrideAt!,
          current: fullStage.gateOverrideContentHash === gateState.hash,
        }
      : null,
  };
}

/** The agree page for a young commissioner: the draft now, what changed since their last answer, their answers. */
export async function getAgreePage(actor: Actor, stageId: string) {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.contribute", stage);
  const [{ draft, hash, gate }, mine, priorities] = await Promise.all([
    loadGate(db, stage),
    db.coProductionReview.findMany({ where: { stageId, userId: actor.id }, orderBy: { createdAt: "desc" } }),
    db.shapingTheme
      .findMany({ where: { stageId }, orderBy: { position: "asc" } })
      .then(async (themes) => priorityRows(themes, await stageRanking(stageId, themes))),
  ]);
  const last = mine[0] ?? null;
  const current = mine.find((r) => r.contentHash === hash) ?? null;
  let changes: DraftChange[] | null = null;
  if (last && last.contentHash !== hash && last.content !== null) changes = describeChanges(parseDraftSpecification(last.content), draft);
  return {
    stage,
    open: shapingAllows.writeSpecification(stage.status) && stage.tender.status === "DRAFT",
    draft,
    hash,
    gate,
    priorities,
    last: last && { decision: last.decision, reasons: last.reasons, at: last.createdAt, sameVersion: last.contentHash === hash },
    answeredThisVersion: current !== null,
    changes,
  };
}

/** For the tender page and the governor: the co-production gate of a tender's stage, or null when it has none. */
export async function getTenderGate(tenderId: string) {
  const stage = await db.shapingStage.findUnique({ where: { tenderId }, include: { gateOverrideBy: { select: { name: true } } } });
  if (!stage) return null;
  const { gate } = await loadGate(db, stage);
  return {
    stageId: stage.id,
    gate,
    override:
      stage.gateOverrideReason && stage.gateOverrideAt
        ? { reason: stage.gateOverrideReason, by: stage.gateOverrideBy?.name ?? "", at: stage.gateOverrideAt }
        : null,
  };
}

export { loadDraftSpecification };

/**
 * For the criteria editor of a tender shaped with young people: the stage's themes (in priority order once ranked,
 * high-priority ones marked) and the themes each criterion answers; null for a tender without a stage. The caller
 * has checked that the actor runs the tender.
 */
export async function getCriterionThemeChoices(tenderId: string) {
  const stage = await db.shapingStage.findUnique({ where: { tenderId }, select: { id: true } });
  if (!stage) return null;
  const themes = await db.shapingTheme.findMany({ where: { stageId: stage.id }, orderBy: { position: "asc" } });
  const [result, links] = await Promise.all([
    stageRanking(stage.id, themes),
    db.criterionTheme.findMany({ where: { criterion: { tenderId } }, select: { criterionId: true, themeId: true } }),
  ]);
  const rows = result.voters > 0 ? priorityRows(themes, result) : null;
  const linked = new Map<string, string[]>();
  for (const l of links) linked.set(l.criterionId, [...(linked.get(l.criterionId) ?? []), l.themeId]);
  return {
    stageId: stage.id,
    options: rows
      ? rows.map((r) => ({ value: r.themeId, label: `${r.title}${r.highPriority ? " (high priority)" : ""}` }))
      : themes.map((t) => ({ value: t.id, label: t.title })),
    linked,
  };
}
