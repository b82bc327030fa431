// Issue 14, "each rule once": the score scale, the aggregation rules and the
// roles are defined in src/domain and every place that names or checks them
// reads them from there. Adding a rule or a role fails to compile until every
// Record<…> naming it has an entry (the @ts-expect-error lines below prove the
// compiler holds this: `npm run typecheck` fails if they stop being errors).
import { describe, expect, it } from "vitest";
import { awardCriteriaDetails } from "@/domain/ocds";
import { capitalised, PANEL_ROLE_NAMES, PANEL_ROLES, panelSeatName, ROLE_CHOICES, ROLE_LABELS, ROLES, type Role } from "@/domain/roles";
import { isOnScale, SCORE_MAX, SCORE_MIN, SCORE_RANGE_MESSAGE, scoreFromText } from "@/domain/score-scale";
import { AGGREGATION_RULES, RULE_DESCRIPTIONS, RULE_NAMES, type AggregationRule } from "@/domain/scoring";
import { SCORE_DESCRIPTORS } from "@/server/evaluation/score-input";
import { homePath } from "@/server/policy";

describe("the score scale", () => {
  it("is 0 to 5, and every point of it has a descriptor, in order", () => {
    expect([SCORE_MIN, SCORE_MAX]).toEqual([0, 5]);
    expect(SCORE_DESCRIPTORS.map((d) => d.score)).toEqual(Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i));
    expect(SCORE_RANGE_MESSAGE).toBe("Choose a score from 0 to 5");
  });

  it("reads a typed score only when it is a plain whole number on the scale", () => {
    for (let s = SCORE_MIN; s <= SCORE_MAX; s++) expect(scoreFromText(` ${s} `)).toBe(s);
    for (const bad of ["", "-1", "6", "05", "3.0", "3.5", "1e0", "+3", "three"]) expect(scoreFromText(bad)).toBeNull();
    expect([isOnScale(SCORE_MIN - 1), isOnScale(SCORE_MAX + 1), isOnScale(2.5)]).toEqual([false, false, false]);
  });
});

describe("the aggregation rules", () => {
  it("each have a description, a label, a summary, a hint and a published method", () => {
    for (const rule of AGGREGATION_RULES) {
      expect(RULE_DESCRIPTIONS[rule]).toMatch(/\w/);
      expect(RULE_NAMES[rule].label).toMatch(/\w/);
      expect(RULE_NAMES[rule].summary).toMatch(/\w/);
      expect(RULE_NAMES[rule].hint).toMatch(/\w/);
    }
    const published = AGGREGATION_RULES.map((rule) => awardCriteriaDetails([{ name: "Quality", weight: 100, kind: "QUALITY" }], rule));
    expect(new Set(published).size).toBe(AGGREGATION_RULES.length);
    expect(new Set(AGGREGATION_RULES.map((r) => RULE_NAMES[r].label)).size).toBe(AGGREGATION_RULES.length);
  });

  it("a rule without a name does not compile", () => {
    // @ts-expect-error PANEL_PARITY is missing: Record<AggregationRule, …> must name every rule
    const partial: Record<AggregationRule, string> = { EQUAL_VOTES: "x" };
    expect(partial).toBeDefined();
  });
});

describe("the roles", () => {
  it("each have a label, a choice on the invitation form and a landing page", () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]).toMatch(/\w/);
      expect(ROLE_CHOICES[role]).toMatch(/\w/);
      expect(homePath(role)).toMatch(/^\//);
    }
    expect(Object.keys(ROLE_CHOICES).sort()).toEqual([...ROLES].sort());
  });

  it("a role without a label does not compile", () => {
    // @ts-expect-error GOVERNOR, PROVIDER and ADMIN are missing
    const partial: Record<Role, string> = { COMMISSIONER: "x", TECHNICIAN: "y" };
    expect(partial).toBeDefined();
  });

  it("each panel role has its words, and a seat is named as before", () => {
    for (const role of PANEL_ROLES) expect(PANEL_ROLE_NAMES[role].many).toMatch(new RegExp(`^${PANEL_ROLE_NAMES[role].one}`));
    expect(panelSeatName("COMMISSIONER", null)).toBe("commissioner");
    expect(panelSeatName("TECHNICIAN", "B")).toBe("young commissioner B");
    expect(capitalised(panelSeatName("TECHNICIAN", "A"))).toBe("Young commissioner A");
    expect(capitalised(PANEL_ROLE_NAMES.TECHNICIAN.many)).toBe("Young commissioners");
  });
});
