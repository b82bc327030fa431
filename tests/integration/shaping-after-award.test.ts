// What young people shaped, after the bids (issue 24): in the award summary the governor signs (and a summary frozen
// before shaping existed still parses), in "You said, we did", in the printable summary for the wing and in open data.
import { beforeEach, describe, expect, it } from "vitest";
import { decideAward } from "@/server/awards/decide-award";
import { getAwardSignOff, getPanelOutcome } from "@/server/awards/queries";
import { parseAwardSummary } from "@/server/awards/award-summary";
import { recommendAward } from "@/server/awards/recommend-award";
import { db } from "@/server/db";
import { Forbidden, NotFound } from "@/server/errors";
import { publishOcdsRelease } from "@/server/ocds/publish-release";
import { getYouSaidWeDid } from "@/server/shaping/summary-queries";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";
import { createActor } from "../fixtures/factories";
import { validateOcds } from "../fixtures/ocds-schemas";
import { HIDDEN, QUOTES, shapeTender, type ShapedTender } from "../fixtures/shaped-tender";

let t: FrozenTender;
let shaped: ShapedTender;
const RECOMMENDED = new Date("2026-12-21T14:00:00.000Z");
const APPROVED = new Date("2026-12-21T15:00:00.000Z");

beforeEach(async () => {
  t = await frozenTender();
});

async function recommendAndApprove() {
  const { awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
    RECOMMENDED,
  );
  const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
  await decideAward(t.governor, awardDecisionId, { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash }, APPROVED);
  return awardDecisionId;
}

describe("the award summary and the governor's sign-off", () => {
  it("show how the winning bid answers each high-priority theme, and the gate's outcome", async () => {
    shaped = await shapeTender(t);
    const { awardDecisionId } = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      RECOMMENDED,
    );
    const request = await getAwardSignOff(t.governor, awardDecisionId);
    const shaping = request.summary.shaping!;
    expect(shaping.tookPart).toBe("24 young people took part");
    expect(
      shaping.themes.filter((th) => th.highPriority).map((th) => [th.title, th.place, th.criteria.map((c) => [c.name, c.score])]),
    ).toEqual([
      ["Respect and privacy", 1, [["Quality", "4.00"]]],
      ["Help at night", 2, [["Working together", "4.00"]]],
      [
        "Seeing the same nurse",
        3,
        [
          ["Quality", "4.00"],
          ["Price", "5.00"],
        ],
      ],
    ]);
    expect(shaping.themes.at(-1)).toMatchObject({ title: "Family contact", highPriority: false, criteria: [] });
    expect(shaping.gate).toEqual({ youngCommissioners: 2, agreed: 2, askedForChanges: 0, override: null });
    expect(request.shapingStageId).toBe(shaped.stageId);
    // What the governor signs holds no young person's words but none at all: not even the consented quotes.
    const text = JSON.stringify(request.summary);
    for (const words of [...Object.values(HIDDEN), ...Object.values(QUOTES)]) expect(text).not.toContain(words);
  });

  it("parses a summary frozen before shaping existed, and the shaping part when it is there", async () => {
    shaped = await shapeTender(t);
    const awardDecisionId = await recommendAndApprove();
    const stored = (await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } })).summary as Record<string, unknown>;
    const { shaping, ...old } = stored;
    expect(shaping).toBeDefined();
    // An old summary (schemaVersion 1, no shaping) parses as it always did.
    expect(parseAwardSummary(old).shaping).toBeUndefined();
    expect(parseAwardSummary(old).recommended.bidId).toBe(t.bids.a);
    expect(parseAwardSummary(stored).shaping!.themes).toHaveLength(4);
    // A shaping part of another shape is refused, not half read.
    expect(() => parseAwardSummary({ ...old, shaping: { themes: "x" } })).toThrow(/shaping/);
  });

  it("shows the commissioner's reason when the tender went ahead without the young commissioners", async () => {
    shaped = await shapeTender(t, { override: "The young commissioners had left before the review." });
    const { awardDecisionId } = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      RECOMMENDED,
    );
    const { summary } = await getAwardSignOff(t.governor, awardDecisionId);
    expect(summary.shaping!.gate).toEqual({
      youngCommissioners: 2,
      agreed: 0,
      askedForChanges: 0,
      override: { reason: "The young commissioners had left before the review.", at: "2026-11-02T10:00:00.000Z" },
    });
  });
});

