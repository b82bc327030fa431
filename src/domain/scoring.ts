// The scoring engine (PRODUCT.md, "Scoring: equal-weight votes"). Pure and
// exact: every page, export and letter gets its numbers from scoreTender().
import { Fraction } from "./fraction";

export type AggregationRule = "EQUAL_VOTES" | "PANEL_PARITY";
export type PanelRole = "COMMISSIONER" | "TECHNICIAN";
/** EXCLUDED: declared a conflict. WITHDRAWN: stepped back, scores not kept. ABSENT: marked absent by the chair. */
export type MemberStatus = "COUNTED" | "EXCLUDED" | "WITHDRAWN" | "ABSENT";

export interface ScoringCriterion {
  id: string;
  name: string;
  /** Whole percent, 0–100. */
  weight: number;
  kind: "QUALITY" | "PRICE";
}

export interface ScoringBid {
  id: string;
  label: string;
  /** Integer pence, for a PRICE criterion. */
  pricePence: number | bigint | null;
  /** A non-compliant price scores 0 and does not set the lowest price. Default true. */
  priceCompliant?: boolean;
}

export interface ScoringMember {
  id: string;
  role: PanelRole;
  status: MemberStatus;
}

export interface ScoringVote {
  memberId: string;
  bidId: string;
  criterionId: string;
  /** Integer 0–5. */
  score: number;
}

export interface ScoringInput {
  rule: AggregationRule;
  criteria: ScoringCriterion[];
  bids: ScoringBid[];
  members: ScoringMember[];
  votes: ScoringVote[];
}

export interface CountedVote {
  memberId: string;
  role: PanelRole;
  score: number;
}

export interface CellResult {
  bidId: string;
  criterionId: string;
  kind: "QUALITY" | "PRICE";
  /** The criterion score 0–5, exact; null when nobody counted voted. */
  score: Fraction | null;
  scoreDisplay: string | null;
  votes: CountedVote[];
  voteCount: number;
  technicianMean: Fraction | null;
  commissionerMean: Fraction | null;
  technicianMeanDisplay: string | null;
  commissionerMeanDisplay: string | null;
  min: number | null;
  max: number | null;
  /** max − min ≥ 2: flagged for discussion in moderation. */
  divergent: boolean;
  /** Panel parity with one group silent on this cell: the other group's mean alone was used. */
  parityFallback: boolean;
}

export interface BidResult {
  bidId: string;
  label: string;
  cells: CellResult[];
  /** Σ weight × criterion score ÷ 5, exact; null when incomplete. */
  total: Fraction | null;
  totalDisplay: string | null;
  /** Competition ranking (1, 1, 3); null when incomplete. */
  rank: number | null;
  /** Another complete bid has exactly the same total: a panel decision is needed. */
  tie: boolean;
  /** A quality criterion has no counted vote. */
  incomplete: boolean;
}

export interface TenderResult {
  rule: AggregationRule;
  ruleDescription: string;
  /** Ranked: complete bids by rank, then incomplete ones; ties keep label order. */
  bids: BidResult[];
  notCounted: { excluded: string[]; withdrawn: string[]; absent: string[] };
  /** Groups of bid ids with equal totals. */
  ties: string[][];
}

export const RULE_DESCRIPTIONS: Record<AggregationRule, string> = {
  EQUAL_VOTES:
    "Every vote counts the same: each criterion score is the average of all counted votes, whoever cast them.",
  PANEL_PARITY:
    "Panel parity: young commissioners and commissioners count for half each. Each criterion score is the average of the young commissioners' average and the commissioners' average.",
};

const FIVE = Fraction.of(5);

/** The one display format for scores and totals: rounded once, half up, to 2 decimal places. */
export function formatScore(value: Fraction | null): string | null {
  return value === null ? null : value.toFixed2();
}

export class ScoringInputError extends Error {}

export function scoreTender(input: ScoringInput): TenderResult {
  validate(input);
  const members = new Map(input.members.map((m) => [m.id, m]));
  const counted = input.votes.filter((v) => members.get(v.memberId)!.status === "COUNTED");
  const price = input.criteria.find((c) => c.kind === "PRICE");
  const lowestPrice = price ? lowestCompliantPrice(input.bids) : null;

  const unranked = input.bids.map((bid): BidResult => {
    const cells = input.criteria.map((criterion) =>
      criterion.kind === "PRICE"
        ? priceCell(bid, criterion, lowestPrice)
        : qualityCell(bid.id, criterion, counted.filter((v) => v.bidId === bid.id && v.criterionId === criterion.id), members, input.rule),
    );
    const incomplete = cells.some((c) => c.score === null);
    const total = incomplete
      ? null
      : input.criteria.reduce((sum, criterion, i) => sum.add(Fraction.of(criterion.weight).mul(cells[i]!.score!).div(FIVE)), Fraction.ZERO);
    return { bidId: bid.id, label: bid.label, cells, total, totalDisplay: formatScore(total), rank: null, tie: false, incomplete };
  });

  const complete = unranked.filter((b) => b.total !== null);
  for (const bid of complete) {
    bid.rank = 1 + complete.filter((other) => other.total!.compare(bid.total!) > 0).length;
    bid.tie = complete.some((other) => other !== bid && other.total!.equals(bid.total!));
  }
  const bids = [...unranked].sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    return a.label.localeCompare(b.label, "en-GB");
  });
  const tieGroups = new Map<number, string[]>();
  for (const bid of bids) if (bid.tie && bid.rank !== null) tieGroups.set(bid.rank, [...(tieGroups.get(bid.rank) ?? []), bid.bidId]);

  const byStatus = (status: MemberStatus) => input.members.filter((m) => m.status === status).map((m) => m.id);
  return {
    rule: input.rule,
    ruleDescription: RULE_DESCRIPTIONS[input.rule],
    bids,
    notCounted: { excluded: byStatus("EXCLUDED"), withdrawn: byStatus("WITHDRAWN"), absent: byStatus("ABSENT") },
    ties: [...tieGroups.values()],
  };
}

