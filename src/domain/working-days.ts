// Standstill (PRODUCT.md, "STANDSTILL"): 8 working days in England & Wales.
// Weekends and bank holidays are excluded; bank holidays come from the
// maintained `date-holidays` data (GB, England), substitute days included,
// never from a hand-typed list. Counting starts the day after the award
// notice and letters are published; the period ends at the end of the 8th
// working day, London time.
import Holidays from "date-holidays";
import { londonDateKey, parseLondonDateTime } from "./london-time";

export const STANDSTILL_WORKING_DAYS = 8;

const englandAndWales = new Holidays("GB", "ENG");

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDate(dateKey: string): Date {
  const m = DATE_KEY.exec(dateKey);
  if (!m) throw new RangeError(`Not a date: ${dateKey}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day after `dateKey` ("YYYY-MM-DD"). */
export function nextDay(dateKey: string): string {
  const d = toUtcDate(dateKey);
  d.setUTCDate(d.getUTCDate() + 1);
  return toKey(d);
}

const bankHolidaysByYear = new Map<number, Map<string, string>>();

function bankHolidaysOf(year: number): Map<string, string> {
  let holidays = bankHolidaysByYear.get(year);
  if (!holidays) {
    // `date` is the region's local calendar day, "YYYY-MM-DD hh:mm:ss".
    holidays = new Map(
      englandAndWales
        .getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    bankHolidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The bank holiday's name when `dateKey` is one in England & Wales, else null. */
export function bankHoliday(dateKey: string): string | null {
  const year = toUtcDate(dateKey).getUTCFullYear();
  return bankHolidaysOf(year).get(dateKey) ?? null;
}

export function isWorkingDay(dateKey: string): boolean {
  const weekday = toUtcDate(dateKey).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return bankHoliday(dateKey) === null;
}

export interface StandstillPeriod {
  /** The first day counted (the day after the notice; may be a non-working day). */
  countingStartsOn: string;
  /** The working days counted, in order. */
  workingDays: string[];
  /** The last (8th) working day. */
  endsOn: string;
  /** The last instant of the standstill: 23:59:59.999 London time on `endsOn`. */
  endsAt: Date;
}

/** The standstill that follows an award notice published at `noticeAt`. */
export function standstillPeriod(noticeAt: Date, workingDays = STANDSTILL_WORKING_DAYS): StandstillPeriod {
  const countingStartsOn = nextDay(londonDateKey(noticeAt));
  const counted: string[] = [];
  let day = countingStartsOn;
  while (counted.length < workingDays) {
    if (isWorkingDay(day)) counted.push(day);
    if (counted.length < workingDays) day = nextDay(day);
  }
  const endsOn = counted[counted.length - 1]!;
  const endsAt = new Date(parseLondonDateTime(nextDay(endsOn), "00:00").getTime() - 1);
  return { countingStartsOn, workingDays: counted, endsOn, endsAt };
}

/** Standstill is over once its last instant has passed. */
export function standstillHasEnded(endsAt: Date, now: Date): boolean {
  return now.getTime() > endsAt.getTime();
}
