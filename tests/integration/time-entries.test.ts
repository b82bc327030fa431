import { fieldErrors } from "../fixtures/expect-invalid";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, NotFound } from "@/server/errors";
import { deleteTimeEntry } from "@/server/technicians/delete-time-entry";
import { editTimeEntry } from "@/server/technicians/edit-time-entry";
import { CLAIM_COLUMNS, exportClaimsCsv } from "@/server/technicians/export-claims-csv";
import { logTime } from "@/server/technicians/log-time";
import { markPaid } from "@/server/technicians/mark-paid";
import { paging } from "@/domain/paging";
import {
  getMyTime,
  getMyTimeEntry,
  getTimeForCommissioner,
  listClaims,
  listMyTimeTenders,
  listReturnedTime,
  listTimeToApprove,
} from "@/server/technicians/queries";
import { reviewTimeEntry } from "@/server/technicians/review-time-entry";
import { createActor } from "../fixtures/factories";
import { addTechnician, approvedEntry, NOW, timeInput, timeTender, TODAY, type TimeTender } from "../fixtures/time-builders";

// The CSV route reads the session; here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));

let t: TimeTender;
let tech: Actor;

beforeEach(async () => {
  t = await timeTender();
  tech = t.technicians[0];
});

describe("logging time", () => {
  it("a young commissioner on the panel logs a session; it waits to be checked and is audited", async () => {
    const { id } = await logTime(tech, timeInput(t.id, { note: "Read both bids twice." }), NOW);
    const row = await db.timeEntry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      technicianId: tech.id,
      tenderId: t.id,
      minutes: 95,
      activity: "READING_BIDS",
      note: "Read both bids twice.",
      status: "PENDING",
      amountPence: null,
      hourlyRatePence: null,
    });
    expect(row.workedOn.toISOString()).toBe("2026-11-18T00:00:00.000Z");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(event).toMatchObject({
      action: "time_entry.logged",
      actorId: tech.id,
      tenderId: t.id,
      establishmentId: t.establishmentId,
      after: { minutes: 95, workedOn: "2026-11-18", status: "PENDING" },
    });
  });

  it("accepts hours and minutes, and stores minutes", async () => {
    const a = await logTime(tech, timeInput(t.id, { hours: "1", minutes: "35" }), NOW);
    const b = await logTime(tech, timeInput(t.id, { hours: "2", minutes: "" }), NOW);
    const c = await logTime(tech, timeInput(t.id, { hours: "12", minutes: "0" }), NOW);
    const minutes = async (id: string) => (await db.timeEntry.findUniqueOrThrow({ where: { id } })).minutes;
    expect([await minutes(a.id), await minutes(b.id), await minutes(c.id)]).toEqual([95, 120, 720]);
  });

  it("only for a panel they are on or stepped back from", async () => {
    const outsider = await createActor("TECHNICIAN");
    expect(await fieldErrors(logTime(outsider, timeInput(t.id), NOW))).toEqual({
      tenderId: "You can only log time for a panel you are on, or a service you are shaping",
    });
    for (const status of ["INVITED", "DECLINED"] as const) {
      const invited = await addTechnician(t, { status, label: status === "INVITED" ? "C" : "D" });
      expect(await fieldErrors(logTime(invited, timeInput(t.id), NOW))).toEqual({
        tenderId: "You can only log time for a panel you are on, or a service you are shaping",
      });
    }
    const steppedBack = await addTechnician(t, { status: "STEPPED_BACK", label: "E" });
    await expect(logTime(steppedBack, timeInput(t.id), NOW)).resolves.toHaveProperty("id");
    expect(await fieldErrors(logTime(tech, timeInput("not-a-uuid"), NOW))).toEqual({
      tenderId: "You can only log time for a panel you are on, or a service you are shaping",
    });
    expect(await fieldErrors(logTime(tech, timeInput(""), NOW))).toEqual({ tenderId: "Choose the panel you did the work for" });
    expect((await listMyTimeTenders(outsider)).map((x) => x.id)).toEqual([]);
    expect((await listMyTimeTenders(steppedBack)).map((x) => x.id)).toEqual([t.id]);
  });

  it("only young commissioners log time", async () => {
    for (const role of ["COMMISSIONER", "PROVIDER", "GOVERNOR", "ADMIN"] as const) {
      await expect(logTime(await createActor(role), timeInput(t.id), NOW)).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(logTime(t.commissioner, timeInput(t.id), NOW)).rejects.toBeInstanceOf(Forbidden);
  });

  it("the date: a real day, today or earlier by the London calendar, and within the last 12 months", async () => {
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { workedOn: "2026-11-21" }), NOW))).toEqual({
      workedOn: "The date must be today or in the past",
    });
    await expect(logTime(tech, timeInput(t.id, { workedOn: TODAY }), NOW)).resolves.toHaveProperty("id");
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { workedOn: "2025-11-19" }), NOW))).toEqual({
      workedOn: "You can only log time from the last 12 months",
    });
    await expect(logTime(tech, timeInput(t.id, { workedOn: "2025-11-20" }), NOW)).resolves.toHaveProperty("id");
    for (const bad of ["2026-02-30", "20/11/2026", "2026-13-01", "yesterday"]) {
      expect(await fieldErrors(logTime(tech, timeInput(t.id, { workedOn: bad }), NOW))).toEqual({
        workedOn: "The date must be a real date",
      });
    }
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { workedOn: "" }), NOW))).toEqual({
      workedOn: "Enter the date you did the work",
    });
    // The form's GOV.UK date input: day, month and year boxes, checked here with GOV.UK's messages.
    const parts = (day: string, month: string, year: string) => timeInput(t.id, { workedOn: { day, month, year } });
    await expect(logTime(tech, parts(" 18 ", "11", "2026"), NOW)).resolves.toHaveProperty("id");
    await expect(logTime(tech, parts("1", "12", "2025"), NOW)).resolves.toHaveProperty("id");
    const partErrors: [[string, string, string], string][] = [
      [["", "", ""], "Enter the date you did the work"],
      [["18", "", "2026"], "The date must include a month"],
      [["", "", "2026"], "The date must include a day and a month"],
      [["18", "11", ""], "The date must include a year"],
      [["31", "2", "2026"], "The date must be a real date"],
      [["18", "13", "2026"], "The date must be a real date"],
      [["x", "11", "2026"], "The date must be a real date"],
      [["18", "11", "26"], "The date must be a real date"],
      [["21", "11", "2026"], "The date must be today or in the past"],
      [["1", "1", "2030"], "The date must be today or in the past"],
      [["19", "11", "2025"], "You can only log time from the last 12 months"],
    ];
    for (const [[day, month, year], message] of partErrors) {
      expect(await fieldErrors(logTime(tech, parts(day, month, year), NOW)), `${day}/${month}/${year}`).toEqual({ workedOn: message });
    }
    // 23:30 UTC on 30 June is already 1 July in London (BST): 1 July is "today", 2 July is not.
    const lateJuneNight = new Date("2026-06-30T23:30:00.000Z");
    await expect(logTime(tech, timeInput(t.id, { workedOn: "2026-07-01" }), lateJuneNight)).resolves.toHaveProperty("id");
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { workedOn: "2026-07-02" }), lateJuneNight))).toEqual({
      workedOn: "The date must be today or in the past",
    });
  });

  it("the time: a whole number of minutes from 1 to 720", async () => {
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { minutes: "0" }), NOW))).toEqual({
      minutes: "The time must be at least 1 minute",
    });
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { minutes: "721" }), NOW))).toEqual({
      minutes: "You can log up to 12 hours (720 minutes) at a time",
    });
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { hours: "12", minutes: "1" }), NOW))).toEqual({
      minutes: "You can log up to 12 hours (720 minutes) at a time",
    });
    for (const bad of ["1.5", "-5", "ten", "1e2"]) {
      expect(await fieldErrors(logTime(tech, timeInput(t.id, { minutes: bad }), NOW))).toEqual({
        minutes: "Minutes must be a whole number, like 30",
      });
    }
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { hours: "1.5", minutes: "" }), NOW))).toEqual({
      hours: "Hours must be a whole number, like 2",
    });
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { hours: "", minutes: "" }), NOW))).toEqual({
      hours: "Enter how long you spent",
    });
    await expect(logTime(tech, timeInput(t.id, { minutes: "1" }), NOW)).resolves.toHaveProperty("id");
    await expect(logTime(tech, timeInput(t.id, { minutes: "720" }), NOW)).resolves.toHaveProperty("id");
  });

  it("the activity and the note: OTHER needs a note; notes up to 1,000 characters, kept exactly, in any script", async () => {
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { activity: "SLEEPING" }), NOW))).toEqual({
      activity: "Choose what you were doing",
    });
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { activity: "OTHER", note: "   " }), NOW))).toEqual({
      note: "Tell us what you were doing",
    });
    expect(await fieldErrors(logTime(tech, timeInput(t.id, { note: "x".repeat(1001) }), NOW))).toEqual({
      note: "Your note must be 1,000 characters or fewer",
    });
    const unicode = "Zoë read the bids with Siân 👩🏽‍💻 — 日本語も ✓ «ok»";
    const { id } = await logTime(tech, timeInput(t.id, { activity: "OTHER", note: `  ${unicode}\n` }), NOW);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id } })).note).toBe(unicode);
    // 1,000 characters counted as characters a person sees typed, not UTF-16 units.
    await expect(logTime(tech, timeInput(t.id, { note: "✓".repeat(1000) }), NOW)).resolves.toHaveProperty("id");
    await expect(logTime(tech, timeInput(t.id, { note: "😀".repeat(1000) }), NOW)).resolves.toHaveProperty("id");
  });

  it("reports every problem at once and writes nothing", async () => {
    const outsider = await createActor("TECHNICIAN");
    const errors = await fieldErrors(
      logTime(outsider, { tenderId: t.id, workedOn: "2030-01-01", minutes: "0", activity: "OTHER", note: "" }, NOW),
    );
    expect(errors).toEqual({
      tenderId: "You can only log time for a panel you are on, or a service you are shaping",
      workedOn: "The date must be today or in the past",
      minutes: "The time must be at least 1 minute",
      note: "Tell us what you were doing",
    });
    expect(await db.timeEntry.count({ where: { technicianId: outsider.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: outsider.id } })).toBe(0);
  });
});

