import { describe, expect, it } from "vitest";
import { scoreTender, type ScoringInput, type ScoringVote } from "@/domain/scoring";

// The engine must stay linear in the number of votes (issue 11): 80,000 votes
// once took over a second because every cell filtered every vote. Instead of
// timing it, count how often the engine reads a vote out of the input array.
function bigTender(bids: number, criteria: number, members: number): ScoringInput {
  const weight = 100 / criteria;
  const input: ScoringInput = {
    rule: "PANEL_PARITY",
    criteria: Array.from({ length: criteria }, (_, i) => ({ id: `c${i}`, name: `C${i}`, weight, kind: "QUALITY" as const })),
    bids: Array.from({ length: bids }, (_, i) => ({ id: `b${i}`, label: `Bid ${i}`, pricePence: null })),
    members: Array.from({ length: members }, (_, i) => ({
      id: `m${i}`,
      role: i % 3 ? ("TECHNICIAN" as const) : ("COMMISSIONER" as const),
      status: "COUNTED" as const,
    })),
    votes: [],
  };
  let k = 7;
  for (const m of input.members)
    for (const b of input.bids)
      for (const c of input.criteria)
        input.votes.push({ memberId: m.id, bidId: b.id, criterionId: c.id, score: (k = (k * 31 + 11) % 97) % 6 });
  return input;
}

/** Wraps every vote so that each read of one of its fields is counted. */
function countingReads(votes: ScoringVote[]): { votes: ScoringVote[]; reads: () => number } {
  let reads = 0;
  const handler: ProxyHandler<ScoringVote> = {
    get(target, property, receiver) {
      reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  };
  return { votes: votes.map((v) => new Proxy(v, handler)), reads: () => reads };
}

describe("scoring engine cost", () => {
  it("reads each vote's fields a constant number of times, however many bids and criteria there are", () => {
    const readsPerVote = (bids: number, criteria: number, members: number) => {
      const input = bigTender(bids, criteria, members);
      const { votes, reads } = countingReads(input.votes);
      expect(scoreTender({ ...input, votes }).bids).toHaveLength(bids);
      return reads() / input.votes.length;
    };
    const small = readsPerVote(2, 2, 3);
    const large = readsPerVote(50, 10, 12);
    expect(small).toBeLessThan(20);
    expect(large).toBeLessThanOrEqual(small);
  });

  it("gives the same result whatever order the votes arrive in", () => {
    const input = bigTender(12, 5, 7);
    const shuffled = [...input.votes].reverse();
    const summary = (x: ScoringInput) =>
      scoreTender(x).bids.map((b) => [b.bidId, b.total?.toString(), b.rank, b.tie, b.cells.map((c) => c.score?.toString())]);
    expect(summary({ ...input, votes: shuffled })).toEqual(summary(input));
  });
});
