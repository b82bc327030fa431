import { describe, expect, it } from "vitest";
import {
  bankHoliday,
  describeStandstill,
  furtherPeriodAfterNotice,
  isWorkingDay,
  standstillHasEnded,
  standstillPeriod,
  workingDaysAfter,
} from "@/domain/working-days";

describe("bank holidays in England & Wales (date-holidays data)", () => {
  it("knows Christmas, Boxing Day's substitute, Good Friday and Easter Monday", () => {
    expect(bankHoliday("2026-12-25")).toBe("Christmas Day");
    // 26 December 2026 is a Saturday, so Monday 28th is the substitute day.
    expect(bankHoliday("2026-12-28")).toMatch(/Boxing Day/);
    expect(bankHoliday("2027-03-26")).toBe("Good Friday");
    expect(bankHoliday("2027-03-29")).toBe("Easter Monday");
    expect(bankHoliday("2027-03-28")).toBeNull(); // Easter Sunday is not a bank holiday (it is a Sunday anyway)
    expect(bankHoliday("2026-03-15")).toBeNull(); // Mother's Day is an observance, not a bank holiday
    expect(bankHoliday("2026-11-24")).toBeNull();
  });

  it("weekends and bank holidays are not working days", () => {
    expect(isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-28")).toBe(false); // substitute bank holiday
  });
});

// PSR regulation 12: the standstill begins on the day after the notice day
// (12(2)) and representations may be made before midnight at the end of the
// 8th working day AFTER the day it begins (12(3)). Neither the notice day nor
// the begin day is counted.
describe("standstill (PSR regulation 12): begins the day after the notice; ends at the end of the 8th working day after that", () => {
  // The worked examples of issue 17 (London time; England & Wales bank holidays).
  const examples = [
    {
      notice: "2026-11-25T19:41:00Z",
      label: "Wed 25 Nov 2026, 19:41 GMT",
      beginsOn: "2026-11-26",
      endsOn: "2026-12-08",
      endsAt: "2026-12-08T23:59:59.999Z",
    },
    {
      notice: "2026-12-18T15:00:00Z",
      label: "Fri 18 Dec 2026, 15:00 GMT",
      beginsOn: "2026-12-19",
      endsOn: "2027-01-04",
      endsAt: "2027-01-04T23:59:59.999Z",
    },
    {
      notice: "2027-03-25T10:00:00Z",
      label: "Thu 25 Mar 2027, 10:00 GMT",
      beginsOn: "2027-03-26",
      endsOn: "2027-04-08",
      endsAt: "2027-04-08T22:59:59.999Z",
    },
    {
      notice: "2026-05-22T22:30:00Z",
      label: "Fri 22 May 2026, 23:30 BST",
      beginsOn: "2026-05-23",
      endsOn: "2026-06-04",
      endsAt: "2026-06-04T22:59:59.999Z",
    },
    {
      notice: "2026-12-31T00:10:00Z",
      label: "Thu 31 Dec 2026, 00:10 GMT",
      beginsOn: "2027-01-01",
      endsOn: "2027-01-13",
      endsAt: "2027-01-13T23:59:59.999Z",
    },
  ];
  it.each(examples)("notice $label → begins $beginsOn, last day $endsOn", ({ notice, beginsOn, endsOn, endsAt }) => {
    const p = standstillPeriod(new Date(notice));
    expect(p.beginsOn).toBe(beginsOn);
    expect(p.endsOn).toBe(endsOn);
    expect(p.endsAt.toISOString()).toBe(endsAt);
    expect(p.workingDays).toHaveLength(8);
    expect(p.workingDays).not.toContain(beginsOn);
  });

  it("an ordinary fortnight: the governor approves on Wednesday 25 November 2026 at 19:41", () => {
    // Begins Thu 26 (not counted). Counted: Fri 27, (28, 29 weekend), Mon 30, 1, 2, 3, 4, (5, 6), Mon 7, Tue 8
    // → the 8th working day after the begin day is Tue 8 December. The old count started on the 26th and
    // stopped a working day short, on Mon 7 December.
    const p = standstillPeriod(new Date("2026-11-25T19:41:00Z"));
    expect(p.beginsOn).toBe("2026-11-26");
    expect(p.workingDays).toEqual([
      "2026-11-27",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-07",
      "2026-12-08",
    ]);
    // GMT in December: the end of the day London time is the end of the day UTC.
    expect(p.endsAt.toISOString()).toBe("2026-12-08T23:59:59.999Z");
  });

  it("across Christmas 2026: Christmas Day, the weekend, the Boxing Day substitute and New Year's Day are skipped", () => {
    // Notice Thu 17 Dec; begins Fri 18 (not counted). Counted: Mon 21, Tue 22, Wed 23, Thu 24,
    // (Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day substitute), Tue 29, Wed 30, Thu 31,
    // (Fri 1 Jan bank holiday, Sat 2, Sun 3), Mon 4 January → the 8th is 4 January 2027, GMT.
    const p = standstillPeriod(new Date("2026-12-17T15:00:00Z"));
    expect(p.beginsOn).toBe("2026-12-18");
    expect(p.workingDays).toEqual([
      "2026-12-21",
      "2026-12-22",
      "2026-12-23",
      "2026-12-24",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-04",
    ]);
    expect(p.endsAt.toISOString()).toBe("2027-01-04T23:59:59.999Z");
  });

  it("across New Year 2027: begins on Christmas Eve, which is not counted; 1 January is skipped", () => {
    // Notice Wed 23 Dec 2026; begins Thu 24 (a working day, but the begin day is never counted).
    // Counted: (25, 26, 27, 28 holidays and weekend) Tue 29, Wed 30, Thu 31, (Fri 1 Jan, 2, 3),
    // Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 → the 8th is Friday 8 January.
    const p = standstillPeriod(new Date("2026-12-23T10:00:00Z"));
    expect(p.beginsOn).toBe("2026-12-24");
    expect(p.workingDays).toEqual([
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
    ]);
    expect(p.endsAt.toISOString()).toBe("2027-01-08T23:59:59.999Z");
  });

  it("across Easter 2027, when the clocks also go forward: ends at midnight BST", () => {
    // Notice Wed 24 Mar 2027; begins Thu 25 (not counted). Counted: (Fri 26 Good Friday, Sat 27,
    // Sun 28 clocks go forward, Mon 29 Easter Monday), Tue 30, Wed 31, Thu 1 Apr, Fri 2, Mon 5, Tue 6,
    // Wed 7, Thu 8 → the 8th is 8 April, in British Summer Time.
    const p = standstillPeriod(new Date("2027-03-24T12:00:00Z"));
    expect(p.beginsOn).toBe("2027-03-25");
    expect(p.workingDays).toEqual([
      "2027-03-30",
      "2027-03-31",
      "2027-04-01",
      "2027-04-02",
      "2027-04-05",
      "2027-04-06",
      "2027-04-07",
      "2027-04-08",
    ]);
    // 23:59:59.999 BST (UTC+1) on 8 April is 22:59:59.999 UTC.
    expect(p.endsAt.toISOString()).toBe("2027-04-08T22:59:59.999Z");
  });

  it("when the clocks go back in October 2026: a notice in BST, an end in GMT", () => {
    // Notice Fri 23 Oct 2026 (BST); begins Sat 24; the clocks go back on Sun 25. Counted: Mon 26,
    // Tue 27, Wed 28, Thu 29, Fri 30, Mon 2 Nov, Tue 3, Wed 4 → ends at the end of 4 November, GMT.
    const p = standstillPeriod(new Date("2026-10-23T11:00:00Z"));
    expect(p.beginsOn).toBe("2026-10-24");
    expect(p.endsOn).toBe("2026-11-04");
    expect(p.endsAt.toISOString()).toBe("2026-11-04T23:59:59.999Z");
  });

  it("the notice day is the London calendar day, not the UTC one", () => {
    // 22:30 UTC on Wed 1 July 2026 is 23:30 BST, still Wednesday: begins Thu 2 (not counted), counted
    // Fri 3 … Tue 14 July. 23:30 UTC is 00:30 BST on Thursday: the notice day is Thursday, the
    // standstill begins Friday 3 (not counted), counted Mon 6 … Wed 15 July.
    const lateWednesday = standstillPeriod(new Date("2026-07-01T22:30:00Z"));
    const earlyThursday = standstillPeriod(new Date("2026-07-01T23:30:00Z"));
    expect(lateWednesday.beginsOn).toBe("2026-07-02");
    expect(lateWednesday.endsOn).toBe("2026-07-14");
    expect(earlyThursday.beginsOn).toBe("2026-07-03");
    expect(earlyThursday.endsOn).toBe("2026-07-15");
    expect(earlyThursday.endsAt.toISOString()).toBe("2026-07-15T22:59:59.999Z");
  });

  it("a notice given on a Friday begins on Saturday, so Monday is the first working day counted", () => {
    // Fri 27 Nov 2026 → begins Sat 28 (not a working day, and not counted either way): counted
    // Mon 30, 1, 2, 3, 4, 7, 8, Wed 9. When the day after the notice is not a working day, the
    // regulation's count and the old, short count agree.
    const p = standstillPeriod(new Date("2026-11-27T11:00:00Z"));
    expect(p.beginsOn).toBe("2026-11-28");
    expect(p.workingDays[0]).toBe("2026-11-30");
    expect(p.endsOn).toBe("2026-12-09");
  });

  it("is over only after its last millisecond", () => {
    const { endsAt } = standstillPeriod(new Date("2026-11-25T15:00:00Z"));
    expect(standstillHasEnded(endsAt, endsAt)).toBe(false);
    expect(standstillHasEnded(endsAt, new Date(endsAt.getTime() + 1))).toBe(true);
  });

  it("is said the same way everywhere", () => {
    const p = standstillPeriod(new Date("2026-11-25T19:41:00Z"));
    expect(describeStandstill(p.beginsOn, p.endsAt)).toBe(
      "The standstill began on Thursday 26 November 2026 and ends at midnight at the end of Tuesday 8 December 2026.",
    );
    // In British Summer Time the last instant is 22:59:59.999 UTC, still the London day it ends on.
    const easter = standstillPeriod(new Date("2027-03-25T10:00:00Z"));
    expect(describeStandstill(easter.beginsOn, easter.endsAt)).toBe(
      "The standstill began on Friday 26 March 2027 and ends at midnight at the end of Thursday 8 April 2027.",
    );
  });
});

describe("the further 5 working days after a decision to continue", () => {
  it("counts the working days after the day of that notice, the notice day not counted", () => {
    // Notice Tue 8 Dec 2026 at 16:00: counted Wed 9, Thu 10, Fri 11, Mon 14, Tue 15 → ends at the end of 15 December.
    const p = furtherPeriodAfterNotice(new Date("2026-12-08T16:00:00Z"));
    expect(p.workingDays).toEqual(["2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15"]);
    expect(p.endsAt.toISOString()).toBe("2026-12-15T23:59:59.999Z");
  });

  it("skips Christmas like the standstill does", () => {
    // Notice Wed 23 Dec 2026: counted Thu 24, (25–28), Tue 29, Wed 30, Thu 31, (1–3 Jan), Mon 4 January.
    expect(furtherPeriodAfterNotice(new Date("2026-12-23T10:00:00Z")).endsOn).toBe("2027-01-04");
  });

  it("refuses to count nothing", () => {
    expect(() => workingDaysAfter("2026-12-08", 0)).toThrow(RangeError);
  });
});
