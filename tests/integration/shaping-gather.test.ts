// Gathering views (issue 24): the questions while planning, young commissioners' answers in the portal, focus groups
// recorded by a facilitator, and shaping time as paid time.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, NotFound } from "@/server/errors";
import { changeStage } from "@/server/shaping/change-stage";
import { changeQuestions } from "@/server/shaping/question-command";
import { getMyAnswers, getStageOverview, getStageSessions } from "@/server/shaping/queries";
import { recordSession, type SessionInput } from "@/server/shaping/record-session";
import { GATHERING_CLOSED, saveAnswer } from "@/server/shaping/save-answer";
import { logTime } from "@/server/technicians/log-time";
import { listMyTimeTenders } from "@/server/technicians/queries";
import { reviewTimeEntry } from "@/server/technicians/review-time-entry";
import { updateTender } from "@/server/tenders/update-tender";
import { fieldErrors } from "../fixtures/expect-invalid";
import { createActor } from "../fixtures/factories";
import { SHAPING_NOW as NOW, shapingWorld } from "../fixtures/shaping-gather-builders";

const questionsOf = (stageId: string) => db.shapingQuestion.findMany({ where: { stageId }, orderBy: { position: "asc" } });

describe("questions, while planning", () => {
  it("changes, adds, reorders and removes questions, each audited; the wordings are checked by the field", async () => {
    const { commissioner, stageId } = await shapingWorld({ young: 1 });
    const [first, second] = await questionsOf(stageId);
    await changeQuestions(
      commissioner,
      stageId,
      { command: "save", questionId: first!.id, text: "  What should change? ✨ ", easyRead: "What should be better?" },
      NOW,
    );
    expect((await questionsOf(stageId))[0]).toMatchObject({ text: "What should change? ✨", easyRead: "What should be better?" });
    const { id: added } = await changeQuestions(
      commissioner,
      stageId,
      { command: "add", text: "Where do you feel safe?", easyRead: "Where do you feel safe?" },
      NOW,
    );
    expect((await questionsOf(stageId)).map((q) => q.id).at(-1)).toBe(added);
    await changeQuestions(commissioner, stageId, { command: "up", questionId: second!.id }, NOW);
    expect((await questionsOf(stageId)).map((q) => q.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    await changeQuestions(commissioner, stageId, { command: "up", questionId: second!.id }, NOW); // at the top: nothing moves
    expect((await questionsOf(stageId)).map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
    await changeQuestions(commissioner, stageId, { command: "remove", questionId: first!.id }, NOW);
    expect((await questionsOf(stageId)).map((q) => q.position)).toEqual([1, 2, 3, 4]);
    const actions = (
      await db.auditEvent.findMany({ where: { entityType: "ShapingQuestion", tenderId: { not: null } }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["shaping.question_changed", "shaping.question_added", "shaping.question_moved", "shaping.question_removed"]);

    expect(
      await fieldErrors(changeQuestions(commissioner, stageId, { command: "add", text: " ", easyRead: "x".repeat(201) }, NOW)),
    ).toEqual({
      text: "Enter the question",
      easyRead: "The easy-read wording must be 200 characters or fewer",
    });
    expect(
      await fieldErrors(
        changeQuestions(commissioner, stageId, { command: "save", questionId: second!.id, text: "x".repeat(301), easyRead: "" }, NOW),
      ),
    ).toEqual({
      text: "The question must be 300 characters or fewer",
      easyRead: "Enter the easy-read wording: short words, one idea",
    });
  });

  it("keeps between 1 and 10 questions", async () => {
    const { commissioner, stageId } = await shapingWorld({ young: 1 });
    for (let i = 0; i < 6; i++)
      await changeQuestions(commissioner, stageId, { command: "add", text: `Question ${i}`, easyRead: `Question ${i}` }, NOW);
    await expect(
      changeQuestions(commissioner, stageId, { command: "add", text: "One too many", easyRead: "One too many" }, NOW),
    ).rejects.toBeInstanceOf(Conflict);
    const all = await questionsOf(stageId);
    expect(all).toHaveLength(10);
    for (const q of all.slice(1)) await changeQuestions(commissioner, stageId, { command: "remove", questionId: q.id }, NOW);
    await expect(changeQuestions(commissioner, stageId, { command: "remove", questionId: all[0]!.id }, NOW)).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await questionsOf(stageId)).toHaveLength(1);
  });

  it("is for those running the tender, before gathering opens; another stage's question is not found", async () => {
    const { commissioner, stageId, facilitator, young } = await shapingWorld({ young: 1 });
    const other = await shapingWorld({ young: 1 });
    const [q] = await questionsOf(stageId);
    const [foreign] = await questionsOf(other.stageId);
    const save = { command: "save", questionId: q!.id, text: "Changed", easyRead: "Changed" };
    await expect(changeQuestions(facilitator, stageId, save, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(changeQuestions(young[0]!, stageId, save, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(changeQuestions(await createActor("COMMISSIONER"), stageId, save, NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(changeQuestions(commissioner, stageId, { ...save, questionId: foreign!.id }, NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(changeQuestions(commissioner, stageId, { ...save, command: "drop" }, NOW)).rejects.toBeInstanceOf(NotFound);
    await changeStage(commissioner, stageId, { action: "openGathering" }, NOW);
    await expect(changeQuestions(commissioner, stageId, save, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await questionsOf(stageId))[0]!.text).toBe(q!.text);
  });
});

describe("young commissioners' answers", () => {
  it("saves an answer as a MEMBER view waiting to be checked, changes it (checked again), and an empty box removes it", async () => {
    const { stageId, young, facilitator } = await shapingWorld({ gathering: true });
    const [jay] = young as [Actor];
    const [q] = await questionsOf(stageId);
    const text = "Staff who explain things — and listen. 💬 Ça va.";
    expect(await saveAnswer(jay, stageId, q!.id, { text: `  ${text}\n`, quoteConsent: "yes" }, NOW)).toEqual({
      outcome: "saved",
      savedAt: NOW,
    });
    let view = await db.shapingView.findFirstOrThrow({ where: { stageId, authorId: jay.id } });
    expect(view).toMatchObject({ source: "MEMBER", text, quoteConsent: true, check: "WAITING" });
    // A facilitator accepts it; a change sends it back to be checked.
    await db.shapingView.update({ where: { id: view.id }, data: { check: "ACCEPTED", checkedById: facilitator.id, checkedAt: NOW } });
    const later = new Date(NOW.getTime() + 60_000);
    expect((await saveAnswer(jay, stageId, q!.id, { text: "Staff who listen." }, later)).outcome).toBe("saved");
    view = await db.shapingView.findUniqueOrThrow({ where: { id: view.id } });
    expect(view).toMatchObject({ text: "Staff who listen.", quoteConsent: false, check: "WAITING", checkedById: null });
    expect((await saveAnswer(jay, stageId, q!.id, { text: "Staff who listen." }, later)).outcome).toBe("unchanged");
    // They always read their own answer, checked or not.
    expect((await getMyAnswers(jay, stageId)).questions[0]!.answer).toMatchObject({ text: "Staff who listen.", check: "WAITING" });
    expect((await saveAnswer(jay, stageId, q!.id, { text: "   " }, later)).outcome).toBe("deleted");
    expect(await db.shapingView.count({ where: { stageId, authorId: jay.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { entityType: "ShapingView", actorId: jay.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["shaping.answer_given", "shaping.answer_changed", "shaping.answer_deleted"]);
    // The audit trail records that an answer was given, never its words.
    const events = await db.auditEvent.findMany({ where: { entityType: "ShapingView", actorId: jay.id } });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toMatch(/listen/);
  });

  it("refuses an answer over 2,000 characters (counting emoji as one), writing nothing", async () => {
    const { stageId, young } = await shapingWorld({ gathering: true });
    const [q] = await questionsOf(stageId);
    expect(await fieldErrors(saveAnswer(young[0]!, stageId, q!.id, { text: "🙂".repeat(2_001) }, NOW))).toEqual({
      text: "Your answer must be 2,000 characters or fewer. It has 2,001.",
    });
    await expect(saveAnswer(young[0]!, stageId, q!.id, { text: "🙂".repeat(2_000) }, NOW)).resolves.toMatchObject({ outcome: "saved" });
  });

  it("only while gathering, only accepted young commissioners, only this stage's questions", async () => {
    const { commissioner, stageId, young, facilitator } = await shapingWorld();
    const [q] = await questionsOf(stageId);
    const planning = await saveAnswer(young[0]!, stageId, q!.id, { text: "Too early" }, NOW).catch((e: unknown) => e);
    expect(planning).toBeInstanceOf(Conflict);
    await changeStage(commissioner, stageId, { action: "openGathering" }, NOW);
    await expect(saveAnswer(facilitator, stageId, q!.id, { text: "Not mine to give" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(saveAnswer(commissioner, stageId, q!.id, { text: "Not mine to give" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(saveAnswer(await createActor("TECHNICIAN"), stageId, q!.id, { text: "Not a member" }, NOW)).rejects.toBeInstanceOf(
      NotFound,
    );
    const other = await shapingWorld({ gathering: true });
    const [foreign] = await questionsOf(other.stageId);
    await expect(saveAnswer(young[0]!, stageId, foreign!.id, { text: "Wrong stage" }, NOW)).rejects.toBeInstanceOf(NotFound);
    await saveAnswer(young[0]!, stageId, q!.id, { text: "In time" }, NOW);
    await changeStage(commissioner, stageId, { action: "closeGathering" }, NOW);
    const closed = await saveAnswer(young[0]!, stageId, q!.id, { text: "Too late" }, NOW).catch((e: unknown) => e);
    expect((closed as Conflict).message).toBe(GATHERING_CLOSED);
    expect((await db.shapingView.findFirstOrThrow({ where: { stageId, authorId: young[0]!.id } })).text).toBe("In time");
  });

  it("two saves of one answer at once keep one answer", async () => {
    const { stageId, young } = await shapingWorld({ gathering: true });
    const [q] = await questionsOf(stageId);
    await Promise.all([
      saveAnswer(young[0]!, stageId, q!.id, { text: "First" }, NOW),
      saveAnswer(young[0]!, stageId, q!.id, { text: "Second" }, NOW),
    ]);
    expect(await db.shapingView.count({ where: { stageId, authorId: young[0]!.id } })).toBe(1);
  });
});

describe("focus groups and workshops", () => {
  const session = (questionIds: string[], overrides: Partial<SessionInput> = {}): SessionInput => ({
    kind: "FOCUS_GROUP",
    heldOn: "2026-11-24",
    setting: "Heron unit association room",
    participantCount: "7",
    ageBands: ["AGE_15_16", "AGE_17"],
    views: {
      [questionIds[0]!]: "Shorter waits.\n\n  Someone who explains the tests.  ",
      [questionIds[3]!]: "Embarrassed in front of others.",
    },
    ...overrides,
  });

  it("records the session and each line as a view, checked by the facilitator who recorded it; listed on the stage", async () => {
    const { stageId, facilitator, young } = await shapingWorld({ gathering: true });
    const ids = (await questionsOf(stageId)).map((q) => q.id);
    const { id } = await recordSession(facilitator, stageId, session(ids), NOW);
    const views = await db.shapingView.findMany({ where: { sessionId: id }, orderBy: { text: "asc" } });
    expect(views.map((v) => [v.text, v.source, v.check, v.checkedById])).toEqual([
      ["Embarrassed in front of others.", "SESSION", "ACCEPTED", facilitator.id],
      ["Shorter waits.", "SESSION", "ACCEPTED", facilitator.id],
      ["Someone who explains the tests.", "SESSION", "ACCEPTED", facilitator.id],
    ]);
    expect(await db.shapingSession.findUniqueOrThrow({ where: { id } })).toMatchObject({
      participantCount: 7,
      ageBands: ["AGE_15_16", "AGE_17"],
    });
    expect(await db.auditEvent.count({ where: { action: "shaping.session_recorded", entityId: id } })).toBe(1);
    expect((await getStageSessions(facilitator, stageId, NOW)).sessions.map((s) => s.id)).toEqual([id]);
    // Checked, so the young commissioners count them at once.
    expect((await getStageOverview(young[0]!, stageId, NOW)).views.session).toBe(3);
  });

  it("refuses by the field: dates outside the gathering window or in the future, counts outside 1-500, no age band, no view, too many views", async () => {
    const { stageId, facilitator } = await shapingWorld({ gathering: true });
    const ids = (await questionsOf(stageId)).map((q) => q.id);
    expect(
      await fieldErrors(
        recordSession(
          facilitator,
          stageId,
          session(ids, { kind: "PARTY", heldOn: "2026-11-25", setting: " ", participantCount: "0", ageBands: [] }),
          NOW,
        ),
      ),
    ).toEqual({
      kind: "Choose focus group or workshop",
      heldOn: "The session date cannot be in the future",
      setting: "Say where it was held, like “Heron unit association room”",
      participantCount: "Enter a whole number from 1 to 500",
      ageBands: "Tick the age bands of the young people there",
    });
    const later = new Date("2026-12-20T10:00:00Z");
    expect((await fieldErrors(recordSession(facilitator, stageId, session(ids, { heldOn: "2026-12-19" }), later))).heldOn).toBe(
      "The session must be within the gathering dates",
    );
    expect((await fieldErrors(recordSession(facilitator, stageId, session(ids, { heldOn: "2026-02-30" }), NOW))).heldOn).toBe(
      "Enter a real date, like 2027-01-20",
    );
    expect(
      await fieldErrors(recordSession(facilitator, stageId, session(ids, { participantCount: "501", ageBands: ["AGE_99"] }), NOW)),
    ).toEqual({
      participantCount: "Enter a whole number from 1 to 500",
      ageBands: "Tick age bands from the list",
    });
    expect(await fieldErrors(recordSession(facilitator, stageId, session(ids, { views: {} }), NOW))).toEqual({
      [`views.${ids[0]}`]: "Write down at least one thing the young people said",
    });
    const many = Array.from({ length: 21 }, (_, i) => `View ${i}`).join("\n");
    expect(await fieldErrors(recordSession(facilitator, stageId, session(ids, { views: { [ids[1]!]: many } }), NOW))).toEqual({
      [`views.${ids[1]}`]: "Up to 20 views for one question: put the rest in another session",
    });
    expect(await db.shapingSession.count({ where: { stageId } })).toBe(0);
    expect(await db.shapingView.count({ where: { stageId } })).toBe(0);
  });

  it("is for facilitators while gathering", async () => {
    const { commissioner, stageId, facilitator, young } = await shapingWorld();
    const ids = (await questionsOf(stageId)).map((q) => q.id);
    await expect(recordSession(facilitator, stageId, session(ids), NOW)).rejects.toBeInstanceOf(Conflict);
    await changeStage(commissioner, stageId, { action: "openGathering" }, NOW);
    await expect(recordSession(young[0]!, stageId, session(ids), NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(recordSession(await createActor("COMMISSIONER"), stageId, session(ids), NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(getStageSessions(young[0]!, stageId, NOW)).rejects.toBeInstanceOf(Forbidden);
    // The commissioner running the tender facilitates by right.
    await expect(recordSession(commissioner, stageId, session(ids), NOW)).resolves.toBeTruthy();
  });
});

describe("shaping is paid time", () => {
  it("a young commissioner taking part logs SHAPING time against the tender; the commissioner running it approves it", async () => {
    const { commissioner, stageId, tenderId, young } = await shapingWorld();
    await updateTender(
      commissioner,
      tenderId,
      {
        ...(await db.tender.findUniqueOrThrow({
          where: { id: tenderId },
          select: { title: true, reference: true, summary: true, establishmentId: true },
        })),
        procurementRoute: "PSR_COMPETITIVE_PROCESS",
        aggregationRule: "EQUAL_VOTES",
        technicianHourlyRate: "15",
      },
      NOW,
    );
    expect((await listMyTimeTenders(young[0]!)).map((t) => t.id)).toEqual([tenderId]);
    const { id } = await logTime(young[0]!, { tenderId, workedOn: "2026-11-24", hours: "1", minutes: "30", activity: "SHAPING" }, NOW);
    await reviewTimeEntry(commissioner, id, { decision: "approve" }, NOW);
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      activity: "SHAPING",
      status: "APPROVED",
      amountPence: 2250,
    });
    // Someone not taking part cannot log time for it.
    expect(
      await fieldErrors(
        logTime(await createActor("TECHNICIAN"), { tenderId, workedOn: "2026-11-24", minutes: "30", activity: "SHAPING" }, NOW),
      ),
    ).toEqual({
      tenderId: "You can only log time for a panel you are on, or a service you are shaping",
    });
    expect(stageId).toBeTruthy();
  });
});
