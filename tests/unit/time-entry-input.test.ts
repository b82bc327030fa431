import { describe, expect, it } from "vitest";
import { checkTimeEntry, type TimeEntryInput } from "@/server/technicians/time-entry-input";
import { activityLabel, formatDuration } from "@/server/technicians/time-labels";

const TENDER = "0f8fad5b-d9cb-469f-a165-70867728950e";
const input = (overrides: Partial<TimeEntryInput> = {}): TimeEntryInput => ({
  tenderId: TENDER,
  workedOn: "2026-11-18",
  minutes: "95",
  activity: "SCORING",
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe("checkTimeEntry", () => {
  const now = at("2026-11-20T12:00:00Z");

  it("parses a valid form into stored values", () => {
    expect(checkTimeEntry(input({ note: "  Marked bid 2  " }), now)).toEqual({
      errors: {},
      fields: { tenderId: TENDER, workedOn: new Date("2026-11-18T00:00:00Z"), minutes: 95, activity: "SCORING", note: "Marked bid 2" },
    });
    expect(checkTimeEntry(input({ hours: 1, minutes: 5 }), now).fields?.minutes).toBe(65);
    expect(checkTimeEntry(input({ hours: "3", minutes: undefined }), now).fields?.minutes).toBe(180);
    expect(checkTimeEntry(input({ note: "   " }), now).fields?.note).toBeNull();
  });

  it("lists the errors in the form's order, so the error summary reads as the form does (issue 27)", () => {
    const { errors } = checkTimeEntry(
      input({ tenderId: "", workedOn: { day: "31", month: "2", year: "2026" }, minutes: "", hours: "lots", activity: "" }),
      now,
    );
    expect(Object.keys(errors)).toEqual(["tenderId", "workedOn", "hours", "activity"]);
  });

  it("minutes: 1 to 720 in total, whole numbers only", () => {
    const minutesError = (o: Partial<TimeEntryInput>) => checkTimeEntry(input(o), now).errors;
    expect(minutesError({ minutes: "1" })).toEqual({});
    expect(minutesError({ minutes: "720" })).toEqual({});
    expect(minutesError({ hours: "11", minutes: "60" })).toEqual({});
    expect(minutesError({ minutes: "0" })).toEqual({ minutes: "The time must be at least 1 minute" });
    expect(minutesError({ hours: "0", minutes: "0" })).toEqual({ minutes: "The time must be at least 1 minute" });
    expect(minutesError({ minutes: "721" })).toEqual({ minutes: "You can log up to 12 hours (720 minutes) at a time" });
    expect(minutesError({ hours: "13" })).toEqual({ minutes: "You can log up to 12 hours (720 minutes) at a time" });
    expect(minutesError({ minutes: "99999999" })).toEqual({ minutes: "Minutes must be a whole number, like 30" });
    expect(minutesError({ minutes: " 45 " })).toEqual({});
  });

  it("dates: London calendar days; today allowed, tomorrow not; 12 months back at most", () => {
    // BST began on 29 March 2026, so 23:30 UTC on 31 March is already 00:30 on 1 April in London.
    const justAfterMidnightBst = at("2026-03-31T23:30:00Z");
    expect(checkTimeEntry(input({ workedOn: "2026-04-01" }), justAfterMidnightBst).errors).toEqual({});
    // In winter London is on UTC: 23:30 UTC on 31 December is still 31 December.
    const newYearsEve = at("2026-12-31T23:30:00Z");
    expect(checkTimeEntry(input({ workedOn: "2027-01-01" }), newYearsEve).errors).toEqual({
      workedOn: "The date must be today or in the past",
    });
    expect(checkTimeEntry(input({ workedOn: "2025-12-31" }), newYearsEve).errors).toEqual({});
    expect(checkTimeEntry(input({ workedOn: "2025-12-30" }), newYearsEve).errors).toEqual({
      workedOn: "You can only log time from the last 12 months",
    });
    // From 29 February, a year back is 1 March the year before (there is no 29 February then).
    const leapDay = at("2028-02-29T12:00:00Z");
    expect(checkTimeEntry(input({ workedOn: "2027-03-01" }), leapDay).errors).toEqual({});
    expect(checkTimeEntry(input({ workedOn: "2027-02-28" }), leapDay).errors).toEqual({
      workedOn: "You can only log time from the last 12 months",
    });
    expect(checkTimeEntry(input({ workedOn: "2027-02-29" }), leapDay).errors).toEqual({ workedOn: "The date must be a real date" });
  });

  it("activity and note", () => {
    expect(checkTimeEntry(input({ activity: "" }), now).errors).toEqual({ activity: "Choose what you were doing" });
    expect(checkTimeEntry(input({ activity: "OTHER" }), now).errors).toEqual({ note: "Tell us what you were doing" });
    expect(checkTimeEntry(input({ activity: "OTHER", note: "Visited the unit" }), now).errors).toEqual({});
    expect(checkTimeEntry(input({ note: "a".repeat(1000) }), now).errors).toEqual({});
    expect(checkTimeEntry(input({ note: "a".repeat(1001) }), now).errors).toEqual({ note: "Your note must be 1,000 characters or fewer" });
    // Composed and decomposed "é" are stored the same way (NFC).
    expect(checkTimeEntry(input({ note: "Zoe\u0301" }), now).fields?.note).toBe("Zo\u00e9");
  });
});

describe("time labels", () => {
  it("formats durations in plain words", () => {
    expect([1, 45, 60, 95, 120, 720].map(formatDuration)).toEqual([
      "1 minute",
      "45 minutes",
      "1 hour",
      "1 hour 35 minutes",
      "2 hours",
      "12 hours",
    ]);
    expect(activityLabel("MODERATION_MEETING")).toBe("Panel meeting");
  });
});
