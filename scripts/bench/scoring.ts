// The scoring engine alone: 1k, 10k, 80k and 320k votes under both rules,
// median of several runs, to show the time grows linearly with the votes.
import { scoreTender, type AggregationRule, type ScoringInput } from "../../src/domain/scoring";
import { random } from "./seed";

export interface ScoringRow {
  votes: number;
  shape: string;
  rule: AggregationRule;
  medianMs: number;
  microsPerVote: number;
}

const SHAPES: [number, number, number][] = [
  [10, 10, 10], // 1,000
  [50, 10, 20], // 10,000
  [200, 20, 20], // 80,000
  [800, 20, 20], // 320,000
];

function tender(bids: number, criteria: number, members: number, rule: AggregationRule): ScoringInput {
  const r = random(bids * 1000 + criteria * 10 + members);
  const weight = 100 / criteria;
  const input: ScoringInput = {
    rule,
    criteria: Array.from({ length: criteria }, (_, i) => ({ id: `c${i}`, name: `C${i}`, weight, kind: "QUALITY" as const })),
    bids: Array.from({ length: bids }, (_, i) => ({ id: `b${i}`, label: `Bid ${i}`, pricePence: null })),
    members: Array.from({ length: members }, (_, i) => ({
      id: `m${i}`,
      role: i % 3 === 0 ? ("COMMISSIONER" as const) : ("TECHNICIAN" as const),
      status: "COUNTED" as const,
    })),
    votes: [],
  };
  for (const m of input.members)
    for (const b of input.bids)
      for (const c of input.criteria) input.votes.push({ memberId: m.id, bidId: b.id, criterionId: c.id, score: r.int(0, 5) });
  return input;
}

export function benchScoring(runs = 7): ScoringRow[] {
  const rows: ScoringRow[] = [];
  for (const [bids, criteria, members] of SHAPES) {
    for (const rule of ["EQUAL_VOTES", "PANEL_PARITY"] as const) {
      const input = tender(bids, criteria, members, rule);
      scoreTender(input); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        scoreTender(input);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const medianMs = times[Math.floor(times.length / 2)]!;
      const votes = input.votes.length;
      rows.push({
        votes,
        shape: `${bids} bids × ${criteria} criteria × ${members} members`,
        rule,
        medianMs: round(medianMs),
        microsPerVote: round((medianMs * 1000) / votes),
      });
    }
  }
  return rows;
}

const round = (n: number) => Math.round(n * 100) / 100;
