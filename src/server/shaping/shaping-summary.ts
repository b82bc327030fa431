import "server-only";
import type { ShapingParticipation } from "@/domain/shaping-summary";
import { highPriorityThemeIds, rankThemes, type VoterGroup } from "@/domain/theme-ranking";
import type { Db, Tx } from "../db";
import { loadGate } from "./draft-specification";
import { quotableWhere } from "./views-queries";

// The one read model of what young people shaped, for every stage after the shaping stage (issue 24, "everywhere
// after"): the notice, the scoring sheet, the award summary and the governor's sign-off, "You said, we did", the
// printable summary for the wing and open data all read it, each taking only what its readers may see.
//
// What it can hold is decided here, in the queries' `where`, once: a view counts only once a facilitator accepted it
// (never one WAITING, SET_ASIDE or flagged as a DISCLOSURE); the only words of a young person it holds are quotes a
// facilitator chose for the notice, checked again here: agreed to, accepted, not withdrawn. Nothing names or
// identifies anyone: no author, no session, no age.

/** A view that may be counted: checked and accepted. */
const ACCEPTED = { check: "ACCEPTED" } as const;
/** A view that may be quoted: accepted, the young person agreed, and nobody withdrew it for them. */

export interface SummaryTheme {
  id: string;
  title: string;
  description: string;
  /** 1 = the highest priority (ties share a place); null before anyone ranked. */
  place: number | null;
  highPriority: boolean;
  /** Accepted views in the theme, by where they came from. `anonymous` is shown through privateCount. */
  views: { youngCommissioners: number; focusGroups: number; anonymous: number };
  /** The quotes chosen for the notice that are still quotable (`quotableWhere`), in the order they were given. */
  quotes: string[];
  requirements: { id: string; text: string }[];
  criteria: { id: string; name: string; weight: number; kind: "QUALITY" | "PRICE" }[];
}

export interface ShapingGate {
  /** Accepted young commissioners of the stage: who is asked to agree. */
  youngCommissioners: number;
  /** How many of them agreed to the current draft (the one published: criteria do not change after). */
  agreed: number;
  askedForChanges: number;
  /** The commissioner's reason to go ahead without their agreement, when that is how the gate opened. */
  override: { reason: string; at: Date } | null;
}

export interface ShapingSummary {
  stageId: string;
  tenderId: string;
  status: "PLANNING" | "GATHERING" | "PRIORITISING" | "CLOSED";
  participation: ShapingParticipation;
  voters: { total: number; youngCommissioners: number; commissioners: number };
  /** Highest priority first (by place, then the facilitator's order). */
  themes: SummaryTheme[];
  gate: ShapingGate;
}

/**
 * The summary of a tender's shaping stage, or null when it has none (or no themes yet). It does not check who asks:
 * the queries built on it do (shaping/summary-queries.ts), and each passes on only what its reader may see.
 */