describe("changing and deleting your own time", () => {
  it("nobody else can see, change or delete a young commissioner's time", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    const other = t.technicians[1];
    await expect(editTimeEntry(other, id, timeInput(t.id, { minutes: "600" }), NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(deleteTimeEntry(other, id)).rejects.toBeInstanceOf(NotFound);
    await expect(getMyTimeEntry(other, id)).rejects.toBeInstanceOf(NotFound);
    await expect(editTimeEntry(t.commissioner, id, timeInput(t.id), NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(deleteTimeEntry(t.commissioner, id)).rejects.toBeInstanceOf(NotFound);
    await expect(editTimeEntry(tech, "not-a-uuid", timeInput(t.id), NOW)).rejects.toBeInstanceOf(NotFound);
    expect((await getMyTime(other)).entries).toEqual([]);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id } })).minutes).toBe(95);
  });

  it("a pending entry can be changed (same checks as logging) and deleted; both audited", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    expect(await fieldErrors(editTimeEntry(tech, id, timeInput(t.id, { minutes: "721" }), NOW))).toEqual({
      minutes: "You can log up to 12 hours (720 minutes) at a time",
    });
    await editTimeEntry(tech, id, timeInput(t.id, { minutes: "60", activity: "SCORING" }), NOW);
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({ minutes: 60, activity: "SCORING", status: "PENDING" });
    await deleteTimeEntry(tech, id);
    expect(await db.timeEntry.count({ where: { id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["time_entry.logged", "time_entry.edited", "time_entry.deleted"]);
  });

  it("returned → the young commissioner sees the note → edits it → pending again", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    await reviewTimeEntry(t.commissioner, id, { decision: "return", note: "The meeting was on the 17th, not the 18th." }, NOW);
    const mine = await getMyTime(tech);
    expect(mine.entries[0]).toMatchObject({
      id,
      status: "RETURNED",
      reviewNote: "The meeting was on the 17th, not the 18th.",
      editable: true,
    });
    await editTimeEntry(tech, id, timeInput(t.id, { workedOn: "2026-11-17", activity: "MODERATION_MEETING" }), NOW);
    const row = await db.timeEntry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", reviewedById: null, reviewedAt: null, activity: "MODERATION_MEETING" });
    expect(row.workedOn.toISOString().slice(0, 10)).toBe("2026-11-17");
    // The commissioner checking it again sees why it came back.
    expect((await listTimeToApprove(t.commissioner)).find((e) => e.id === id)).toMatchObject({
      previousReturnNote: "The meeting was on the 17th, not the 18th.",
    });
    expect((await getMyTime(tech)).entries[0]).toMatchObject({ status: "PENDING", reviewNote: null });
    const edited = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "time_entry.edited" } });
    expect(edited).toMatchObject({
      before: { status: "RETURNED", workedOn: "2026-11-18" },
      after: { status: "PENDING", workedOn: "2026-11-17" },
    });
  });

  it("approved or paid time can no longer be changed or deleted", async () => {
    const id = await approvedEntry(t, tech);
    await expect(editTimeEntry(tech, id, timeInput(t.id, { minutes: "600" }), NOW)).rejects.toBeInstanceOf(Conflict);
    await expect(deleteTimeEntry(tech, id)).rejects.toBeInstanceOf(Conflict);
    await markPaid(t.commissioner, [id], NOW);
    await expect(editTimeEntry(tech, id, timeInput(t.id), NOW)).rejects.toThrow("This time has already been paid, so it can't be changed.");
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({ minutes: 95, status: "PAID" });
  });
});

