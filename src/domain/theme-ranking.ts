// Ranking the themes young people raised (issue 24): young commissioners and
// commissioners each put every theme in order, and every person's ranking
// counts the same (equal votes, as in scoring). Exact: points are fractions.
//
// A voter who ranks n themes gives the theme they put first n points, the next
// n − 1, … and the last 1 (a Borda count). A theme's priority is the mean of its
// points over everyone who ranked; each group's mean is shown beside it, so a
// difference between young commissioners and commissioners is visible.
import { Fraction } from "./fraction";

export type VoterGroup = "TECHNICIAN" | "COMMISSIONER";

export interface ThemeRankInput {
  themeId: string;
  voterId: string;
  group: VoterGroup;
  /** 1 = matters most. */
  rank: number;
}

export interface ThemePriority {
  themeId: string;
  /** 1 = the highest priority; themes with equal points share a place. */
  place: number;
  /** Mean points over every voter (null before anyone has ranked). */
  points: Fraction | null;
  byGroup: Record<VoterGroup, { voters: number; points: Fraction | null }>;
  /** How many voters put this theme first. */
  firstChoices: number;
}

export interface ThemeRankingResult {
  voters: number;
  votersByGroup: Record<VoterGroup, number>;
  /** Highest priority first; ties keep the themes' own order. */
  priorities: ThemePriority[];
}

export class ThemeRankingError extends Error {}

/** How many themes count as "high priority": the top 3, and any theme tied with the third. */
export const HIGH_PRIORITY_PLACES = 3;

/**
 * Ranks `themeIds` (in their own order) from the voters' ranks. Every voter
 * must have ranked every theme exactly once, 1..n; anything else is an error,
 * never silently skipped.
 */
export function rankThemes(themeIds: readonly string[], ranks: readonly ThemeRankInput[]): ThemeRankingResult {
  const n = themeIds.length;
  const known = new Set(themeIds);
  const byVoter = new Map<string, { group: VoterGroup; ranks: Map<string, number> }>();
  for (const r of ranks) {
    if (!known.has(r.themeId)) throw new ThemeRankingError(`A rank names a theme that is not in this stage: ${r.themeId}`);
    const voter = byVoter.get(r.voterId) ?? { group: r.group, ranks: new Map<string, number>() };
    if (voter.group !== r.group) throw new ThemeRankingError(`Voter ${r.voterId} is in two groups`);
    if (voter.ranks.has(r.themeId)) throw new ThemeRankingError(`Voter ${r.voterId} ranked a theme twice`);
    voter.ranks.set(r.themeId, r.rank);
    byVoter.set(r.voterId, voter);
  }
  for (const [voterId, voter] of byVoter) {
    const seen = [...voter.ranks.values()].sort((a, b) => a - b);
    if (seen.length !== n || seen.some((rank, i) => rank !== i + 1))
      throw new ThemeRankingError(`Voter ${voterId} did not rank every theme once, from 1 to ${n}`);
  }

  const groups: VoterGroup[] = ["TECHNICIAN", "COMMISSIONER"];
  const votersByGroup = Object.fromEntries(groups.map((g) => [g, 0])) as Record<VoterGroup, number>;
  for (const voter of byVoter.values()) votersByGroup[voter.group]++;

  const rows = themeIds.map((themeId, order) => {
    const total = { all: 0, TECHNICIAN: 0, COMMISSIONER: 0 };
    let firstChoices = 0;
    for (const voter of byVoter.values()) {
      const rank = voter.ranks.get(themeId)!;
      const points = n - rank + 1;
      total.all += points;
      total[voter.group] += points;
      if (rank === 1) firstChoices++;
    }
    const mean = (sum: number, count: number) => (count === 0 ? null : Fraction.ofSmall(sum, count));
    return {
      order,
      themeId,
      points: mean(total.all, byVoter.size),
      byGroup: {
        TECHNICIAN: { voters: votersByGroup.TECHNICIAN, points: mean(total.TECHNICIAN, votersByGroup.TECHNICIAN) },
        COMMISSIONER: { voters: votersByGroup.COMMISSIONER, points: mean(total.COMMISSIONER, votersByGroup.COMMISSIONER) },
      },
      firstChoices,
    };
  });

  const sorted = [...rows].sort((a, b) => {
    const byPoints = a.points && b.points ? b.points.compare(a.points) : 0;
    return byPoints !== 0 ? byPoints : a.order - b.order;
  });
  const priorities: ThemePriority[] = [];
  sorted.forEach((row, i) => {
    const previous = priorities[i - 1];
    const tied = previous && row.points && previous.points && row.points.equals(previous.points);
    priorities.push({
      themeId: row.themeId,
      points: row.points,
      byGroup: row.byGroup,
      firstChoices: row.firstChoices,
      place: tied ? previous.place : i + 1,
    });
  });
  return { voters: byVoter.size, votersByGroup, priorities };
}

/** The high-priority themes: placed in the top HIGH_PRIORITY_PLACES (ties included). None before anyone ranked. */
export function highPriorityThemeIds(result: ThemeRankingResult): string[] {
  if (result.voters === 0) return [];
  return result.priorities.filter((p) => p.place <= HIGH_PRIORITY_PLACES).map((p) => p.themeId);
}
