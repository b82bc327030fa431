import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { answerField, answerWithCode } from "@/server/shaping/answer-with-code";
import { checkView, withdrawQuote } from "@/server/shaping/check-view";
import { makeCodes } from "@/server/shaping/make-codes";
import { anonymousBreakdown, checkQueue, consentedQuotes, readableViews, viewCounts } from "@/server/shaping/views-queries";
import { fieldErrors } from "../fixtures/expect-invalid";
import { shapingStage, type TestStage } from "../fixtures/shaping-builders";

const NOW = new Date("2026-12-08T10:00:00Z");
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

const DISCLOSURE_WORDS = "Someone on my wing hurts me at night";

/** A stage with three anonymous young people's answers and one young commissioner's portal answer, all waiting. */
async function stageWithAnswers() {
  const s = await shapingStage();
  const { cards } = await makeCodes(s.facilitator, s.stageId, { count: "3" }, NOW);
  const q = (i: number) => answerField(s.questionIds[i]!);
  await answerWithCode(
    { code: cards[0]!.code, values: { [q(0)]: "More nurses at night", [q(1)]: "The dentist", quoteConsent: "yes", ageBand: "AGE_17" } },
    freshIp(),
    NOW,
  );
  await answerWithCode(
    { code: cards[1]!.code, values: { [q(0)]: DISCLOSURE_WORDS, quoteConsent: "yes" } },
    freshIp(),
    new Date(NOW.getTime() + 60_000),
  );
  await answerWithCode({ code: cards[2]!.code, values: { [q(3)]: "asdf asdf" } }, freshIp(), new Date(NOW.getTime() + 120_000));
  await db.shapingView.create({
    data: {
      stageId: s.stageId,
      questionId: s.questionIds[2]!,
      source: "MEMBER",
      text: "Staff who explain things",
      authorId: s.young.id,
      createdAt: new Date(NOW.getTime() + 180_000),
    },
  });
  const views = await db.shapingView.findMany({ where: { stageId: s.stageId } });
  const byText = (text: string) => views.find((v) => v.text === text)!.id;
  return { ...s, byText };
}

/** Everything a reader can get from the read side, as one string to search. */
async function everythingReadBy(s: TestStage, who: (typeof s)["lead"]): Promise<string> {
  const parts: unknown[] = [];
  for (const read of [readableViews, viewCounts, anonymousBreakdown, checkQueue]) {
    parts.push(
      await read(who, s.stageId).catch((e: unknown) =>
        e instanceof Forbidden || e instanceof NotFound ? e.constructor.name : Promise.reject(e),
      ),
    );
  }
  return JSON.stringify(parts);
}