function qualityCell(
  bidId: string,
  criterion: ScoringCriterion,
  votes: ScoringVote[],
  members: Map<string, ScoringMember>,
  rule: AggregationRule,
): CellResult {
  const countedVotes = votes.map((v) => ({ memberId: v.memberId, role: members.get(v.memberId)!.role, score: v.score }));
  const group = (role: PanelRole) => countedVotes.filter((v) => v.role === role).map((v) => Fraction.of(v.score));
  const technicians = group("TECHNICIAN");
  const commissioners = group("COMMISSIONER");
  const technicianMean = technicians.length ? Fraction.mean(technicians) : null;
  const commissionerMean = commissioners.length ? Fraction.mean(commissioners) : null;
  let score: Fraction | null = null;
  let parityFallback = false;
  if (countedVotes.length > 0) {
    if (rule === "EQUAL_VOTES") {
      score = Fraction.mean(countedVotes.map((v) => Fraction.of(v.score)));
    } else if (technicianMean && commissionerMean) {
      score = Fraction.mean([technicianMean, commissionerMean]);
    } else {
      score = technicianMean ?? commissionerMean;
      parityFallback = true;
    }
  }
  const scores = countedVotes.map((v) => v.score);
  const min = scores.length ? Math.min(...scores) : null;
  const max = scores.length ? Math.max(...scores) : null;
  return {
    bidId,
    criterionId: criterion.id,
    kind: "QUALITY",
    score,
    scoreDisplay: formatScore(score),
    votes: countedVotes,
    voteCount: countedVotes.length,
    technicianMean,
    commissionerMean,
    technicianMeanDisplay: formatScore(technicianMean),
    commissionerMeanDisplay: formatScore(commissionerMean),
    min,
    max,
    divergent: min !== null && max !== null && max - min >= 2,
    parityFallback,
  };
}

/** Price by formula, not by vote: lowest compliant price ÷ this bid's price × 5. */
function priceCell(bid: ScoringBid, criterion: ScoringCriterion, lowest: bigint | null): CellResult {
  const compliant = bid.priceCompliant !== false && bid.pricePence !== null;
  const score = compliant && lowest !== null ? Fraction.of(lowest, BigInt(bid.pricePence!)).mul(FIVE) : Fraction.ZERO;
  return {
    bidId: bid.id,
    criterionId: criterion.id,
    kind: "PRICE",
    score,
    scoreDisplay: formatScore(score),
    votes: [],
    voteCount: 0,
    technicianMean: null,
    commissionerMean: null,
    technicianMeanDisplay: null,
    commissionerMeanDisplay: null,
    min: null,
    max: null,
    divergent: false,
    parityFallback: false,
  };
}

function lowestCompliantPrice(bids: ScoringBid[]): bigint | null {
  const prices = bids.filter((b) => b.priceCompliant !== false && b.pricePence !== null).map((b) => BigInt(b.pricePence!));
  return prices.length ? prices.reduce((a, b) => (b < a ? b : a)) : null;
}

function validate(input: ScoringInput): void {
  const fail = (message: string) => {
    throw new ScoringInputError(message);
  };
  const criteria = new Set<string>();
  for (const c of input.criteria) {
    if (!Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100) fail(`Criterion ${c.name}: weight must be a whole number 0–100`);
    if (criteria.has(c.id)) fail(`Criterion ${c.id} appears twice`);
    criteria.add(c.id);
  }
  if (input.criteria.filter((c) => c.kind === "PRICE").length > 1) fail("Only one criterion can be scored on price");
  const bids = new Set<string>();
  for (const b of input.bids) {
    if (bids.has(b.id)) fail(`Bid ${b.id} appears twice`);
    bids.add(b.id);
    if (b.pricePence !== null && BigInt(b.pricePence) <= 0n) fail(`Bid ${b.label}: a price must be more than 0 pence`);
  }
  const members = new Set(input.members.map((m) => m.id));
  const seen = new Set<string>();
  for (const v of input.votes) {
    if (!members.has(v.memberId)) fail(`Vote by unknown member ${v.memberId}`);
    if (!bids.has(v.bidId)) fail(`Vote for unknown bid ${v.bidId}`);
    if (!criteria.has(v.criterionId)) fail(`Vote for unknown criterion ${v.criterionId}`);
    if (input.criteria.find((c) => c.id === v.criterionId)!.kind === "PRICE") fail("Price is scored by formula, not by vote");
    if (!Number.isInteger(v.score) || v.score < 0 || v.score > 5) fail(`Score ${v.score} is not a whole number from 0 to 5`);
    const key = `${v.memberId}|${v.bidId}|${v.criterionId}`;
    if (seen.has(key)) fail(`Member ${v.memberId} voted twice on the same bid and criterion`);
    seen.add(key);
  }
}
