import { describe, expect, it } from "vitest";
import {
  commitmentState,
  measureDueInPeriod,
  meetsTarget,
  parseMeasureValue,
  periodState,
  reminderDue,
  reportingPeriods,
  reviewState,
  type SignedThing,
} from "@/domain/contract-checks";

describe("reporting periods", () => {
  it("are calendar quarters cut to the contract's dates, each due 28 days after it ends", () => {
    const periods = reportingPeriods("2027-04-01", "2030-03-31");
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ number: 1, start: "2027-04-01", end: "2027-06-30", due: "2027-07-28" });
    expect(periods[3]).toEqual({ number: 4, start: "2028-01-01", end: "2028-03-31", due: "2028-04-28" });
    expect(periods.at(-1)).toEqual({ number: 12, start: "2030-01-01", end: "2030-03-31", due: "2030-04-28" });
  });

  it("cut a first and last part-quarter; a one-day contract has one period", () => {
    const periods = reportingPeriods("2027-05-15", "2027-11-02");
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ["2027-05-15", "2027-06-30"],
      ["2027-07-01", "2027-09-30"],
      ["2027-10-01", "2027-11-02"],
    ]);
    expect(reportingPeriods("2027-12-31", "2027-12-31")).toEqual([
      { number: 1, start: "2027-12-31", end: "2027-12-31", due: "2028-01-28" },
    ]);
    expect(() => reportingPeriods("2027-05-15", "2027-05-14")).toThrow(RangeError);
  });

  it("ask six-monthly measures in September and March, yearly ones in March, and every measure in the last period", () => {
    expect(measureDueInPeriod("QUARTERLY", "2027-06-30", "2030-03-31")).toBe(true);
    expect(measureDueInPeriod("HALF_YEARLY", "2027-06-30", "2030-03-31")).toBe(false);
    expect(measureDueInPeriod("HALF_YEARLY", "2027-09-30", "2030-03-31")).toBe(true);
    expect(measureDueInPeriod("YEARLY", "2027-09-30", "2030-03-31")).toBe(false);
    expect(measureDueInPeriod("YEARLY", "2028-03-31", "2030-03-31")).toBe(true);
    expect(measureDueInPeriod("YEARLY", "2027-11-02", "2027-11-02")).toBe(true);
  });
});

describe("late returns", () => {
  const period = { end: "2027-06-30", due: "2027-07-28" };
  it("opens on the period's last day, is late after the due day, and a first return after it is flagged", () => {
    expect(periodState(period, null, "2027-06-29")).toBe("NOT_YET");
    expect(periodState(period, null, "2027-06-30")).toBe("OPEN");
    expect(periodState(period, null, "2027-07-28")).toBe("OPEN");
    expect(periodState(period, null, "2027-07-29")).toBe("LATE");
    expect(periodState(period, "2027-07-28", "2027-09-01")).toBe("SUBMITTED");
    expect(periodState(period, "2027-07-29", "2027-09-01")).toBe("SUBMITTED_LATE");
  });
  it("reminds within 7 days before the due day, only without a return", () => {
    expect(reminderDue(period, false, "2027-07-20")).toBe(false);
    expect(reminderDue(period, false, "2027-07-21")).toBe(true);
    expect(reminderDue(period, false, "2027-07-28")).toBe(true);
    expect(reminderDue(period, false, "2027-07-29")).toBe(false);
    expect(reminderDue(period, true, "2027-07-25")).toBe(false);
  });
});

