import "server-only";
import { weightedPoints, winnerCriteria } from "../notices/psr-notice";
import type { AwardSummary } from "./award-summary";
import type { StandstillView } from "./standstill-view";

export interface OutcomeLetter {
  tender: { reference: string; title: string; establishment: string };
  issuedAt: Date;
  /** The standstill as it stands now (corrected if it was short). */
  standstill: StandstillView;
  /** Letters issued before the regulation 12 correction keep the end and wording they were sent with. */
  legacyStandstillEndsAt: Date | null;
  awardedAt: Date | null;
  /** Sent back to moderation after representations: the letter no longer stands. */
  withdrawn: boolean;
  provider: string;
  successful: boolean;
  rank: number;
  tiedRank: boolean;
  bidderCount: number;
  total: string;
  /** This bid's price: the whole-life price for the full contract term (pence), and the term, for its annual equivalent. */
  price: { pence: string; termMonths: number | null } | null;
  winner: { provider: string; total: string };
  rule: string;
  criteria: {
    name: string;
    weight: number;
    kind: "QUALITY" | "PRICE";
    score: string | null;
    weightedPoints: string | null;
    reasons: string[];
  }[];
  /** Why a bid other than the top-ranked one was chosen, when that happened. */
  justification: string | null;
  /** The successful bid's score and points per criterion: its relative advantages over this bid. */
  winnerCriteria: { name: string; score: string | null; points: string | null }[];
  /** Who decided: the commissioner who recommended, the governor who approved. */
  decisionMakers: string;
  /** Declared conflicts of interest on the panel and how they were managed. */
  conflicts: string;
  /** The audit event that issued the letters (the governor's approval), as "<event>:<hash>". */
  checkpoint: string | null;
  awardDecisionId: string;
}

export interface LetterIssue {
  issuedAt: Date;
  standstill: StandstillView;
  legacyStandstillEndsAt: Date | null;
  awardedAt: Date | null;
  withdrawn: boolean;
  decisionMakers: string;
  conflicts: string;
  checkpoint: string | null;
  awardDecisionId: string;
}

/**
 * One bidder's outcome letter, cut from the summary the governor approved:
 * their own criterion scores with the panel's reasons (no names), their total
 * and rank, and the winner's name and total — nothing else about other bids.
 */
export function buildOutcomeLetter(summary: AwardSummary, bidId: string, dates: LetterIssue): OutcomeLetter {
  const bid = summary.ranking.find((r) => r.bidId === bidId);
  if (!bid) throw new Error("That bid is not in this award");
  const winner = summary.ranking.find((r) => r.bidId === summary.recommended.bidId)!;
  const reasons = summary.panelReasons.find((p) => p.bidId === bidId);
  return {
    tender: { reference: summary.tender.reference, title: summary.tender.title, establishment: summary.tender.establishment.name },
    ...dates,
    provider: bid.provider,
    successful: bid.bidId === winner.bidId,
    rank: bid.rank,
    tiedRank: bid.tie,
    bidderCount: summary.ranking.length,
    total: bid.total,
    price: bid.pricePence === null ? null : { pence: bid.pricePence, termMonths: summary.tender.contractTermMonths },
    winner: { provider: winner.provider, total: winner.total },
    rule: summary.ruleDescription,
    criteria: summary.criteria.map((c) => {
      const cell = bid.criteria.find((x) => x.criterionId === c.id);
      const score = cell?.score ?? null;
      return {
        name: c.name,
        weight: c.weight,
        kind: c.kind,
        score,
        // weight × exact criterion score ÷ 5, rounded once for display like the total.
        weightedPoints: weightedPoints(cell?.scoreExact, c.weight),
        reasons: reasons?.criteria.find((r) => r.criterionId === c.id)?.reasons ?? [],
      };
    }),
    justification: summary.recommended.topRanked ? null : summary.justification,
    winnerCriteria: winnerCriteria(summary).map((c) => ({ name: c.name, score: c.score, points: c.points })),
  };
}