describe("the facilitator's check", () => {
  it("lists every waiting answer oldest first, one group per code card or young commissioner", async () => {
    const s = await stageWithAnswers();
    const queue = await checkQueue(s.facilitator, s.stageId);
    expect(queue.groups.map((g) => g.label)).toEqual([
      "Answers on one code card (batch 1)",
      "Answers on one code card (batch 1)",
      "Answers on one code card (batch 1)",
      expect.stringMatching(/\(young commissioner\)$/),
    ]);
    expect(queue.groups[0]!.views.map((v) => v.text).sort()).toEqual(["More nurses at night", "The dentist"]);
    expect(queue.groups[0]!.views[0]!.question).toMatch(/better about health care|matter most/);
    expect(queue.counts).toMatchObject({ waiting: 5, accepted: 0, flagged: 0, codeAnswerers: 3 });
  });

  it("nobody but facilitators reads a waiting answer (members, the young commissioner (except their own), the governor, outsiders)", async () => {
    const s = await stageWithAnswers();
    for (const who of [s.member, s.young, s.governor]) await expect(checkQueue(who, s.stageId)).rejects.toBeInstanceOf(Forbidden);
    await expect(checkQueue(s.outsider, s.stageId)).rejects.toBeInstanceOf(NotFound);
    expect(await readableViews(s.member, s.stageId)).toEqual([]);
    expect(await readableViews(s.facilitator, s.stageId)).toEqual([]);
    expect((await readableViews(s.young, s.stageId)).map((v) => [v.text, v.mine, v.waiting])).toEqual([
      ["Staff who explain things", true, true],
    ]);
    await expect(readableViews(s.governor, s.stageId)).resolves.toEqual([]);
    await expect(readableViews(s.outsider, s.stageId)).rejects.toBeInstanceOf(NotFound);
  });

  it("accepts, sets aside with a reason kept for the audit, and flags a disclosure; once each", async () => {
    const s = await stageWithAnswers();
    await checkView(s.facilitator, s.byText("More nurses at night"), { decision: "accept" }, NOW);
    expect(await fieldErrors(checkView(s.facilitator, s.byText("asdf asdf"), { decision: "setAside", reason: "  " }, NOW))).toHaveProperty(
      "reason",
    );
    expect(await fieldErrors(checkView(s.facilitator, s.byText("asdf asdf"), { decision: "delete" }, NOW))).toHaveProperty("decision");
    await checkView(s.facilitator, s.byText("asdf asdf"), { decision: "setAside", reason: "Keyboard mash, not an answer" }, NOW);
    await checkView(s.facilitator, s.byText(DISCLOSURE_WORDS), { decision: "disclosure" }, NOW);
    await expect(checkView(s.lead, s.byText("More nurses at night"), { decision: "setAside", reason: "no" }, NOW)).rejects.toBeInstanceOf(
      Conflict,
    );
    await expect(checkView(s.young, s.byText("The dentist"), { decision: "accept" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(checkView(s.outsider, s.byText("The dentist"), { decision: "accept" }, NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(checkView(s.facilitator, "not-an-id", { decision: "accept" }, NOW)).rejects.toBeInstanceOf(NotFound);

    const setAside = await db.auditEvent.findFirstOrThrow({ where: { action: "shaping.view_checked", entityId: s.byText("asdf asdf") } });
    expect(setAside.after).toEqual({ check: "SET_ASIDE", reason: "Keyboard mash, not an answer" });
    const flagged = await db.auditEvent.findFirstOrThrow({
      where: { action: "shaping.view_checked", entityId: s.byText(DISCLOSURE_WORDS) },
    });
    expect(JSON.stringify(flagged.after) + JSON.stringify(flagged.before)).not.toContain("hurts");

    // Accepted answers are read by the stage's members; the set-aside one by nobody.
    for (const who of [s.member, s.lead, s.facilitator, s.young]) {
      const texts = (await readableViews(who, s.stageId)).map((v) => v.text);
      expect(texts).toContain("More nurses at night");
      expect(texts).not.toContain("asdf asdf");
    }
  });

  it("lets the flagging facilitator alone read a disclosure: every other reader gets a count at most", async () => {
    const s = await stageWithAnswers();
    await checkView(s.facilitator, s.byText(DISCLOSURE_WORDS), { decision: "disclosure" }, NOW);

    const flagger = await checkQueue(s.facilitator, s.stageId);
    expect(flagger.myDisclosures.map((v) => v.text)).toEqual([DISCLOSURE_WORDS]);
    expect(flagger.counts.flagged).toBe(1);

    // A test per reader: the words never reach them through any read.
    for (const [name, who] of [
      ["the tender's lead (another facilitator)", s.lead],
      ["another commissioner member", s.member],
      ["the young commissioner", s.young],
      ["the establishment's governor", s.governor],
      ["a commissioner with no part", s.outsider],
    ] as const) {
      const seen = await everythingReadBy(s, who);
      expect(seen, name).not.toContain("hurts me");
    }
    expect((await checkQueue(s.lead, s.stageId)).counts.flagged).toBe(1);
    expect((await viewCounts(s.governor, s.stageId)).flagged).toBe(1);
    // Nor is it a quote, though the young person agreed to be quoted.
    expect(JSON.stringify(await consentedQuotes(db, s.stageId))).not.toContain("hurts me");
    // Another facilitator cannot withdraw its quote either (that would confirm it exists).
    await expect(withdrawQuote(s.lead, s.byText(DISCLOSURE_WORDS), NOW)).rejects.toBeInstanceOf(NotFound);
  });

  it("keeps quote consent with the answer, and a facilitator can withdraw it for the young person", async () => {
    const s = await stageWithAnswers();
    const id = s.byText("More nurses at night");
    await checkView(s.facilitator, id, { decision: "accept" }, NOW);
    expect((await consentedQuotes(db, s.stageId)).map((q) => q.text)).toEqual(["More nurses at night"]);
    expect((await readableViews(s.member, s.stageId)).find((v) => v.id === id)!.quotable).toBe(true);
    await expect(withdrawQuote(s.member, id, NOW)).rejects.toBeInstanceOf(Forbidden);
    await withdrawQuote(s.lead, id, NOW);
    expect(await consentedQuotes(db, s.stageId)).toEqual([]);
    expect((await readableViews(s.member, s.stageId)).find((v) => v.id === id)!.quotable).toBe(false);
    // The answer itself stays.
    expect((await readableViews(s.member, s.stageId)).map((v) => v.text)).toContain("More nurses at night");
    await expect(withdrawQuote(s.lead, id, NOW)).rejects.toBeInstanceOf(Conflict);
    await checkView(s.facilitator, s.byText("asdf asdf"), { decision: "accept" }, NOW);
    await expect(withdrawQuote(s.lead, s.byText("asdf asdf"), NOW)).rejects.toBeInstanceOf(Conflict);
    expect(await db.auditEvent.count({ where: { action: "shaping.quote_withdrawn", entityId: id } })).toBe(1);
  });

  it("closes with ranking", async () => {
    const s = await stageWithAnswers();
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "CLOSED" } });
    await expect(checkView(s.facilitator, s.byText("The dentist"), { decision: "accept" }, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await checkQueue(s.facilitator, s.stageId)).open).toBe(false);
  });
});

describe("breakdowns of anonymous answers", () => {
  it("show fewer than 5 for any group under 5 young people, by age band and by batch", async () => {
    const s = await shapingStage();
    const first = await makeCodes(s.facilitator, s.stageId, { count: "6" }, NOW);
    const second = await makeCodes(s.facilitator, s.stageId, { count: "2" }, NOW);
    const q = answerField(s.questionIds[0]!);
    for (const card of first.cards)
      await answerWithCode({ code: card.code, values: { [q]: "More nurses", ageBand: "AGE_17" } }, freshIp(), NOW);
    for (const card of second.cards)
      await answerWithCode({ code: card.code, values: { [q]: "Quicker dentist", ageBand: "UNDER_15" } }, freshIp(), NOW);
    for (const view of await db.shapingView.findMany({ where: { stageId: s.stageId } }))
      await checkView(s.facilitator, view.id, { decision: "accept" }, NOW);
    const breakdown = await anonymousBreakdown(s.governor, s.stageId);
    expect(breakdown.byAgeBand).toEqual([
      { label: "Under 15", count: "fewer than 5" },
      { label: "17", count: "6" },
    ]);
    expect(breakdown.byBatch).toEqual([
      { batch: 1, count: "6" },
      { batch: 2, count: "fewer than 5" },
    ]);
  });

  it("count only accepted answers", async () => {
    const s = await stageWithAnswers();
    expect(await anonymousBreakdown(s.lead, s.stageId)).toEqual({ byAgeBand: [], byBatch: [] });
  });
});

describe("checking input", () => {
  it("refuses a huge reason", async () => {
    const s = await stageWithAnswers();
    const error = await checkView(s.facilitator, s.byText("asdf asdf"), { decision: "setAside", reason: "r".repeat(10_000) }, NOW).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    expect((await db.shapingView.findUniqueOrThrow({ where: { id: s.byText("asdf asdf") } })).check).toBe("WAITING");
  });
});
