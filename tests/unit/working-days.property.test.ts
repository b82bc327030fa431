import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { londonDateKey } from "@/domain/london-time";
import { bankHoliday, furtherPeriodAfterNotice, isWorkingDay, nextDay, standstillPeriod } from "@/domain/working-days";

// Properties of the regulation 12 count over any notice instant from 2025 to 2030.
const RUNS = { numRuns: 400 };
const noticeInstant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true });

const weekday = (key: string) => new Date(`${key}T12:00:00Z`).getUTCDay();
/** Every calendar day strictly after `from`, up to and including `to`. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = nextDay(from); d <= to; d = nextDay(d)) days.push(d);
  return days;
}
const isWeekend = (key: string) => weekday(key) === 0 || weekday(key) === 6;
/** The n-th working day counting `from` itself as a candidate, by plain iteration. */
function nthWorkingDayFrom(from: string, n: number): string {
  let seen = 0;
  for (let d = from; ; d = nextDay(d)) if (!isWeekend(d) && bankHoliday(d) === null && ++seen === n) return d;
}

describe("standstill properties", () => {
  it("begins on the London day after the notice and is never counted", () => {
    fc.assert(
      fc.property(noticeInstant, (noticeAt) => {
        const p = standstillPeriod(noticeAt);
        expect(p.beginsOn).toBe(nextDay(londonDateKey(noticeAt)));
        expect(p.workingDays).not.toContain(p.beginsOn);
        expect(p.workingDays).not.toContain(londonDateKey(noticeAt));
        expect(p.workingDays[0]! > p.beginsOn).toBe(true);
      }),
      RUNS,
    );
  });

  it("ends on the 8th working day strictly after the begin day: exactly 8 working days lie in between", () => {
    fc.assert(
      fc.property(noticeInstant, (noticeAt) => {
        const p = standstillPeriod(noticeAt);
        const between = daysBetween(p.beginsOn, p.endsOn);
        const working = between.filter((d) => !isWeekend(d) && bankHoliday(d) === null);
        expect(working).toEqual(p.workingDays);
        expect(working).toHaveLength(8);
        expect(working.at(-1)).toBe(p.endsOn);
      }),
      RUNS,
    );
  });

  it("never ends on a weekend or a bank holiday, and no counted day is one", () => {
    fc.assert(
      fc.property(noticeInstant, (noticeAt) => {
        const p = standstillPeriod(noticeAt);
        for (const d of p.workingDays) {
          expect(isWeekend(d)).toBe(false);
          expect(bankHoliday(d)).toBeNull();
        }
        expect(isWorkingDay(p.endsOn)).toBe(true);
      }),
      RUNS,
    );
  });

  it("ends at midnight at the end of the last day, London time (GMT or BST)", () => {
    fc.assert(
      fc.property(noticeInstant, (noticeAt) => {
        const { endsAt, endsOn } = standstillPeriod(noticeAt);
        expect(londonDateKey(endsAt)).toBe(endsOn);
        expect(londonDateKey(new Date(endsAt.getTime() + 1))).toBe(nextDay(endsOn));
      }),
      RUNS,
    );
  });

  it("a later notice never ends earlier; it ends a working day after the old short count exactly when the begin day is a working day", () => {
    fc.assert(
      fc.property(noticeInstant, fc.integer({ min: 0, max: 30 * 86_400_000 }), (noticeAt, laterBy) => {
        const p = standstillPeriod(noticeAt);
        expect(standstillPeriod(new Date(noticeAt.getTime() + laterBy)).endsAt.getTime()).toBeGreaterThanOrEqual(p.endsAt.getTime());
        // The old, short count took the begin day itself as day 1 when it was a working day.
        const shortEnd = nthWorkingDayFrom(p.beginsOn, 8);
        const beginsOnWorkingDay = !isWeekend(p.beginsOn) && bankHoliday(p.beginsOn) === null;
        expect(p.endsOn).toBe(beginsOnWorkingDay ? nthWorkingDayFrom(nextDay(shortEnd), 1) : shortEnd);
      }),
      RUNS,
    );
  });

  it("the further period after a decision to continue: 5 working days after the notice day, same rules", () => {
    fc.assert(
      fc.property(noticeInstant, (noticeAt) => {
        const f = furtherPeriodAfterNotice(noticeAt);
        const working = daysBetween(londonDateKey(noticeAt), f.endsOn).filter((d) => !isWeekend(d) && bankHoliday(d) === null);
        expect(working).toEqual(f.workingDays);
        expect(working).toHaveLength(5);
        expect(londonDateKey(f.endsAt)).toBe(f.endsOn);
      }),
      RUNS,
    );
  });
});