export async function loadShapingSummary(client: Db | Tx, tenderId: string): Promise<ShapingSummary | null> {
  const stage = await client.shapingStage.findUnique({
    where: { tenderId },
    select: {
      id: true,
      tenderId: true,
      status: true,
      gateOverrideReason: true,
      gateOverrideContentHash: true,
      gateOverrideAt: true,
      members: { where: { status: "ACCEPTED", role: "TECHNICIAN" }, select: { userId: true } },
      sessions: { select: { participantCount: true } },
      themes: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          views: { where: { view: ACCEPTED }, select: { view: { select: { source: true } } } },
          requirements: {
            orderBy: { requirement: { position: "asc" } },
            select: { requirement: { select: { id: true, text: true } } },
          },
          criteria: {
            orderBy: { criterion: { position: "asc" } },
            select: { criterion: { select: { id: true, name: true, weight: true, kind: true, tenderId: true } } },
          },
        },
      },
      ranks: { select: { themeId: true, voterId: true, voterRole: true, rank: true } },
    },
  });
  if (!stage || stage.themes.length === 0) return null;

  const [quotes, anonymousAnswers, { gate }] = await Promise.all([
    client.shapingThemeView.findMany({
      where: { theme: { stageId: stage.id }, quoteInNotice: true, view: quotableWhere(stage.id) },
      orderBy: { view: { createdAt: "asc" } },
      select: { themeId: true, view: { select: { text: true } } },
    }),
    // One code opens one form: the young people who answered it are the codes with an accepted answer.
    client.shapingView.findMany({
      where: { stageId: stage.id, source: "CODE", codeId: { not: null }, ...ACCEPTED },
      distinct: ["codeId"],
      select: { codeId: true },
    }),
    // The co-production gate as the publish step reads it (shaping/draft-specification.ts).
    loadGate(client, stage),
  ]);

  const themeIds = stage.themes.map((t) => t.id);
  const ranking = rankThemes(
    themeIds,
    completeRankings(themeIds, stage.ranks).map((r) => ({ themeId: r.themeId, voterId: r.voterId, group: r.voterRole, rank: r.rank })),
  );
  const high = new Set(highPriorityThemeIds(ranking));
  const placeOf = new Map(ranking.voters > 0 ? ranking.priorities.map((p) => [p.themeId, p.place]) : []);
  const order = new Map(ranking.priorities.map((p, i) => [p.themeId, i]));

  const themes: SummaryTheme[] = stage.themes
    .map((t) => {
      const count = (source: "MEMBER" | "SESSION" | "CODE") => t.views.filter((v) => v.view.source === source).length;
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        place: placeOf.get(t.id) ?? null,
        highPriority: high.has(t.id),
        views: { youngCommissioners: count("MEMBER"), focusGroups: count("SESSION"), anonymous: count("CODE") },
        quotes: quotes.filter((q) => q.themeId === t.id).map((q) => q.view.text),
        requirements: t.requirements.map((r) => r.requirement),
        // Only this tender's criteria (a link is checked when written; read defensively all the same).
        criteria: t.criteria
          .map((c) => c.criterion)
          .filter((c) => c.tenderId === tenderId)
          .map(({ id, name, weight, kind }) => ({ id, name, weight, kind })),
      };
    })
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const youngCommissioners = new Set(stage.members.map((m) => m.userId));
  return {
    stageId: stage.id,
    tenderId,
    status: stage.status,
    participation: {
      focusGroups: stage.sessions.reduce((sum, s) => sum + s.participantCount, 0),
      focusGroupSessions: stage.sessions.length,
      anonymous: anonymousAnswers.length,
      youngCommissioners: youngCommissioners.size,
    },
    voters: {
      total: ranking.voters,
      youngCommissioners: ranking.votersByGroup.TECHNICIAN,
      commissioners: ranking.votersByGroup.COMMISSIONER,
    },
    themes,
    gate: {
      youngCommissioners: gate.members,
      agreed: gate.agree,
      askedForChanges: gate.changesNeeded,
      override:
        gate.state === "OVERRIDDEN" && stage.gateOverrideReason && stage.gateOverrideAt
          ? { reason: stage.gateOverrideReason, at: stage.gateOverrideAt }
          : null,
    },
  };
}

/**
 * The ranks of the voters who ranked every theme once (1..n). A theme added after someone ranked leaves their ranking
 * incomplete until they rank again: it is not counted, rather than breaking every page that shows the themes.
 */
function completeRankings<R extends { themeId: string; voterId: string; rank: number; voterRole: VoterGroup }>(
  themeIds: string[],
  ranks: R[],
): R[] {
  const byVoter = new Map<string, R[]>();
  for (const r of ranks) byVoter.set(r.voterId, [...(byVoter.get(r.voterId) ?? []), r]);
  const complete = (rs: R[]) =>
    rs.length === themeIds.length &&
    new Set(rs.map((r) => r.themeId)).size === themeIds.length &&
    rs.every((r) => themeIds.includes(r.themeId)) &&
    [...rs].sort((a, b) => a.rank - b.rank).every((r, i) => r.rank === i + 1) &&
    new Set(rs.map((r) => r.voterRole)).size === 1;
  return [...byVoter.values()].filter(complete).flat();
}

/** The themes each of a tender's criteria answers (title and place), for the scoring sheet. Empty without shaping. */
export async function themesByCriterion(
  client: Db | Tx,
  tenderId: string,
): Promise<Map<string, { title: string; place: number | null }[]>> {
  const summary = await loadShapingSummary(client, tenderId);
  const byCriterion = new Map<string, { title: string; place: number | null }[]>();
  for (const theme of summary?.themes ?? [])
    for (const c of theme.criteria) byCriterion.set(c.id, [...(byCriterion.get(c.id) ?? []), { title: theme.title, place: theme.place }]);
  return byCriterion;
}
