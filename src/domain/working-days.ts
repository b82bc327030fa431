// Standstill (PSR regulation 12) and other periods counted in working days in
// England & Wales. Weekends and bank holidays are excluded; bank holidays come
// from the maintained `date-holidays` data (GB, England), substitute days
// included, never from a hand-typed list.
//
// Regulation 12 of the Health Care Services (Provider Selection Regime)
// Regulations 2023:
// - 12(2): the standstill period begins on the day after the day the notice
//   of intention to award is published;
// - 12(3): representations may be made before midnight at the end of the 8th
//   working day after the day the standstill period begins.
// So neither the notice day nor the begin day is counted: notice Wed 25 Nov
// 2026 → begins Thu 26 Nov → counted 27 Nov … 8 Dec → ends at the end of Tue
// 8 Dec 2026, London time. NHS England's final statutory guidance (Jan 2024)
// reads it the same way.
import Holidays from "date-holidays";
import { formatLondonDay, londonDateKey, parseLondonDateTime } from "./london-time";

export const STANDSTILL_WORKING_DAYS = 8;
/** After a decision to continue following representations (NHS England PSR guidance). */
export const FURTHER_WORKING_DAYS_AFTER_REVIEW = 5;

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

/** The first `count` working days strictly after `dateKey`, in order. */
export function workingDaysAfter(dateKey: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Count at least one working day, not ${count}`);
  const counted: string[] = [];
  let day = dateKey;
  while (counted.length < count) {
    day = nextDay(day);
    if (isWorkingDay(day)) counted.push(day);
  }
  return counted;
}

/** The last instant of a London calendar day: 23:59:59.999 (GMT or BST). */
export function endOfLondonDay(dateKey: string): Date {
  return new Date(parseLondonDateTime(nextDay(dateKey), "00:00").getTime() - 1);
}

export interface StandstillPeriod {
  /** The day the standstill begins: the day after the notice (may be a non-working day). Not itself counted. */
  beginsOn: string;
  /** The working days counted, in order: the 8 working days after `beginsOn`. */
  workingDays: string[];
  /** The last (8th) working day. */
  endsOn: string;
  /** The last instant of the standstill: 23:59:59.999 London time on `endsOn` ("midnight at the end of"). */
  endsAt: Date;
}

/** The standstill that follows a notice of intention to award published at `noticeAt`. */
export function standstillPeriod(noticeAt: Date, workingDays = STANDSTILL_WORKING_DAYS): StandstillPeriod {
  return standstillBeginningOn(nextDay(londonDateKey(noticeAt)), workingDays);
}

/** The standstill that begins on `beginsOn` (the day after the notice day). */
export function standstillBeginningOn(beginsOn: string, workingDays = STANDSTILL_WORKING_DAYS): StandstillPeriod {
  const counted = workingDaysAfter(beginsOn, workingDays);
  const endsOn = counted[counted.length - 1]!;
  return { beginsOn, workingDays: counted, endsOn, endsAt: endOfLondonDay(endsOn) };
}

export interface FurtherPeriod {
  /** The working days counted: those strictly after the day of the notice. */
  workingDays: string[];
  endsOn: string;
  endsAt: Date;
}

/**
 * The further period after a notice that the award will continue following
 * representations: `workingDays` working days after the day of that notice
 * (the notice day itself is not counted), ending at midnight at the end of
 * the last one, London time.
 */
export function furtherPeriodAfterNotice(noticeAt: Date, workingDays = FURTHER_WORKING_DAYS_AFTER_REVIEW): FurtherPeriod {
  const counted = workingDaysAfter(londonDateKey(noticeAt), workingDays);
  const endsOn = counted[counted.length - 1]!;
  return { workingDays: counted, endsOn, endsAt: endOfLondonDay(endsOn) };
}

/** Standstill (or any period ending at `endsAt`) is over once its last instant has passed. */
export function standstillHasEnded(endsAt: Date, now: Date): boolean {
  return now.getTime() > endsAt.getTime();
}

/**
 * The one way the standstill is described, everywhere it is shown (award page,
 * governor's page, letters, "You said, we did", emails):
 * "The standstill began on Thursday 26 November 2026 and ends at midnight at
 * the end of Tuesday 8 December 2026."
 */
export function describeStandstill(beginsOn: string, endsAt: Date): string {
  return `The standstill began on ${formatLondonDay(beginsOn)} and ends at midnight at the end of ${formatLondonDay(londonDateKey(endsAt))}.`;
}
