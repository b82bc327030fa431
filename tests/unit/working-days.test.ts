import { describe, expect, it } from "vitest";
import { bankHoliday, isWorkingDay, standstillHasEnded, standstillPeriod } from "@/domain/working-days";

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

describe("standstill: 8 working days from the day after the notice, to the end of the 8th", () => {
  it("an ordinary fortnight: notice on Wednesday 25 November 2026", () => {
    // Counting starts Thu 26: 26, 27, (28, 29 weekend), 30, 1, 2, 3, 4, (5, 6), 7 → 8th is Mon 7 December.
    const p = standstillPeriod(new Date("2026-11-25T15:00:00Z"));
    expect(p.countingStartsOn).toBe("2026-11-26");
    expect(p.workingDays).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07"]);
    expect(p.endsOn).toBe("2026-12-07");
    // GMT in December: the end of the day London time is the end of the day UTC.
    expect(p.endsAt.toISOString()).toBe("2026-12-07T23:59:59.999Z");
  });

  it("across Christmas 2026: Christmas Day, the weekend and the Boxing Day substitute are skipped", () => {
    // Notice Thu 17 Dec. Counted: Fri 18, Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 Christmas,
    // Sat 26, Sun 27, Mon 28 substitute), Tue 29, Wed 30, Thu 31 → 8th is 31 December.
    const p = standstillPeriod(new Date("2026-12-17T15:00:00Z"));
    expect(p.workingDays).toEqual(["2026-12-18", "2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31"]);
    expect(p.endsAt.toISOString()).toBe("2026-12-31T23:59:59.999Z");
  });

  it("across New Year 2027: 1 January is skipped", () => {
    // Notice Wed 23 Dec 2026. Counted: 24, 29, 30, 31, (1 Jan, 2, 3), 4, 5, 6, 7 → 8th is Thu 7 January.
    const p = standstillPeriod(new Date("2026-12-23T10:00:00Z"));
    expect(p.workingDays).toEqual(["2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07"]);
  });

  it("across Easter 2027, when the clocks also go forward: ends at midnight BST", () => {
    // Notice Wed 24 Mar 2027. Counted: Thu 25, (Fri 26 Good Friday, Sat, Sun 28 clocks change,
    // Mon 29 Easter Monday), Tue 30, Wed 31, Thu 1 Apr, Fri 2, Mon 5, Tue 6, Wed 7 → 8th is 7 April.
    const p = standstillPeriod(new Date("2027-03-24T12:00:00Z"));
    expect(p.workingDays).toEqual(["2027-03-25", "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02", "2027-04-05", "2027-04-06", "2027-04-07"]);
    // 23:59:59.999 BST (UTC+1) on 7 April is 22:59:59.999 UTC.
    expect(p.endsAt.toISOString()).toBe("2027-04-07T22:59:59.999Z");
  });

  it("the notice day is the London calendar day, not the UTC one", () => {
    // 23:30 UTC on Friday 3 July 2026 is 00:30 BST on Saturday 4 July: the notice day is Saturday,
    // counting starts Sunday, and the first working day is Monday 6 July either way.
    const lateFriday = standstillPeriod(new Date("2026-07-03T22:30:00Z")); // 23:30 BST Friday
    const earlySaturday = standstillPeriod(new Date("2026-07-03T23:30:00Z")); // 00:30 BST Saturday
    expect(lateFriday.countingStartsOn).toBe("2026-07-04");
    expect(earlySaturday.countingStartsOn).toBe("2026-07-05");
    expect(lateFriday.workingDays[0]).toBe("2026-07-06");
    expect(lateFriday.endsOn).toBe("2026-07-15");
    expect(earlySaturday.endsOn).toBe("2026-07-15");
    expect(lateFriday.endsAt.toISOString()).toBe("2026-07-15T22:59:59.999Z");
  });

  it("a notice given on a Friday still counts from Saturday, so Monday is day 1", () => {
    const p = standstillPeriod(new Date("2026-11-27T11:00:00Z"));
    expect(p.countingStartsOn).toBe("2026-11-28");
    expect(p.workingDays[0]).toBe("2026-11-30");
    expect(p.endsOn).toBe("2026-12-09");
  });

  it("is over only after its last millisecond", () => {
    const { endsAt } = standstillPeriod(new Date("2026-11-25T15:00:00Z"));
    expect(standstillHasEnded(endsAt, endsAt)).toBe(false);
    expect(standstillHasEnded(endsAt, new Date(endsAt.getTime() + 1))).toBe(true);
  });

  it("every period of any notice day has exactly 8 working days, none of them a weekend or bank holiday", () => {
    for (let day = 0; day < 730; day += 1) {
      const noticeAt = new Date(Date.UTC(2026, 0, 1, 12) + day * 86_400_000);
      const p = standstillPeriod(noticeAt);
      expect(p.workingDays).toHaveLength(8);
      for (const d of p.workingDays) expect(isWorkingDay(d)).toBe(true);
      expect(new Set(p.workingDays).size).toBe(8);
    }
  });
});
