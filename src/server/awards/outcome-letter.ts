import "server-only";
import { Fraction } from "@/domain/fraction";
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
}

/**
 * One bidder's outcome letter, cut from the summary the governor approved:
 * their own criterion scores with the panel's reasons (no names), their total
 * and rank, and the winner's name and total — nothing else about other bids.
 */
export function buildOutcomeLetter(
  summary: AwardSummary,
  bidId: string,
  dates: { issuedAt: Date; standstill: StandstillView; legacyStandstillEndsAt: Date | null; awardedAt: Date | null; withdrawn: boolean },
): OutcomeLetter {
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
      const exact = cell?.scoreExact ? Fraction.parse(cell.scoreExact) : null;
      return {
        name: c.name,
        weight: c.weight,
        kind: c.kind,
        score,
        // weight × exact criterion score ÷ 5, rounded once for display like the total.
        weightedPoints: exact === null ? null : exact.mul(Fraction.of(c.weight)).div(Fraction.of(5)).toFixed2(),
        reasons: reasons?.criteria.find((r) => r.criterionId === c.id)?.reasons ?? [],
      };
    }),
    justification: summary.recommended.topRanked ? null : summary.justification,
  };
}
