// The scoring engine (PRODUCT.md, "Scoring: equal-weight votes"). Pure and
// exact: every page, export and letter gets its numbers from scoreTender().
import { Fraction } from "./fraction";
import { isOnScale, SCORE_MAX, SCORE_MIN } from "./score-scale";

/** How the panel's votes combine into a criterion score; each has a description in RULE_DESCRIPTIONS. */
export const AGGREGATION_RULES = ["EQUAL_VOTES", "PANEL_PARITY"] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];
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
  EQUAL_VOTES: "Every vote counts the same: each criterion score is the average of all counted votes, whoever cast them.",
  PANEL_PARITY:
    "Panel parity: young commissioners and commissioners count for half each. Each criterion score is the average of the young commissioners' average and the commissioners' average.",
};

/** The top of the scale: a criterion score out of it, a weighted total out of 100. */
const FIVE = Fraction.of(SCORE_MAX);

/**
 * Each rule as pages name it: `label` for the choice on the tender form,
 * `summary` where a tender's details are listed, `hint` under the choice.
 * With RULE_DESCRIPTIONS, the one place a rule is put into words: a third rule
 * does not compile until it has all of them.
 */
export const RULE_NAMES: Record<AggregationRule, { label: string; summary: string; hint: string }> = {
  EQUAL_VOTES: {
    label: "Every vote counts the same",
    summary: "Every vote counts the same, whoever casts it",
    hint: "Each criterion score is the average of all counted votes, whoever cast them.",
  },
  PANEL_PARITY: {
    label: "Panel parity",
    summary: "Panel parity: young commissioners and commissioners count for half each",
    hint: "Young commissioners and commissioners each count for half, so a few young commissioners are not outvoted by many commissioners.",
  },
};

/** The one display format for scores and totals: rounded once, half up, to 2 decimal places. */
export function formatScore(value: Fraction | null): string | null {
  return value === null ? null : value.toFixed2();
}

export class ScoringInputError extends Error {}

// Linear in the number of votes: one pass groups the counted votes by
// (bid, criterion), each cell then reads only its own votes, and ranking is a
// sort. (A filter per cell made 80,000 votes take over a second.)
export function scoreTender(input: ScoringInput): TenderResult {
  const { votesByCell } = validateAndGroup(input);
  const criteriaCount = input.criteria.length;
  const price = input.criteria.find((c) => c.kind === "PRICE");
  const lowestPrice = price ? lowestCompliantPrice(input.bids) : null;

  const unranked = input.bids.map((bid, b): BidResult => {
    const cells = input.criteria.map((criterion, c) =>
      criterion.kind === "PRICE"
        ? priceCell(bid, criterion, lowestPrice)
        : qualityCell(bid.id, criterion, votesByCell[b * criteriaCount + c] ?? [], input.rule),
    );
    const incomplete = cells.some((c) => c.score === null);
    // Σ weight × criterion score, divided by 5 once.
    const total = incomplete
      ? null
      : input.criteria.reduce((sum, criterion, i) => sum.add(Fraction.of(criterion.weight).mul(cells[i]!.score!)), Fraction.ZERO).div(FIVE);
    return { bidId: bid.id, label: bid.label, cells, total, totalDisplay: formatScore(total), rank: null, tie: false, incomplete };
  });

  // Competition ranking over the complete bids, best first: a bid's rank is 1 +
  // the number of bids with a strictly higher total; equal totals are ties.
  const complete = unranked.filter((b) => b.total !== null).sort((a, b) => b.total!.compare(a.total!));
  for (let i = 0; i < complete.length; i++) {
    const bid = complete[i]!;
    const previous = complete[i - 1];
    bid.rank = previous && previous.total!.equals(bid.total!) ? previous.rank : i + 1;
    if (previous && previous.rank === bid.rank) previous.tie = bid.tie = true;
  }
  const bids = [...unranked].sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    return a.label.localeCompare(b.label, "en-GB");
  });
  const tieGroups = new Map<number, string[]>();
  for (const bid of bids) {
    if (!bid.tie || bid.rank === null) continue;
    const group = tieGroups.get(bid.rank);
    if (group) group.push(bid.bidId);
    else tieGroups.set(bid.rank, [bid.bidId]);
  }

  const byStatus = (status: MemberStatus) => input.members.filter((m) => m.status === status).map((m) => m.id);
  return {
    rule: input.rule,
    ruleDescription: RULE_DESCRIPTIONS[input.rule],
    bids,
    notCounted: { excluded: byStatus("EXCLUDED"), withdrawn: byStatus("WITHDRAWN"), absent: byStatus("ABSENT") },
    ties: [...tieGroups.values()],
  };
}

