import { describe, expect, it } from "vitest";
import { Fraction } from "@/domain/fraction";
import { scoreTender, ScoringInputError, type ScoringInput, type ScoringMember } from "@/domain/scoring";

const C1: ScoringMember = { id: "c1", role: "COMMISSIONER", status: "COUNTED" };
const C2: ScoringMember = { id: "c2", role: "COMMISSIONER", status: "COUNTED" };
const T1: ScoringMember = { id: "t1", role: "TECHNICIAN", status: "COUNTED" };
const T2: ScoringMember = { id: "t2", role: "TECHNICIAN", status: "COUNTED" };

function votes(bidId: string, criterionId: string, scores: Record<string, number>) {
  return Object.entries(scores).map(([memberId, score]) => ({ memberId, bidId, criterionId, score }));
}

const base: ScoringInput = {
  rule: "EQUAL_VOTES",
  criteria: [
    { id: "q1", name: "Quality", weight: 50, kind: "QUALITY" },
    { id: "q2", name: "Working together", weight: 30, kind: "QUALITY" },
    { id: "p", name: "Price", weight: 20, kind: "PRICE" },
  ],
  bids: [
    { id: "A", label: "Bid A", pricePence: 100_000_000 },
    { id: "B", label: "Bid B", pricePence: 125_000_000 },
  ],
  members: [C1, C2, T1, T2],
  votes: [
    ...votes("A", "q1", { c1: 4, c2: 3, t1: 4, t2: 5 }),
    ...votes("A", "q2", { c1: 3, c2: 3, t1: 2, t2: 4 }),
    ...votes("B", "q1", { c1: 5, c2: 4, t1: 3, t2: 3 }),
    ...votes("B", "q2", { c1: 4, c2: 4, t1: 3, t2: 3 }),
  ],
};

describe("the hand-worked example (every vote equal)", () => {
  const result = scoreTender(base);
  const a = result.bids.find((b) => b.bidId === "A")!;
  const b = result.bids.find((b) => b.bidId === "B")!;

  it("criterion scores are the mean of all counted votes", () => {
    // A, Quality: (4 + 3 + 4 + 5) / 4 = 16/4 = 4
    expect(a.cells[0]!.score!.toString()).toBe("4");
    // A, Working together: (3 + 3 + 2 + 4) / 4 = 12/4 = 3
    expect(a.cells[1]!.score!.toString()).toBe("3");
    // B, Quality: (5 + 4 + 3 + 3) / 4 = 15/4 = 3.75
    expect(b.cells[0]!.scoreDisplay).toBe("3.75");
    // B, Working together: (4 + 4 + 3 + 3) / 4 = 14/4 = 3.5
    expect(b.cells[1]!.scoreDisplay).toBe("3.50");
  });

  it("price is scored by formula: lowest price ÷ this price × 5", () => {
    // A is the lowest: 1,000,000 ÷ 1,000,000 × 5 = 5
    expect(a.cells[2]!.scoreDisplay).toBe("5.00");
    // B: 1,000,000 ÷ 1,250,000 × 5 = 4
    expect(b.cells[2]!.scoreDisplay).toBe("4.00");
  });

  it("weighted totals out of 100: Σ weight × score ÷ 5", () => {
    // A: 50×4/5 + 30×3/5 + 20×5/5 = 40 + 18 + 20 = 78
    expect(a.totalDisplay).toBe("78.00");
    // B: 50×3.75/5 + 30×3.5/5 + 20×4/5 = 37.5 + 21 + 16 = 74.5
    expect(b.totalDisplay).toBe("74.50");
    expect(result.bids.map((x) => [x.label, x.rank, x.tie])).toEqual([
      ["Bid A", 1, false],
      ["Bid B", 2, false],
    ]);
  });

  it("shows each group's mean side by side", () => {
    // B, Quality: commissioners (5 + 4)/2 = 4.5; technicians (3 + 3)/2 = 3
    expect([b.cells[0]!.commissionerMeanDisplay, b.cells[0]!.technicianMeanDisplay]).toEqual(["4.50", "3.00"]);
    expect(b.cells[0]!.voteCount).toBe(4);
  });

  it("states the rule in words", () => {
    expect(result.ruleDescription).toMatch(/^Every vote counts the same/);
  });
});

