import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Fraction } from "@/domain/fraction";
import { scoreTender, type ScoringInput } from "@/domain/scoring";

// Properties of the scoring engine over random panels and votes.
const RUNS = { numRuns: 150 };

const panel = fc.array(fc.constantFrom("COMMISSIONER" as const, "TECHNICIAN" as const), { minLength: 1, maxLength: 8 });

/** A random tender: 1–4 quality criteria whose weights sum to 100, 1–5 bids, every member votes on everything. */
const tender = fc
  .record({
    roles: panel,
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
    bidCount: fc.integer({ min: 1, max: 5 }),
    rule: fc.constantFrom("EQUAL_VOTES" as const, "PANEL_PARITY" as const),
    seed: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ roles, weights, bidCount, rule, seed }): ScoringInput => {
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const scaled = weights.map((w) => Math.floor((w * 100) / total));
    scaled[0]! += 100 - scaled.reduce((a, b) => a + b, 0);
    const criteria = scaled.map((weight, i) => ({ id: `q${i}`, name: `Q${i}`, weight, kind: "QUALITY" as const }));
    const bids = Array.from({ length: bidCount }, (_, i) => ({ id: `b${i}`, label: `Bid ${i}`, pricePence: null }));
    const members = roles.map((role, i) => ({ id: `m${i}`, role, status: "COUNTED" as const }));
    let k = 0;
    const votes = members.flatMap((m) =>
      bids.flatMap((b) => criteria.map((c) => ({ memberId: m.id, bidId: b.id, criterionId: c.id, score: seed[k++ % seed.length]! }))),
    );
    return { rule, criteria, bids, members, votes };
  });

describe("scoring properties", () => {
  it("totals are always within 0–100 when weights sum to 100", () => {
    fc.assert(
      fc.property(tender, (input) => {
        for (const bid of scoreTender(input).bids) {
          expect(bid.total!.compare(Fraction.of(0))).toBeGreaterThanOrEqual(0);
          expect(bid.total!.compare(Fraction.of(100))).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it("ranks form a competition ranking: rank = 1 + number of strictly better bids; equal totals, equal ranks, flagged", () => {
    fc.assert(
      fc.property(tender, (input) => {
        const bids = scoreTender(input).bids;
        for (const bid of bids) {
          const better = bids.filter((o) => o.total!.compare(bid.total!) > 0).length;
          expect(bid.rank).toBe(1 + better);
          expect(bid.tie).toBe(bids.some((o) => o !== bid && o.total!.equals(bid.total!)));
        }
        const ranks = bids.map((b) => b.rank!);
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
      RUNS,
    );
  });

  it("every vote equal: relabelling a technician as a commissioner changes nothing", () => {
    fc.assert(
      fc.property(tender, fc.nat(), (input, pick) => {
        const equal = { ...input, rule: "EQUAL_VOTES" as const };
        const i = pick % equal.members.length;
        const relabelled = {
          ...equal,
          members: equal.members.map((m, j) =>
            j === i ? { ...m, role: m.role === "TECHNICIAN" ? ("COMMISSIONER" as const) : ("TECHNICIAN" as const) } : m,
          ),
        };
        const a = scoreTender(equal).bids.map((b) => [b.bidId, b.total!.toString(), b.rank]);
        const b = scoreTender(relabelled).bids.map((b) => [b.bidId, b.total!.toString(), b.rank]);
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it("every vote equal: adding a vote equal to a cell's (whole-number) mean does not change it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), (scores) => {
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
        fc.pre(Number.isInteger(mean));
        const make = (all: number[]): ScoringInput => ({
          rule: "EQUAL_VOTES",
          criteria: [{ id: "q", name: "Q", weight: 100, kind: "QUALITY" }],
          bids: [{ id: "b", label: "B", pricePence: null }],
          members: all.map((_, i) => ({ id: `m${i}`, role: i % 2 ? "TECHNICIAN" : "COMMISSIONER", status: "COUNTED" })),
          votes: all.map((score, i) => ({ memberId: `m${i}`, bidId: "b", criterionId: "q", score })),
        });
        const before = scoreTender(make(scores)).bids[0]!.cells[0]!.score!;
        const after = scoreTender(make([...scores, mean])).bids[0]!.cells[0]!.score!;
        expect(after.equals(before)).toBe(true);
      }),
      RUNS,
    );
  });

  it("scaling every weight by the same positive whole number keeps the ranks", () => {
    fc.assert(
      fc.property(tender, fc.integer({ min: 2, max: 7 }), (input, k) => {
        // Weights over 100 are refused by design, so scale a copy whose weights are at most 100/k.
        const small = { ...input, criteria: input.criteria.map((c) => ({ ...c, weight: Math.floor(c.weight / k) })) };
        const scaled = { ...small, criteria: small.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        const ranks = (x: ScoringInput) =>
          scoreTender(x)
            .bids.map((b) => [b.bidId, b.rank])
            .sort();
        expect(ranks(scaled)).toEqual(ranks(small));
      }),
      RUNS,
    );
  });
});