describe("You said, we did", () => {
  it("starts from the themes and follows them to the criteria, the scores and the contract", async () => {
    shaped = await shapeTender(t);
    await recommendAndApprove();
    const outcome = await getPanelOutcome(t.technicians[0]!, t.id);
    expect(outcome.shaping!.themes.map((th) => th.title)).toEqual([
      "Respect and privacy",
      "Help at night",
      "Seeing the same nurse",
      "Family contact",
    ]);
    expect(outcome.shaping!.themes[1]!.criteria).toEqual([
      { criterionId: t.criteria.secondQuality, name: "Working together", kind: "QUALITY", score: "4.00" },
    ]);
  });

  it("prints for the wing: the facilitators and the governor, nobody else, with no names and no quotes", async () => {
    shaped = await shapeTender(t);
    const before = await getYouSaidWeDid(t.commissioner, shaped.stageId);
    expect(before.to).toEqual({ state: "NOT_YET" });
    expect(before.shaping!.themes[0]).toEqual({
      title: "Respect and privacy",
      place: 1,
      criteria: [{ name: "Quality", kind: "QUALITY", score: null }],
    });

    await recommendAndApprove();
    const after = await getYouSaidWeDid(t.governor, shaped.stageId);
    expect(after.to).toMatchObject({ state: "PENDING", provider: expect.stringMatching(/^Bidder A/) });
    expect(after.shaping!.themes[2]!.criteria.map((c) => c.score)).toEqual(["4.00", "5.00"]);
    const text = JSON.stringify(after);
    for (const words of [...Object.values(HIDDEN), ...Object.values(QUOTES)]) expect(text).not.toContain(words);
    for (const person of [...t.panel, t.governor]) expect(text).not.toContain(person.name);

    // A young commissioner taking part may read the stage, but not print this: refused. Anyone else: not found.
    await expect(getYouSaidWeDid(t.technicians[0]!, shaped.stageId)).rejects.toBeInstanceOf(Forbidden);
    await expect(getYouSaidWeDid(t.otherGovernor, shaped.stageId)).rejects.toBeInstanceOf(NotFound);
    await expect(getYouSaidWeDid(await createActor("COMMISSIONER"), shaped.stageId)).rejects.toBeInstanceOf(NotFound);
    await expect(getYouSaidWeDid(await createActor("PROVIDER"), shaped.stageId)).rejects.toBeInstanceOf(NotFound);
    await expect(getYouSaidWeDid(t.commissioner, "not-an-id")).rejects.toBeInstanceOf(NotFound);
  });
});

describe("open data", () => {
  async function release() {
    await db.$transaction((tx) => publishOcdsRelease(tx, t.id, "tenderUpdate", new Date("2026-12-21T16:00:00Z")));
    const row = await db.ocdsRelease.findFirstOrThrow({ where: { tenderId: t.id }, orderBy: { seq: "desc" } });
    return row.release as { planning?: Record<string, unknown> };
  }

  it("puts the themes, places and counts in planning: valid OCDS, no free text, no quotes", async () => {
    shaped = await shapeTender(t);
    const r = await release();
    expect(validateOcds("release-schema", r)).toEqual([]);
    const planning = r.planning as {
      rationale: string;
      documents: { documentType: string }[];
      youngPeoplesPriorities: {
        participants: Record<string, number>;
        themes: { title: string; priority: number; views: Record<string, number> }[];
      };
    };
    expect(planning.rationale).toMatch(/^Young people shaped this service before it was specified\. 24 young people took part/);
    expect(planning.rationale).toContain("1. Respect and privacy; 2. Help at night; 3. Seeing the same nurse; 4. Family contact");
    expect(planning.documents[0]!.documentType).toBe("needsAssessment");
    expect(planning.youngPeoplesPriorities.participants).toEqual({
      total: 24,
      focusGroups: 17,
      focusGroupSessions: 2,
      anonymousAnswers: 5,
      youngCommissioners: 2,
    });
    // Respect holds 5 anonymous answers (published) and 1 from a focus group (1 to 4: left out).
    expect(planning.youngPeoplesPriorities.themes[0]).toMatchObject({
      title: "Respect and privacy",
      priority: 1,
      views: { youngCommissioners: 0, anonymousAnswers: 5 },
    });
    expect(planning.youngPeoplesPriorities.themes[0]!.views).not.toHaveProperty("focusGroups");
    const text = JSON.stringify(r);
    for (const words of [...Object.values(HIDDEN), ...Object.values(QUOTES), "Staff knock and introduce themselves."])
      expect(text).not.toContain(words);
  });

  it("leaves out the anonymous count and the total when fewer than 5 answered", async () => {
    shaped = await shapeTender(t, { anonymousAccepted: 2 });
    const r = await release();
    expect(validateOcds("release-schema", r)).toEqual([]);
    const planning = r.planning as { rationale: string; youngPeoplesPriorities: { participants: Record<string, number> } };
    expect(planning.youngPeoplesPriorities.participants).toEqual({ focusGroups: 17, focusGroupSessions: 2, youngCommissioners: 2 });
    expect(planning.rationale).toContain("Between 20 and 23 young people took part");
    expect(planning.rationale).toContain("fewer than 5 answered a short form");
  });

  it("has no planning for a tender shaped without young people", async () => {
    const r = await release();
    expect(r.planning).toBeUndefined();
  });
});