describe("panel parity: two young commissioners are not outvoted by six commissioners", () => {
  const commissioners = Array.from({ length: 6 }, (_, i): ScoringMember => ({ id: `c${i}`, role: "COMMISSIONER", status: "COUNTED" }));
  const input: ScoringInput = {
    rule: "EQUAL_VOTES",
    criteria: [{ id: "q", name: "Quality", weight: 100, kind: "QUALITY" }],
    bids: [{ id: "A", label: "A", pricePence: null }],
    members: [...commissioners, T1, T2],
    votes: [
      ...commissioners.map((c) => ({ memberId: c.id, bidId: "A", criterionId: "q", score: 2 })),
      ...votes("A", "q", { t1: 5, t2: 5 }),
    ],
  };

  it("every vote equal: (6×2 + 2×5) / 8 = 22/8 = 2.75 → total 100 × 2.75 / 5 = 55", () => {
    const a = scoreTender(input).bids[0]!;
    expect(a.cells[0]!.scoreDisplay).toBe("2.75");
    expect(a.totalDisplay).toBe("55.00");
  });

  it("parity: (commissioners' mean 2 + technicians' mean 5) / 2 = 3.5 → total 70", () => {
    const result = scoreTender({ ...input, rule: "PANEL_PARITY" });
    expect(result.bids[0]!.cells[0]!.scoreDisplay).toBe("3.50");
    expect(result.bids[0]!.totalDisplay).toBe("70.00");
    expect(result.ruleDescription).toMatch(/^Panel parity/);
  });

  it("parity with one group silent on a cell uses the other group's mean and says so", () => {
    const result = scoreTender({ ...input, rule: "PANEL_PARITY", votes: input.votes.filter((v) => v.memberId.startsWith("c")) });
    expect(result.bids[0]!.cells[0]!.scoreDisplay).toBe("2.00");
    expect(result.bids[0]!.cells[0]!.parityFallback).toBe(true);
  });
});

describe("exact arithmetic, rounded once", () => {
  it("thirds: (4 + 4 + 5)/3 = 13/3 → 4.33; total 100 × 13/3 / 5 = 260/3 = 86.666… → 86.67", () => {
    const result = scoreTender({
      rule: "EQUAL_VOTES",
      criteria: [{ id: "q", name: "Q", weight: 100, kind: "QUALITY" }],
      bids: [{ id: "A", label: "A", pricePence: null }],
      members: [C1, T1, T2],
      votes: votes("A", "q", { c1: 4, t1: 4, t2: 5 }),
    });
    expect(result.bids[0]!.cells[0]!.score!.toString()).toBe("13/3");
    expect(result.bids[0]!.cells[0]!.scoreDisplay).toBe("4.33");
    expect(result.bids[0]!.total!.toString()).toBe("260/3");
    expect(result.bids[0]!.totalDisplay).toBe("86.67");
  });

  it("rounds half up from the exact value, never twice", () => {
    expect(Fraction.of(469, 200).toFixed2()).toBe("2.35"); // 2.345 exactly
    expect(Fraction.of(2344999, 1000000).toFixed2()).toBe("2.34");
    expect(Fraction.of(1, 3).toFixed2()).toBe("0.33");
    expect(Fraction.of(2, 3).toFixed2()).toBe("0.67");
    expect(Fraction.of(1, 200).toFixed2()).toBe("0.01");
    expect(Fraction.of(-1, 200).toFixed2()).toBe("-0.01");
    expect(Fraction.of(0).toFixed2()).toBe("0.00");
    // 0.1 + 0.2 is exactly 0.3 here
    expect(Fraction.of(1, 10).add(Fraction.of(2, 10)).equals(Fraction.of(3, 10))).toBe(true);
  });
});