function qualityCell(bidId: string, criterion: ScoringCriterion, votes: CountedVote[], rule: AggregationRule): CellResult {
  // Whole-number sums, divided once (in numbers, exact at these sizes): the
  // same exact fractions as adding the votes one by one.
  let sum = 0;
  let technicianSum = 0;
  let technicianCount = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const v of votes) {
    sum += v.score;
    if (v.role === "TECHNICIAN") {
      technicianSum += v.score;
      technicianCount++;
    }
    if (min === null || v.score < min) min = v.score;
    if (max === null || v.score > max) max = v.score;
  }
  const commissionerCount = votes.length - technicianCount;
  const commissionerSum = sum - technicianSum;
  const technicianMean = technicianCount ? Fraction.ofSmall(technicianSum, technicianCount) : null;
  const commissionerMean = commissionerCount ? Fraction.ofSmall(commissionerSum, commissionerCount) : null;
  let score: Fraction | null = null;
  let parityFallback = false;
  if (votes.length > 0) {
    switch (rule) {
      case "EQUAL_VOTES":
        score = Fraction.ofSmall(sum, votes.length);
        break;
      case "PANEL_PARITY":
        if (technicianMean && commissionerMean) {
          // (t ÷ tn + c ÷ cn) ÷ 2, as one fraction.
          score = Fraction.ofSmall(
            technicianSum * commissionerCount + commissionerSum * technicianCount,
            2 * technicianCount * commissionerCount,
          );
        } else {
          score = technicianMean ?? commissionerMean;
          parityFallback = true;
        }
        break;
      default: {
        // A new rule does not compile until it says how it combines votes.
        const _exhaustive: never = rule;
        throw new ScoringInputError(`Unknown aggregation rule ${String(_exhaustive)}`);
      }
    }
  }
  return {
    bidId,
    criterionId: criterion.id,
    kind: "QUALITY",
    score,
    scoreDisplay: formatScore(score),
    votes,
    voteCount: votes.length,
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

/**
 * Checks the input and, in the same single pass over the votes, groups the
 * counted ones by cell (index bid × criteria + criterion), keeping their order,
 * each with its member's role.
 */
function validateAndGroup(input: ScoringInput): { votesByCell: CountedVote[][] } {
  const fail = (message: string): never => {
    throw new ScoringInputError(message);
  };
  const criteria = new Map<string, number>();
  input.criteria.forEach((c, i) => {
    if (!Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100) fail(`Criterion ${c.name}: weight must be a whole number 0–100`);
    if (criteria.has(c.id)) fail(`Criterion ${c.id} appears twice`);
    criteria.set(c.id, i);
  });
  if (input.criteria.filter((c) => c.kind === "PRICE").length > 1) fail("Only one criterion can be scored on price");
  const bids = new Map<string, number>();
  input.bids.forEach((b, i) => {
    if (bids.has(b.id)) fail(`Bid ${b.id} appears twice`);
    bids.set(b.id, i);
    if (b.pricePence !== null && BigInt(b.pricePence) <= 0n) fail(`Bid ${b.label}: a price must be more than 0 pence`);
  });
  const memberIndex = new Map(input.members.map((m, i) => [m.id, i]));
  const criteriaCount = input.criteria.length;
  const cellCount = input.bids.length * criteriaCount;
  // One slot per (member, bid, criterion) to refuse double votes: a byte array
  // when that fits comfortably, a set of the same numbers otherwise.
  const slots = memberIndex.size * cellCount;
  const seenBytes = slots <= 16_000_000 ? new Uint8Array(slots) : null;
  const seenSet = seenBytes ? null : new Set<number>();
  const votesByCell: CountedVote[][] = new Array<CountedVote[]>(cellCount);
  for (const v of input.votes) {
    const m = memberIndex.get(v.memberId);
    if (m === undefined) return fail(`Vote by unknown member ${v.memberId}`);
    const b = bids.get(v.bidId);
    if (b === undefined) return fail(`Vote for unknown bid ${v.bidId}`);
    const c = criteria.get(v.criterionId);
    if (c === undefined) return fail(`Vote for unknown criterion ${v.criterionId}`);
    if (input.criteria[c]!.kind === "PRICE") fail("Price is scored by formula, not by vote");
    if (!isOnScale(v.score)) fail(`Score ${v.score} is not a whole number from ${SCORE_MIN} to ${SCORE_MAX}`);
    const cell = b * criteriaCount + c;
    const slot = m * cellCount + cell;
    if (seenBytes ? seenBytes[slot] : seenSet!.has(slot)) fail(`Member ${v.memberId} voted twice on the same bid and criterion`);
    if (seenBytes) seenBytes[slot] = 1;
    else seenSet!.add(slot);
    const member = input.members[m]!;
    if (member.status !== "COUNTED") continue;
    const counted: CountedVote = { memberId: v.memberId, role: member.role, score: v.score };
    const group = votesByCell[cell];
    if (group) group.push(counted);
    else votesByCell[cell] = [counted];
  }
  return { votesByCell };
}