describe("approving and sending back", () => {
  it("pay maths: 95 minutes at £12.60 an hour is exactly £19.95, fixed at approval", async () => {
    // 95 × 1260p ÷ 60 = 119,700 ÷ 60 = 1,995p exactly.
    const id = await approvedEntry(t, tech);
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "APPROVED",
      hourlyRatePence: 1260,
      amountPence: 1995,
      reviewedById: t.commissioner.id,
      reviewedAt: NOW,
    });
    // A later change of the tender's rate does not touch an approved claim.
    await db.tender.update({ where: { id: t.id }, data: { technicianHourlyRatePence: 1500 } });
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id } })).amountPence).toBe(1995);
  });

  it("pay is rounded once, half up, to the penny", async () => {
    const odd = await timeTender({ hourlyRatePence: 1230 });
    // 1 minute at £12.30 an hour = 1230 ÷ 60 = 20.5p → 21p (half up).
    const a = await approvedEntry(odd, odd.technicians[0], { minutes: "1" });
    // 7 minutes at £12.30 = 8,610 ÷ 60 = 143.5p → 144p.
    const b = await approvedEntry(odd, odd.technicians[0], { minutes: "7" });
    // 1 hour 35 minutes at £12.30 = 116,850 ÷ 60 = 1,947.5p → 1,948p.
    const c = await approvedEntry(odd, odd.technicians[0], { hours: "1", minutes: "35" });
    const amounts = await db.timeEntry.findMany({ where: { id: { in: [a, b, c] } }, select: { id: true, amountPence: true } });
    expect(Object.fromEntries(amounts.map((x) => [x.id, x.amountPence]))).toEqual({ [a]: 21, [b]: 144, [c]: 1948 });
  });

  it("approving tells the young commissioner what they will be paid, and is audited", async () => {
    const id = await approvedEntry(t, tech);
    const notice = await db.notification.findFirstOrThrow({ where: { userId: tech.id } });
    expect(notice).toMatchObject({ title: "Your time has been approved", href: "/time" });
    expect(notice.body).toContain("You will be paid £19.95.");
    expect(notice.body).toContain("1 hour 35 minutes of reading bids on 18 November 2026");
    expect(await db.outboxMessage.count({ where: { to: tech.email, template: "time-approved" } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "time_entry.approved" } });
    expect(event).toMatchObject({
      actorId: t.commissioner.id,
      tenderId: t.id,
      establishmentId: t.establishmentId,
      before: { status: "PENDING" },
      after: { status: "APPROVED", hourlyRatePence: 1260, amountPence: 1995 },
    });
  });

  it("sending back needs a note, which the young commissioner is told", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    expect(await fieldErrors(reviewTimeEntry(t.commissioner, id, { decision: "return", note: "  " }, NOW))).toEqual({
      note: "Say what needs to change, so the young commissioner can fix it",
    });
    expect(await fieldErrors(reviewTimeEntry(t.commissioner, id, { decision: "maybe" }, NOW))).toHaveProperty("decision");
    await reviewTimeEntry(t.commissioner2, id, { decision: "return", note: "Please split this into reading and marking." }, NOW);
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "RETURNED",
      reviewNote: "Please split this into reading and marking.",
      reviewedById: t.commissioner2.id,
      amountPence: null,
    });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: tech.id } });
    expect(notice.title).toBe("Please check the time you logged");
    expect(notice.body).toContain("Please split this into reading and marking.");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "time_entry.returned" } })).toBe(1);
  });

  it("only a commissioner who runs the tender can approve or send back", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    const outsider = await createActor("COMMISSIONER");
    await expect(reviewTimeEntry(outsider, id, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(reviewTimeEntry(outsider, id, { decision: "return", note: "No." }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(reviewTimeEntry(t.technicians[1], id, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(reviewTimeEntry(tech, id, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    // A commissioner who stepped back from the panel no longer runs it.
    await db.panelMember.updateMany({ where: { tenderId: t.id, userId: t.commissioner2.id }, data: { status: "STEPPED_BACK" } });
    await expect(reviewTimeEntry(t.commissioner2, id, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(
      reviewTimeEntry(t.commissioner, "00000000-0000-4000-8000-000000000000", { decision: "approve" }, NOW),
    ).rejects.toBeInstanceOf(NotFound);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await listTimeToApprove(outsider)).toEqual([]);
  });

  it("approving twice is refused, as is approving time that was sent back", async () => {
    const id = await approvedEntry(t, tech);
    await expect(reviewTimeEntry(t.commissioner, id, { decision: "approve" }, NOW)).rejects.toThrow(
      new Conflict("This time has already been approved."),
    );
    await expect(reviewTimeEntry(t.commissioner2, id, { decision: "return", note: "Too late" }, NOW)).rejects.toBeInstanceOf(Conflict);
    const { id: returned } = await logTime(tech, timeInput(t.id), NOW);
    await reviewTimeEntry(t.commissioner, returned, { decision: "return", note: "Which day?" }, NOW);
    await expect(reviewTimeEntry(t.commissioner, returned, { decision: "approve" }, NOW)).rejects.toBeInstanceOf(Conflict);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "time_entry.approved" } })).toBe(1);
  });

  it("a tender without an hourly rate cannot have time approved yet", async () => {
    const unpaid = await timeTender({ hourlyRatePence: null });
    const { id } = await logTime(unpaid.technicians[0], timeInput(unpaid.id), NOW);
    await expect(reviewTimeEntry(unpaid.commissioner, id, { decision: "approve" }, NOW)).rejects.toThrow(/no hourly rate/);
    expect((await listTimeToApprove(unpaid.commissioner))[0]).toMatchObject({ id, expectedPence: null });
  });

  it("two commissioners approving the same time at the same moment: exactly one succeeds", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    const results = await Promise.allSettled([
      reviewTimeEntry(t.commissioner, id, { decision: "approve" }, NOW),
      reviewTimeEntry(t.commissioner2, id, { decision: "approve" }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(Conflict);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "time_entry.approved" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: tech.id } })).toBe(1);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id } })).amountPence).toBe(1995);
  });

  it("approving and sending back at the same moment: exactly one decision stands", async () => {
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    const results = await Promise.allSettled([
      reviewTimeEntry(t.commissioner, id, { decision: "approve" }, NOW),
      reviewTimeEntry(t.commissioner2, id, { decision: "return", note: "Check the date." }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const row = await db.timeEntry.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe(results[0]!.status === "fulfilled" ? "APPROVED" : "RETURNED");
  });
});

describe("lists", () => {
  it("a commissioner sees pending time only on tenders they run; a young commissioner only their own time, with totals", async () => {
    const other = await timeTender();
    const mine = await logTime(tech, timeInput(t.id), NOW);
    const theirs = await logTime(other.technicians[0], timeInput(other.id), NOW);
    expect((await listTimeToApprove(t.commissioner)).map((e) => e.id)).toEqual([mine.id]);
    expect((await listTimeToApprove(other.commissioner2)).map((e) => e.id)).toEqual([theirs.id]);
    expect((await listTimeToApprove(t.commissioner))[0]).toMatchObject({ technician: { name: tech.name }, expectedPence: 1995 });
    await expect(listTimeToApprove(tech)).rejects.toBeInstanceOf(Forbidden);
    await expect(getMyTime(t.commissioner)).rejects.toBeInstanceOf(Forbidden);

    const paid = await approvedEntry(t, tech, { minutes: "60" }); // £12.60
    await approvedEntry(t, tech, { minutes: "30" }); // £6.30
    await markPaid(t.commissioner, [paid], NOW);
    const summary = await getMyTime(tech);
    expect(summary).toMatchObject({ owedPence: 630, paidPence: 1260, waitingMinutes: 95 });
    expect(summary.entries).toHaveLength(3);
    expect(summary.entries.every((e) => e.tender.id === t.id)).toBe(true);
    expect((await listClaims(t.commissioner)).map((c) => c.amountPence)).toEqual([630]);
    expect((await listClaims(t.commissioner, "PAID")).map((c) => c.id)).toEqual([paid]);
    expect(await listClaims(other.commissioner)).toEqual([]);
  });
});

describe("the commissioner's lists come a page at a time", () => {
  it("each list pages on its own, with counts and the unpaid total of the whole list", async () => {
    const other = await timeTender();
    const logged: string[] = [];
    for (let i = 0; i < 23; i++)
      logged.push((await logTime(tech, timeInput(t.id, { minutes: String(i + 1) }), new Date(NOW.getTime() + i * 1000))).id);
    await logTime(other.technicians[0], timeInput(other.id), NOW);
    const claims = [await approvedEntry(t, tech, { minutes: "60" }), await approvedEntry(t, tech, { minutes: "30" })]; // £12.60 + £6.30
    const first = { page: 1, size: 10, skip: 0 };
    const view = await getTimeForCommissioner(t.commissioner, {
      pending: paging({ pendingPage: "3", pendingSize: "10" }, 20, "pending"),
      returned: first,
      approved: paging({ approvedSize: "10" }, 20, "approved"),
    });
    expect(view.counts).toEqual({ pending: 23, returned: 0, approved: 2, approvedPence: 1890 });
    expect(view.pending.map((e) => e.minutes)).toEqual([21, 22, 23]);
    expect(view.approved.map((c) => c.id).sort()).toEqual([...claims].sort());
    // The pages of "to approve" together are the whole list, once each, oldest first.
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(
        ...(
          await getTimeForCommissioner(t.commissioner, {
            pending: { page, size: 10, skip: (page - 1) * 10 },
            returned: first,
            approved: first,
          })
        ).pending,
      );
    expect(pages.map((e) => e.id)).toEqual(logged);
    // Another team's commissioner counts nothing of this tender's time.
    expect((await getTimeForCommissioner(other.commissioner, { pending: first, returned: first, approved: first })).counts).toEqual({
      pending: 1,
      returned: 0,
      approved: 0,
      approvedPence: 0,
    });
    await expect(getTimeForCommissioner(tech, { pending: first, returned: first, approved: first })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("time sent back", () => {
  it("stays in the list of the tender's commissioners until it is sent again, with the note", async () => {
    const other = await timeTender();
    const { id } = await logTime(tech, timeInput(t.id), NOW);
    const { id: theirs } = await logTime(other.technicians[0], timeInput(other.id), NOW);
    await reviewTimeEntry(t.commissioner2, id, { decision: "return", note: "Which bid did you read?" }, NOW);
    await reviewTimeEntry(other.commissioner, theirs, { decision: "return", note: "Not ours." }, NOW);
    expect(await listTimeToApprove(t.commissioner)).toEqual([]);
    // Both commissioners running the tender see it, with who sent it back and why; nobody else does.
    for (const commissioner of [t.commissioner, t.commissioner2]) {
      const returned = await listReturnedTime(commissioner);
      expect(returned.map((e) => e.id)).toEqual([id]);
      expect(returned[0]).toMatchObject({
        reviewNote: "Which bid did you read?",
        technician: { name: tech.name },
        reviewedBy: { name: t.commissioner2.name },
        minutes: 95,
      });
    }
    expect(await listReturnedTime(await createActor("COMMISSIONER"))).toEqual([]);
    await expect(listReturnedTime(tech)).rejects.toBeInstanceOf(Forbidden);
    // Sent again: back in "to approve", out of "sent back".
    await editTimeEntry(tech, id, timeInput(t.id, { note: "Brightwell's bid." }), NOW);
    expect(await listReturnedTime(t.commissioner)).toEqual([]);
    expect((await listTimeToApprove(t.commissioner)).map((e) => e.id)).toEqual([id]);
  });
});

describe("marking claims as paid", () => {
  it("only approved claims, all or nothing, then never twice", async () => {
    const a = await approvedEntry(t, tech);
    const b = await approvedEntry(t, t.technicians[1], { minutes: "30" });
    const { id: pending } = await logTime(tech, timeInput(t.id), NOW);
    await expect(markPaid(t.commissioner, [a, pending], NOW)).rejects.toThrow(
      new Conflict("Only approved claims can be marked as paid. Nothing was changed."),
    );
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: a } })).status).toBe("APPROVED");

    const later = new Date("2026-11-27T10:00:00.000Z");
    await expect(markPaid(t.commissioner2, [a, b, a], later)).resolves.toEqual({ count: 2 });
    const rows = await db.timeEntry.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.map((r) => [r.status, r.paidAt?.toISOString()])).toEqual([
      ["PAID", later.toISOString()],
      ["PAID", later.toISOString()],
    ]);
    await expect(markPaid(t.commissioner, [a], NOW)).rejects.toThrow(
      "One claim you chose has already been marked as paid. Nothing was changed.",
    );
    expect(await db.auditEvent.count({ where: { entityId: { in: [a, b] }, action: "time_entry.paid" } })).toBe(2);
  });

  it("refuses an empty choice, unknown ids, other people's tenders and non-commissioners", async () => {
    const a = await approvedEntry(t, tech);
    expect(await fieldErrors(markPaid(t.commissioner, [], NOW))).toEqual({ entryIds: "Choose at least one claim to mark as paid" });
    await expect(markPaid(t.commissioner, ["nope"], NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(markPaid(t.commissioner, [a, "00000000-0000-4000-8000-000000000000"], NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(markPaid(await createActor("COMMISSIONER"), [a], NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(markPaid(tech, [a], NOW)).rejects.toBeInstanceOf(Forbidden);
    const other = await timeTender();
    const theirs = await approvedEntry(other, other.technicians[0]);
    await expect(markPaid(t.commissioner, [a, theirs], NOW)).rejects.toBeInstanceOf(Forbidden);
    expect((await db.timeEntry.findMany({ where: { id: { in: [a, theirs] } } })).map((r) => r.status)).toEqual(["APPROVED", "APPROVED"]);
  });
});

describe("payroll CSV", () => {
  const HEADER =
    "Claim ID,Technician name,Email,Tender reference,Date worked,Minutes,Activity,Hourly rate (£),Amount (£),Approved at,Approved by,Paid,Paid on";

  it("approved claims of the commissioner's tenders: BOM, header, quoting, formula injection, pounds with 2 decimals", async () => {
    const quoted = await addTechnician(t, { name: 'Jo "JJ" O\'Neil, Jr', label: "C" });
    const formula = await addTechnician(t, { name: '=HYPERLINK("http://evil.example","Click")', label: "D" });
    const minus = await addTechnician(t, { name: "-Sam", label: "E" });
    const a = await approvedEntry(t, quoted); // 95 min → £19.95
    const b = await approvedEntry(t, formula, { minutes: "1" }); // 1 min at £12.60 → 21p
    const c = await approvedEntry(t, minus, { hours: "2", minutes: "" }); // 2 h → £25.20
    await logTime(tech, timeInput(t.id), NOW); // pending: never exported
    const other = await timeTender();
    const theirs = await approvedEntry(other, other.technicians[0]);

    const { csv, count } = await exportClaimsCsv(t.commissioner);
    expect(count).toBe(3);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(CLAIM_COLUMNS.join(",")).toBe(HEADER);
    expect(lines.at(-1)).toBe("");
    const body = lines.slice(1, -1);
    expect(body).toHaveLength(3);
    expect(csv).not.toContain(theirs);
    // 12:00 UTC on 20 November is 12:00 in London (GMT).
    expect(body).toContain(
      `${a},"Jo ""JJ"" O'Neil, Jr",${quoted.email},${t.reference},2026-11-18,95,Reading bids,12.60,19.95,2026-11-20 12:00,${t.commissioner.name},No,`,
    );
    expect(body).toContain(
      `${b},"'=HYPERLINK(""http://evil.example"",""Click"")",${formula.email},${t.reference},2026-11-18,1,Reading bids,12.60,0.21,2026-11-20 12:00,${t.commissioner.name},No,`,
    );
    expect(body).toContain(
      `${c},'-Sam,${minus.email},${t.reference},2026-11-18,120,Reading bids,12.60,25.20,2026-11-20 12:00,${t.commissioner.name},No,`,
    );

    // Paid claims are included unless only unpaid ones are asked for.
    await markPaid(t.commissioner, [a], NOW);
    expect((await exportClaimsCsv(t.commissioner)).count).toBe(3);
    const unpaid = await exportClaimsCsv(t.commissioner, { unpaidOnly: true });
    expect(unpaid.count).toBe(2);
    expect(unpaid.csv).not.toContain(a);
    // In the full export the paid row says so, and when (London time).
    const all = (await exportClaimsCsv(t.commissioner)).csv.slice(1).split("\r\n");
    expect(all.find((line) => line.startsWith(a))).toMatch(/,Yes,2026-11-20 12:00$/);
    expect(all.find((line) => line.startsWith(b))).toMatch(/,No,$/);

    // Written in batches (a payroll grows without end): one header and BOM, every
    // row once, in the same order, whatever the batch size.
    const whole = (await exportClaimsCsv(t.commissioner)).csv;
    for (const batchSize of [1, 2]) expect((await exportClaimsCsv(t.commissioner, { batchSize })).csv).toBe(whole);

    // The other tender's commissioner sees only their own claim.
    const theirCsv = await exportClaimsCsv(other.commissioner2);
    expect(theirCsv.count).toBe(1);
    expect(theirCsv.csv).toContain(theirs);
    expect(theirCsv.csv).not.toContain(a);
    expect(await db.auditEvent.count({ where: { action: "time_claims.exported", actorId: t.commissioner.id } })).toBe(7);
  });

  it("only commissioners can export", async () => {
    for (const actor of [tech, await createActor("PROVIDER"), await createActor("GOVERNOR"), await createActor("ADMIN")]) {
      await expect(exportClaimsCsv(actor)).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it("the download route: 401 signed out, 403 for other roles, a CSV attachment for a commissioner", async () => {
    const { GET } = await import("@/app/api/time/claims.csv/route");
    const request = (query = "") => new Request(`http://localhost:3000/api/time/claims.csv${query}`);
    session.actor = null;
    expect((await GET(request())).status).toBe(401);
    session.actor = tech;
    expect((await GET(request())).status).toBe(403);
    await approvedEntry(t, t.technicians[1]);
    session.actor = t.commissioner;
    const response = await GET(request("?unpaid=1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="paid-time-claims-unpaid-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.slice(1).split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain(t.technicians[1].email);
    session.actor = null;
  });
});