describe("values by unit", () => {
  it("accepts values in range and refuses the rest with a message", () => {
    expect(parseMeasureValue("PERCENT", "95.5")).toEqual({ value: 95.5 });
    expect(parseMeasureValue("PERCENT", "95 %")).toEqual({ value: 95 });
    expect(parseMeasureValue("PERCENT", "100.1")).toEqual({ error: "Must be between 0 and 100" });
    expect(parseMeasureValue("PERCENT", "-1")).toHaveProperty("error");
    expect(parseMeasureValue("PERCENT", "")).toEqual({ error: "Enter a number" });
    expect(parseMeasureValue("PERCENT", "95.55")).toEqual({ error: "Use at most one decimal place" });
    expect(parseMeasureValue("COUNT", "3.5")).toEqual({ error: "Enter a whole number" });
    expect(parseMeasureValue("COUNT", "12")).toEqual({ value: 12 });
    expect(parseMeasureValue("DAYS", "3661")).toHaveProperty("error");
    expect(parseMeasureValue("HOURS", "24")).toEqual({ value: 24 });
    expect(parseMeasureValue("HOURS", "1e3")).toHaveProperty("error");
    expect(parseMeasureValue("HOURS", "٣")).toHaveProperty("error");
    expect(parseMeasureValue("YES_NO", "Yes")).toEqual({ value: 1 });
    expect(parseMeasureValue("YES_NO", "no")).toEqual({ value: 0 });
    expect(parseMeasureValue("YES_NO", "maybe")).toEqual({ error: "Choose yes or no" });
  });
  it("meets a target at least or at most, and a yes-or-no target by the same answer", () => {
    expect(meetsTarget({ unit: "PERCENT", direction: "AT_LEAST", target: 95 }, 95)).toBe(true);
    expect(meetsTarget({ unit: "PERCENT", direction: "AT_LEAST", target: 95 }, 94.9)).toBe(false);
    expect(meetsTarget({ unit: "DAYS", direction: "AT_MOST", target: 3 }, 3)).toBe(true);
    expect(meetsTarget({ unit: "DAYS", direction: "AT_MOST", target: 3 }, 4)).toBe(false);
    expect(meetsTarget({ unit: "YES_NO", direction: "AT_LEAST", target: 1 }, 0)).toBe(false);
  });
});

describe("signatures", () => {
  const sign = (
    signerRole: "COMMISSIONER" | "GOVERNOR" | "PROVIDER",
    decision: "APPROVED" | "CHANGES_REQUESTED" = "APPROVED",
    hash = "h",
    voidedAt: Date | null = null,
  ) => ({
    signerRole,
    decision,
    contentHash: hash,
    voidedAt,
  });
  const thing = (...signOffs: SignedThing["signOffs"]): SignedThing => ({ contentHash: "h", signOffs });
  it("commitments are in force only when the commissioner and the provider have signed the content as it is", () => {
    expect(commitmentState(thing())).toBe("AWAITING_BOTH");
    expect(commitmentState(thing(sign("COMMISSIONER")))).toBe("AWAITING_PROVIDER");
    expect(commitmentState(thing(sign("PROVIDER")))).toBe("AWAITING_COMMISSIONER");
    expect(commitmentState(thing(sign("COMMISSIONER"), sign("PROVIDER")))).toBe("IN_FORCE");
    expect(commitmentState(thing(sign("COMMISSIONER"), sign("PROVIDER", "APPROVED", "h", new Date())))).toBe("AWAITING_PROVIDER");
    expect(commitmentState(thing(sign("COMMISSIONER"), sign("PROVIDER", "APPROVED", "other")))).toBe("AWAITING_PROVIDER");
    expect(commitmentState(thing(sign("COMMISSIONER"), sign("GOVERNOR")))).toBe("AWAITING_PROVIDER");
  });
  it("a review is signed when the commissioner and the governor approved what it says now", () => {
    expect(reviewState(thing())).toBe("DRAFT");
    expect(reviewState(thing(sign("COMMISSIONER")))).toBe("AWAITING_GOVERNOR");
    expect(reviewState(thing(sign("COMMISSIONER"), sign("GOVERNOR", "CHANGES_REQUESTED")))).toBe("CHANGES_REQUESTED");
    expect(reviewState(thing(sign("COMMISSIONER"), sign("GOVERNOR")))).toBe("SIGNED");
    expect(reviewState(thing(sign("COMMISSIONER", "APPROVED", "old"), sign("GOVERNOR", "APPROVED", "old")))).toBe("DRAFT");
  });
});
