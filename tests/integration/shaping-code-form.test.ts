import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests } from "@/server/errors";
import { CODE_NOT_WORKING, WRONG_CODES_PER_ADDRESS } from "@/server/one-time-codes/codes";
import { answerField, answerWithCode, MAX_ANSWER_LENGTH, openCodeForm } from "@/server/shaping/answer-with-code";
import { makeCodes, revokeCodes } from "@/server/shaping/make-codes";
import { codeBatches } from "@/server/shaping/views-queries";
import { fieldErrors } from "../fixtures/expect-invalid";
import { shapingStage } from "../fixtures/shaping-builders";

const NOW = new Date("2026-12-08T10:00:00Z");
let ipCounter = 0;
const freshIp = () => `198.18.0.${++ipCounter}`;

async function stageWithCodes(count = 3) {
  const s = await shapingStage({ gatheringUntil: "2026-12-31" });
  const made = await makeCodes(s.facilitator, s.stageId, { count: String(count) }, NOW);
  return { ...s, made, codes: made.cards.map((c) => c.code) };
}

async function rowsWritten(stageId: string) {
  return {
    views: await db.shapingView.count({ where: { stageId } }),
    used: await db.oneTimeCode.count({ where: { stageId, usedAt: { not: null } } }),
  };
}

describe("making code cards", () => {
  it("a facilitator makes a batch that works until the end of the last gathering day (London), with a QR code of the form's address", async () => {
    const s = await stageWithCodes(3);
    expect(s.made.batch).toBe(1);
    expect(s.made.lastDay).toBe("Thursday 31 December 2026");
    expect(s.made.cards).toHaveLength(3);
    for (const card of s.made.cards) {
      expect(card.qrSvg).toMatch(/^<svg[^>]*viewBox/);
      expect(card.qrSvg).not.toMatch(/<script|on\w+=/i);
    }
    const row = await db.oneTimeCode.findFirstOrThrow({ where: { stageId: s.stageId } });
    expect(row.expiresAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    // A chosen day in summer ends at midnight BST.
    const summer = await makeCodes(s.lead, s.stageId, { count: "1", expiresOn: "2027-06-30" }, NOW);
    expect(summer.batch).toBe(2);
    expect((await db.oneTimeCode.findFirstOrThrow({ where: { stageId: s.stageId, batch: 2 } })).expiresAt.toISOString()).toBe(
      "2027-06-30T23:00:00.000Z",
    );
  });

  it("refuses bad counts and days with a message by the field, writing nothing", async () => {
    const s = await shapingStage();
    const cases: [Record<string, string>, string][] = [
      [{ count: "" }, "count"],
      [{ count: "0" }, "count"],
      [{ count: "201" }, "count"],
      [{ count: "2.5" }, "count"],
      [{ count: "-3" }, "count"],
      [{ count: "９" }, "count"],
      [{ count: "9".repeat(5000) }, "count"],
      [{ count: "3", expiresOn: "2026-02-30" }, "expiresOn"],
      [{ count: "3", expiresOn: "yesterday" }, "expiresOn"],
      [{ count: "3", expiresOn: "2026-12-07" }, "expiresOn"],
      [{ count: "3", expiresOn: "2028-12-07" }, "expiresOn"],
    ];
    for (const [input, field] of cases)
      expect(Object.keys(await fieldErrors(makeCodes(s.facilitator, s.stageId, input, NOW))), JSON.stringify(input)).toContain(field);
    expect(await db.oneTimeCode.count({ where: { stageId: s.stageId } })).toBe(0);
  });

  it("is for the stage's facilitators, while views are gathered", async () => {
    const s = await shapingStage();
    for (const who of [s.member, s.young, s.governor])
      await expect(makeCodes(who, s.stageId, { count: "2" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(makeCodes(s.outsider, s.stageId, { count: "2" }, NOW)).rejects.toBeInstanceOf(NotFound);
    for (const who of [s.member, s.young, s.governor]) await expect(codeBatches(who, s.stageId, NOW)).rejects.toBeInstanceOf(Forbidden);
    for (const status of ["PLANNING", "PRIORITISING", "CLOSED"] as const) {
      const other = await shapingStage({ status });
      await expect(makeCodes(other.lead, other.stageId, { count: "2" }, NOW)).rejects.toBeInstanceOf(Conflict);
    }
    await expect(revokeCodes(s.young, s.stageId, "1", NOW)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.oneTimeCode.count()).toBe(await db.oneTimeCode.count({ where: { stageId: { not: s.stageId } } }));
  });

  it("shows a batch afterwards as counts only: made, used, expired, revoked", async () => {
    const s = await stageWithCodes(4);
    await answerWithCode({ code: s.codes[0], values: { [answerField(s.questionIds[0]!)]: "More nurses" } }, freshIp(), NOW);
    await revokeCodes(s.facilitator, s.stageId, "1", NOW);
    const { batches } = await codeBatches(s.facilitator, s.stageId, NOW);
    expect(batches).toEqual([expect.objectContaining({ batch: 1, made: 4, used: 1, revoked: 3, expired: 0, unused: 0 })]);
    expect(JSON.stringify(batches)).not.toContain(s.codes[1]!);
    await expect(revokeCodes(s.facilitator, s.stageId, "1", NOW)).rejects.toBeInstanceOf(Conflict);
    await expect(revokeCodes(s.facilitator, s.stageId, "abc", NOW)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("the anonymous form", () => {
  it("opens the stage's easy-read questions with a working code, and nothing with any other", async () => {
    const s = await stageWithCodes(1);
    const form = await openCodeForm(s.codes[0]!.toLowerCase(), freshIp(), NOW);
    expect(form.questions.map((q) => q.easyRead)).toEqual([
      "What should be better about health care here?",
      "Which health services matter most to you?",
      "What should the nurses, doctors and other staff be like?",
      "What stops you asking for help?",
    ]);
    expect(JSON.stringify(form)).not.toMatch(/Health service|facilitator|@/);
    const error = await openCodeForm("ABCD-EFGH-JK", freshIp(), NOW).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
  });

  it("saves one waiting view per answered question, uses the code, and records counts (not words) in the audit trail", async () => {
    const s = await stageWithCodes(2);
    const values = {
      [answerField(s.questionIds[0]!)]: "  Shorter waits to see the nurse \u0000\u202E ",
      [answerField(s.questionIds[1]!)]: "",
      [answerField(s.questionIds[2]!)]: "Kind 😊 and they listen. Ça va 👨‍👩‍👧",
      [answerField(s.questionIds[3]!)]: "   ",
      ageBand: "AGE_15_16",
      quoteConsent: "yes",
      [answerField("00000000-0000-0000-0000-000000000000")]: "not a question of this stage",
    };
    const result = await answerWithCode({ code: s.codes[0], values }, freshIp(), NOW);
    expect(result).toEqual({ answered: 2 });
    const views = await db.shapingView.findMany({ where: { stageId: s.stageId }, orderBy: { text: "desc" } });
    expect(views.map((v) => v.text)).toEqual(["Shorter waits to see the nurse", "Kind 😊 and they listen. Ça va 👨‍👩‍👧"]);
    for (const v of views)
      expect(v).toMatchObject({ source: "CODE", check: "WAITING", ageBand: "AGE_15_16", quoteConsent: true, authorId: null });
    expect(new Set(views.map((v) => v.codeId)).size).toBe(1);
    expect(await rowsWritten(s.stageId)).toEqual({ views: 2, used: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "shaping.views_sent_with_code", entityId: s.stageId } });
    expect(event.actorId).toBeNull();
    expect(JSON.stringify(event.after)).not.toMatch(/nurse|listen/);
    // The code cannot be used again: the same message as any code that does not work.
    const again = await answerWithCode({ code: s.codes[0], values }, freshIp(), NOW).catch((e: unknown) => e);
    expect((again as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    expect(await rowsWritten(s.stageId)).toEqual({ views: 2, used: 1 });
  });

  it("not choosing about quotes is no; no age is fine", async () => {
    const s = await stageWithCodes(1);
    await answerWithCode({ code: s.codes[0], values: { [answerField(s.questionIds[0]!)]: "Dentist" } }, freshIp(), NOW);
    expect(await db.shapingView.findFirstOrThrow({ where: { stageId: s.stageId } })).toMatchObject({ quoteConsent: false, ageBand: null });
  });

  it("writes nothing and keeps the code for an empty form, a too-long answer, a made-up age or consent", async () => {
    const s = await stageWithCodes(1);
    const q = answerField(s.questionIds[0]!);
    const cases: [Record<string, unknown>, string][] = [
      [{}, q],
      [{ [q]: " \n\t \u200B " }, q],
      [{ [q]: "x".repeat(MAX_ANSWER_LENGTH + 1) }, q],
      [{ [q]: "fine", ageBand: "AGE_99" }, "ageBand"],
      [{ [q]: "fine", quoteConsent: "maybe" }, "quoteConsent"],
      [{ [q]: ["an", "array"] }, q],
    ];
    for (const [values, field] of cases) {
      expect(
        Object.keys(await fieldErrors(answerWithCode({ code: s.codes[0], values }, freshIp(), NOW))),
        JSON.stringify(values).slice(0, 80),
      ).toContain(field);
    }
    expect(await rowsWritten(s.stageId)).toEqual({ views: 0, used: 0 });
    // Huge input with a wrong code: the code's message, nothing else read.
    const wrong = await answerWithCode({ code: "𝒜".repeat(100_000), values: { [q]: "z".repeat(1_000_000) } }, freshIp(), NOW).catch(
      (e: unknown) => e,
    );
    expect((wrong as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    // The code still works.
    await expect(answerWithCode({ code: s.codes[0], values: { [q]: "fine" } }, freshIp(), NOW)).resolves.toEqual({ answered: 1 });
  });

  it("two sends with one code at the same moment save one set of answers", async () => {
    const s = await stageWithCodes(1);
    const values = { [answerField(s.questionIds[0]!)]: "Faster appointments" };
    const results = await Promise.allSettled([1, 2, 3].map(() => answerWithCode({ code: s.codes[0], values }, freshIp(), NOW)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await rowsWritten(s.stageId)).toEqual({ views: 1, used: 1 });
  });

  it("refuses an expired or revoked code, a code once gathering has closed, and guesses past the limit", async () => {
    const s = await stageWithCodes(3);
    const values = { [answerField(s.questionIds[0]!)]: "Something" };
    const expired = await answerWithCode({ code: s.codes[0], values }, freshIp(), new Date("2027-01-01T00:00:00Z")).catch(
      (e: unknown) => e,
    );
    expect((expired as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "PRIORITISING" } });
    const closed = await answerWithCode({ code: s.codes[1], values }, freshIp(), NOW).catch((e: unknown) => e);
    expect((closed as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    await expect(openCodeForm(s.codes[1], freshIp(), NOW)).rejects.toBeInstanceOf(Invalid);
    await db.shapingStage.update({ where: { id: s.stageId }, data: { status: "GATHERING" } });
    await revokeCodes(s.facilitator, s.stageId, "1", NOW);
    const revoked = await answerWithCode({ code: s.codes[2], values }, freshIp(), NOW).catch((e: unknown) => e);
    expect((revoked as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    expect(await rowsWritten(s.stageId)).toEqual({ views: 0, used: 0 });

    const fresh = await stageWithCodes(1);
    const ip = freshIp();
    for (let i = 0; i < WRONG_CODES_PER_ADDRESS; i++) await answerWithCode({ code: "ZZZZ-ZZZZ-ZZ", values }, ip, NOW).catch(() => null);
    await expect(
      answerWithCode({ code: fresh.codes[0], values: { [answerField(fresh.questionIds[0]!)]: "x" } }, ip, NOW),
    ).rejects.toBeInstanceOf(TooManyRequests);
    expect(await rowsWritten(fresh.stageId)).toEqual({ views: 0, used: 0 });
  });
});
