import { describe, expect, it } from "vitest";
import { agreementsNeeded, describeGate, evaluateGate, type GateInput } from "@/domain/co-production-gate";
import { describeChanges, type DraftSpecification } from "@/domain/draft-specification";
import { parseBallot, placeField } from "@/domain/theme-ballot";

const base = (over: Partial<GateInput> = {}): GateInput => ({
  stageClosed: true,
  youngCommissionerIds: ["a", "b", "c", "d"],
  reviews: [],
  currentHash: "h2",
  override: null,
  ...over,
});
const agree = (userId: string, contentHash = "h2") => ({ userId, contentHash, decision: "AGREE" as const });

describe("the co-production gate", () => {
  it("needs more than half: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5", () => {
    expect([1, 2, 3, 4, 5].map(agreementsNeeded)).toEqual([1, 2, 2, 3, 3]);
  });

  it("a tie is not most; agreements to an earlier draft or by non-members do not count", () => {
    expect(evaluateGate(base({ reviews: [agree("a"), agree("b")] })).state).toBe("WAITING");
    expect(evaluateGate(base({ reviews: [agree("a"), agree("b"), agree("c", "h1")] })).open).toBe(false);
    expect(evaluateGate(base({ reviews: [agree("a"), agree("b"), agree("x")] })).open).toBe(false);
    expect(evaluateGate(base({ reviews: [agree("a"), agree("b"), agree("c")] }))).toMatchObject({ state: "AGREED", open: true, notYet: 1 });
  });

  it("stays shut while the stage is open, whatever the agreement", () => {
    expect(evaluateGate(base({ stageClosed: false, reviews: ["a", "b", "c", "d"].map((u) => agree(u)) })).state).toBe("STAGE_OPEN");
  });

  it("nobody taking part cannot agree; an override for this draft opens it, one for an earlier draft does not", () => {
    expect(evaluateGate(base({ youngCommissionerIds: [] })).open).toBe(false);
    expect(evaluateGate(base({ override: { reason: "r", contentHash: "h2" } })).state).toBe("OVERRIDDEN");
    const stale = evaluateGate(base({ override: { reason: "r", contentHash: "h1" } }));
    expect(stale).toMatchObject({ state: "WAITING", overrideStale: true });
    expect(describeGate(stale)).toContain("for an earlier draft");
  });

  it("says where it is in words", () => {
    const gate = evaluateGate(base({ reviews: [agree("a"), { userId: "b", contentHash: "h2", decision: "CHANGES_NEEDED" }] }));
    expect(describeGate(gate)).toBe(
      "Waiting for the young commissioners: 1 of 4 young commissioners agree to the current draft, 1 asked for changes, 2 not answered yet; 3 must agree.",
    );
  });
});

describe("a ballot", () => {
  const themes = [
    { id: "t1", title: "Food" },
    { id: "t2", title: "Staff" },
    { id: "t3", title: "Waiting" },
  ];
  const post = (...places: string[]) => Object.fromEntries(themes.map((t, i) => [placeField(t.id), places[i]]));

  it("reads a permutation", () => {
    const result = parseBallot(themes, post("2", "3", "1"));
    expect(result.ok && [...result.ranks.entries()]).toEqual([
      ["t1", 2],
      ["t2", 3],
      ["t3", 1],
    ]);
  });

  it("refuses missing, out-of-range, non-numeric and shared places", () => {
    expect(parseBallot(themes, post("1", "", "2"))).toEqual({ ok: false, errors: { [placeField("t2")]: "Choose a place for “Staff”" } });
    expect(parseBallot(themes, post("1", "2", "4")).ok).toBe(false);
    expect(parseBallot(themes, post("1", "2", "0")).ok).toBe(false);
    expect(parseBallot(themes, post("1", "2", "2.0")).ok).toBe(false);
    expect(parseBallot(themes, post("1", "1", "1"))).toMatchObject({
      ok: false,
      errors: { [placeField("t3")]: "You put “Food”, “Staff” and “Waiting” all in place 1: give each theme a different place" },
    });
  });
});

describe("what changed in the draft", () => {
  const draft = (over: Partial<DraftSpecification> = {}): DraftSpecification => ({
    requirements: [
      { id: "r1", text: "Hot meals", themes: [{ id: "t1", title: "Food" }] },
      { id: "r2", text: "See a nurse in a day", themes: [] },
    ],
    criteria: [
      { id: "c1", name: "Quality", description: "", plainLanguageDescription: "Good care", weight: 60, kind: "QUALITY", themes: [] },
    ],
    ...over,
  });

  it("nothing when nothing changed", () => {
    expect(describeChanges(draft(), draft())).toEqual([]);
  });

  it("names added, removed and changed requirements and criteria", () => {
    const after = draft({
      requirements: [
        { id: "r3", text: "Visits on time", themes: [] },
        { id: "r1", text: "Hot meals", themes: [] },
      ],
      criteria: [
        { id: "c1", name: "Quality", description: "", plainLanguageDescription: "Good care", weight: 50, kind: "QUALITY", themes: [] },
      ],
    });
    expect(describeChanges(draft(), after)).toEqual([
      { kind: "added", what: "Requirement: Visits on time" },
      { kind: "changed", what: "Requirement: Hot meals", detail: "It answered: Food. Now: no theme." },
      { kind: "moved", what: "Requirement: Hot meals", detail: "Now number 2, was 1." },
      { kind: "removed", what: "Requirement: See a nurse in a day" },
      { kind: "changed", what: "Question for providers: Quality", detail: "Worth 50 of 100 points, was 60." },
    ]);
  });
});