describe("ties, divergence and who is counted", () => {
  it("equal totals rank equal, are flagged, and the next rank is skipped", () => {
    const input: ScoringInput = {
      rule: "EQUAL_VOTES",
      criteria: [{ id: "q", name: "Q", weight: 100, kind: "QUALITY" }],
      bids: ["A", "B", "C"].map((id) => ({ id, label: id, pricePence: null })),
      members: [C1, T1],
      votes: [...votes("A", "q", { c1: 4, t1: 3 }), ...votes("B", "q", { c1: 3, t1: 4 }), ...votes("C", "q", { c1: 2, t1: 2 })],
    };
    const result = scoreTender(input);
    expect(result.bids.map((b) => [b.label, b.totalDisplay, b.rank, b.tie])).toEqual([
      ["A", "70.00", 1, true],
      ["B", "70.00", 1, true],
      ["C", "40.00", 3, false],
    ]);
    expect(result.ties).toEqual([["A", "B"]]);
  });

  it("flags a criterion as divergent when max − min ≥ 2, not at 1", () => {
    const input: ScoringInput = {
      ...base,
      votes: [
        ...votes("A", "q1", { c1: 2, t1: 4 }),
        ...votes("A", "q2", { c1: 3, t1: 4 }),
        ...votes("B", "q1", { c1: 3, t1: 3 }),
        ...votes("B", "q2", { c1: 3, t1: 3 }),
      ],
    };
    const a = scoreTender(input).bids.find((b) => b.bidId === "A")!;
    expect([a.cells[0]!.divergent, a.cells[1]!.divergent]).toEqual([true, false]);
  });

  it("excluded, withdrawn and absent members' votes are not counted, and they are listed", () => {
    const members: ScoringMember[] = [
      C1,
      { ...C2, status: "EXCLUDED" },
      { ...T1, status: "WITHDRAWN" },
      T2,
      { id: "t3", role: "TECHNICIAN", status: "ABSENT" },
    ];
    const result = scoreTender({
      rule: "EQUAL_VOTES",
      criteria: [{ id: "q", name: "Q", weight: 100, kind: "QUALITY" }],
      bids: [{ id: "A", label: "A", pricePence: null }],
      members,
      votes: votes("A", "q", { c1: 4, c2: 0, t1: 0, t2: 2, t3: 0 }),
    });
    // Only c1 (4) and t2 (2): (4 + 2)/2 = 3
    expect(result.bids[0]!.cells[0]!.scoreDisplay).toBe("3.00");
    expect(result.bids[0]!.cells[0]!.votes.map((v) => v.memberId)).toEqual(["c1", "t2"]);
    expect(result.notCounted).toEqual({ excluded: ["c2"], withdrawn: ["t1"], absent: ["t3"] });
  });

  it("a bid with a quality criterion nobody counted voted on is incomplete: no total, no rank, listed last", () => {
    const result = scoreTender({ ...base, votes: base.votes.filter((v) => !(v.bidId === "A" && v.criterionId === "q2")) });
    expect(result.bids.map((b) => [b.label, b.rank, b.incomplete, b.totalDisplay])).toEqual([
      ["Bid B", 1, false, "74.50"],
      ["Bid A", null, true, null],
    ]);
  });

  it("a non-compliant or missing price scores 0 and does not set the lowest price", () => {
    const result = scoreTender({
      ...base,
      bids: [
        { id: "A", label: "Bid A", pricePence: 50_000_000, priceCompliant: false },
        { id: "B", label: "Bid B", pricePence: 125_000_000 },
      ],
    });
    expect(result.bids.find((b) => b.bidId === "A")!.cells[2]!.scoreDisplay).toBe("0.00");
    expect(result.bids.find((b) => b.bidId === "B")!.cells[2]!.scoreDisplay).toBe("5.00");
  });
});

describe("invalid input is refused", () => {
  const bad = (patch: Partial<ScoringInput>) => () => scoreTender({ ...base, ...patch });
  it.each([
    ["a score above 5", { votes: votes("A", "q1", { c1: 6 }) }],
    ["a fractional score", { votes: votes("A", "q1", { c1: 2.5 }) }],
    ["a vote by an unknown member", { votes: votes("A", "q1", { nobody: 3 }) }],
    ["a vote on an unknown bid", { votes: votes("Z", "q1", { c1: 3 }) }],
    ["a duplicate vote", { votes: [...votes("A", "q1", { c1: 3 }), ...votes("A", "q1", { c1: 4 })] }],
    ["a vote on price", { votes: votes("A", "p", { c1: 3 }) }],
    ["two price criteria", { criteria: [...base.criteria, { id: "p2", name: "P2", weight: 0, kind: "PRICE" as const }] }],
    ["a weight over 100", { criteria: [{ id: "q1", name: "Q", weight: 101, kind: "QUALITY" as const }] }],
    ["a price of 0", { bids: [{ id: "A", label: "A", pricePence: 0 }] }],
  ])("%s", (_name, patch) => {
    expect(bad(patch as Partial<ScoringInput>)).toThrow(ScoringInputError);
  });
});
