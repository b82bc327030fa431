// Plain numbers for the charts, cut from the scoring engine's exact result.
// Charts only draw: every figure they print comes from the engine's display
// strings, so a chart never disagrees with the tables next to it.
import type { BidResult, PanelRole, TenderResult } from "@/domain/scoring";

export interface ChartCriterion {
  id: string;
  name: string;
  weight: number;
  kind: "QUALITY" | "PRICE";
}

export interface ChartVote {
  score: number;
  group: PanelRole;
  /** The reader's own vote, marked in the picture and said in its text. */
  mine?: boolean;
}

export interface CriterionRow {
  id: string;
  name: string;
  weight: number;
  kind: "QUALITY" | "PRICE";
  votes: ChartVote[];
  commissionerMean: number | null;
  technicianMean: number | null;
  score: number | null;
  scoreDisplay: string | null;
  /** max − min, when divergent (≥ 2). */
  divergentBy: number | null;
}

export interface BidVotes {
  bidId: string;
  label: string;
  totalDisplay: string | null;
  rows: CriterionRow[];
}

export interface RankingBar {
  bidId: string;
  label: string;
  rank: number | null;
  totalDisplay: string | null;
  /** Points out of 100 per criterion (weight × score ÷ 5), in criterion order. */
  points: number[];
}

/** Every criterion of every bid: the counted votes by group, the group means and the criterion score. */
export function bidVotesFrom(result: TenderResult, criteria: ChartCriterion[]): BidVotes[] {
  return result.bids.map((b) => bidVotesOf(b, criteria));
}

/** One bid's criteria, as bidVotesFrom; `readerSeatId` marks the reader's own votes. */
export function bidVotesOf(b: BidResult, criteria: ChartCriterion[], readerSeatId?: string): BidVotes {
  return {
    bidId: b.bidId,
    label: b.label,
    totalDisplay: b.totalDisplay,
    rows: criteria.flatMap((c) => {
      const cell = b.cells.find((x) => x.criterionId === c.id);
      if (!cell) return [];
      return [
        {
          id: c.id,
          name: c.name,
          weight: c.weight,
          kind: c.kind,
          votes: cell.votes.map((v) => ({ score: v.score, group: v.role, mine: v.memberId === readerSeatId })),
          commissionerMean: cell.commissionerMean?.toNumber() ?? null,
          technicianMean: cell.technicianMean?.toNumber() ?? null,
          score: cell.score?.toNumber() ?? null,
          scoreDisplay: cell.scoreDisplay,
          divergentBy: cell.divergent ? cell.max! - cell.min! : null,
        },
      ];
    }),
  };
}

/** The weighted total of each bid, split by criterion. */
export function rankingBarsFrom(result: TenderResult, criteria: ChartCriterion[]): RankingBar[] {
  return result.bids.map((b) => ({
    bidId: b.bidId,
    label: b.label,
    rank: b.rank,
    totalDisplay: b.totalDisplay,
    points: criteria.map((c) => {
      const score = b.cells.find((x) => x.criterionId === c.id)?.score;
      return score ? (c.weight * score.toNumber()) / 5 : 0;
    }),
  }));
}
