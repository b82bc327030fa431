// Checking the service after the award (issue 25): the pure rules for a
// contract's commitments, its reporting periods, returns and reviews.
// Dates are London calendar days "YYYY-MM-DD" (a contract runs from its first
// day to its last day inclusive).
import { addMonthsToDateKey, previousDay } from "./contract-period";

export const MEASURE_UNITS = ["PERCENT", "COUNT", "DAYS", "HOURS", "YES_NO"] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const MEASURE_DIRECTIONS = ["AT_LEAST", "AT_MOST"] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];
export const REPORTING_FREQUENCIES = ["QUARTERLY", "HALF_YEARLY", "YEARLY"] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];
export const MEASURE_RATINGS = ["MET", "PARTLY_MET", "NOT_MET"] as const;
export type MeasureRating = (typeof MEASURE_RATINGS)[number];

export const UNIT_LABEL: Record<MeasureUnit, string> = {
  PERCENT: "Percent (0 to 100)",
  COUNT: "A count (a whole number)",
  DAYS: "Days",
  HOURS: "Hours",
  YES_NO: "Yes or no",
};

export const DIRECTION_LABEL: Record<MeasureDirection, string> = {
  AT_LEAST: "At least the target",
  AT_MOST: "At most the target",
};

export const FREQUENCY_LABEL: Record<ReportingFrequency, string> = {
  QUARTERLY: "Every quarter",
  HALF_YEARLY: "Every six months (September and March)",
  YEARLY: "Every year (March)",
};

/** In words as well as colour: the tag's text is the rating. */
export const RATING_LABEL: Record<MeasureRating, string> = { MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met" };

/** The largest value each unit accepts (and the smallest is 0 for all). */
const MAXIMUM: Record<MeasureUnit, number> = { PERCENT: 100, COUNT: 1_000_000, DAYS: 3_660, HOURS: 100_000, YES_NO: 1 };

/** "95 %", "12", "3 days", "24 hours", "Yes". */
export function formatMeasureValue(unit: MeasureUnit, value: number): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  switch (unit) {
    case "PERCENT":
      return `${n}%`;
    case "COUNT":
      return n;
    case "DAYS":
      return `${n} ${value === 1 ? "day" : "days"}`;
    case "HOURS":
      return `${n} ${value === 1 ? "hour" : "hours"}`;
    case "YES_NO":
      return value === 1 ? "Yes" : "No";
  }
}

/** "At least 95%", "At most 3 days", "Yes". */
export function describeTarget(m: { unit: MeasureUnit; direction: MeasureDirection; target: number }): string {
  if (m.unit === "YES_NO") return m.target === 1 ? "Yes" : "No";
  return `${m.direction === "AT_LEAST" ? "At least" : "At most"} ${formatMeasureValue(m.unit, m.target)}`;
}

/**
 * Reads a typed value for a unit: a number in the unit's range (whole for a
 * count, at most one decimal place otherwise), or "yes"/"no" (and 1/0) for a
 * yes-or-no measure. Returns the value, or the message to show by the field.
 */
export function parseMeasureValue(unit: MeasureUnit, typed: string): { value: number } | { error: string } {
  const text = typed.trim().toLowerCase().replace(/%$/, "").trim();
  if (text === "") return { error: unit === "YES_NO" ? "Choose yes or no" : "Enter a number" };
  if (unit === "YES_NO") {
    if (text === "yes" || text === "1") return { value: 1 };
    if (text === "no" || text === "0") return { value: 0 };
    return { error: "Choose yes or no" };
  }
  if (!/^\d{1,7}(\.\d+)?$/.test(text)) return { error: "Enter a number, like 12 or 95.5 (0 or more)" };
  const value = Number(text);
  if (unit === "COUNT" && !Number.isInteger(value)) return { error: "Enter a whole number" };
  if (!/^\d+(\.\d)?$/.test(text)) return { error: "Use at most one decimal place" };
  const max = MAXIMUM[unit];
  if (value > max) return { error: `Must be between 0 and ${max.toLocaleString("en-GB")}` };
  return { value };
}

/** Does the value meet the target? (A yes-or-no target is met by the same answer.) */
export function meetsTarget(m: { unit: MeasureUnit; direction: MeasureDirection; target: number }, value: number): boolean {
  if (m.unit === "YES_NO") return value === m.target;
  return m.direction === "AT_LEAST" ? value >= m.target : value <= m.target;
}

// ─── Periods ─────────────────────────────────────────────────────────────────

/** A return is due this many days after its period ends. */
export const RETURN_DUE_DAYS = 28;
/** The reminder goes this many days before the due date. */
export const REMINDER_DAYS_BEFORE = 7;

export interface ReportingPeriod {
  number: number;
  start: string;
  end: string;
  due: string;
}

export function addDays(dateKey: string, days: number): string {
  const d = new Date(`${dateKey}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The contract's reporting periods: calendar quarters (January–March, April–June,
 * July–September, October–December) cut to the contract's first and last days,
 * numbered from 1, each due RETURN_DUE_DAYS after it ends.
 */
export function reportingPeriods(start: string, end: string): ReportingPeriod[] {
  if (!(start <= end)) throw new RangeError("A contract ends on or after the day it starts");
  const periods: ReportingPeriod[] = [];
  const [y, m] = start.split("-").map(Number) as [number, number];
  let quarterStart = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  while (quarterStart <= end) {
    const quarterEnd = previousDay(addMonthsToDateKey(quarterStart, 3));
    const from = quarterStart < start ? start : quarterStart;
    const to = quarterEnd > end ? end : quarterEnd;
    periods.push({ number: periods.length + 1, start: from, end: to, due: addDays(to, RETURN_DUE_DAYS) });
    quarterStart = addMonthsToDateKey(quarterStart, 3);
  }
  return periods;
}

/**
 * Is a measure reported in this period? Quarterly ones always; six-monthly
 * ones in the periods ending in September and March; yearly ones in the period
 * ending in March. Every measure is reported in the contract's last period.
 */
export function measureDueInPeriod(frequency: ReportingFrequency, periodEnd: string, contractEnd: string): boolean {
  if (periodEnd === contractEnd) return true;
  const month = Number(periodEnd.slice(5, 7));
  switch (frequency) {
    case "QUARTERLY":
      return true;
    case "HALF_YEARLY":
      return month === 3 || month === 9;
    case "YEARLY":
      return month === 3;
  }
}

export type PeriodState = "NOT_YET" | "OPEN" | "LATE" | "SUBMITTED" | "SUBMITTED_LATE";

export const PERIOD_STATE_LABEL: Record<PeriodState, string> = {
  NOT_YET: "Not open yet",
  OPEN: "Return due",
  LATE: "Late: no return yet",
  SUBMITTED: "Return sent",
  SUBMITTED_LATE: "Return sent late",
};

/**
 * Where a period stands on a London day: a return can be sent from the
 * period's last day; with none by the end of its due day it is late (from the
 * clock, like a tender's closing); a first return sent after the due day is
 * flagged as sent late.
 */
export function periodState(period: { end: string; due: string }, firstSubmittedOn: string | null, today: string): PeriodState {
  if (firstSubmittedOn !== null) return firstSubmittedOn > period.due ? "SUBMITTED_LATE" : "SUBMITTED";
  if (today < period.end) return "NOT_YET";
  return today > period.due ? "LATE" : "OPEN";
}

/** Should the reminder go today? Within REMINDER_DAYS_BEFORE of the due day, on or before it, with no return yet. */
export function reminderDue(period: { end: string; due: string }, hasReturn: boolean, today: string): boolean {
  return !hasReturn && today >= addDays(period.due, -REMINDER_DAYS_BEFORE) && today <= period.due && today >= period.end;
}

// ─── Signatures ──────────────────────────────────────────────────────────────

export interface SignedThing {
  contentHash: string;
  signOffs: {
    signerRole: "COMMISSIONER" | "GOVERNOR" | "PROVIDER";
    decision: "APPROVED" | "CHANGES_REQUESTED" | "REJECTED";
    contentHash: string;
    voidedAt: Date | null;
  }[];
}

/** The signatures that still stand: not voided, on the content as it is now. */
export function standingSignOffs<T extends SignedThing>(thing: T, role: "COMMISSIONER" | "GOVERNOR" | "PROVIDER"): T["signOffs"] {
  return thing.signOffs.filter((s) => s.signerRole === role && s.voidedAt === null && s.contentHash === thing.contentHash);
}

export const approvedBy = (thing: SignedThing, role: "COMMISSIONER" | "GOVERNOR" | "PROVIDER") =>
  standingSignOffs(thing, role).some((s) => s.decision === "APPROVED");

export type CommitmentState = "AWAITING_BOTH" | "AWAITING_PROVIDER" | "AWAITING_COMMISSIONER" | "IN_FORCE";

export const COMMITMENT_STATE_LABEL: Record<CommitmentState, string> = {
  AWAITING_BOTH: "Draft: waiting for the commissioner and the provider to sign",
  AWAITING_PROVIDER: "Waiting for the provider to sign",
  AWAITING_COMMISSIONER: "Waiting for the commissioner to sign",
  IN_FORCE: "Signed by both: in force",
};

/** A commitment version is in force once the commissioner and the provider have both signed it. */
export function commitmentState(v: SignedThing): CommitmentState {
  const c = approvedBy(v, "COMMISSIONER");
  const p = approvedBy(v, "PROVIDER");
  if (c && p) return "IN_FORCE";
  if (c) return "AWAITING_PROVIDER";
  if (p) return "AWAITING_COMMISSIONER";
  return "AWAITING_BOTH";
}

export type ReviewState = "DRAFT" | "AWAITING_GOVERNOR" | "CHANGES_REQUESTED" | "SIGNED";

export const REVIEW_STATE_LABEL: Record<ReviewState, string> = {
  DRAFT: "Draft: the commissioner has not signed it",
  AWAITING_GOVERNOR: "Waiting for the governor to co-sign",
  CHANGES_REQUESTED: "The governor asked for changes",
  SIGNED: "Signed by the commissioner and the governor",
};

/** A review is signed once the commissioner and the establishment's governor have both approved what it says now. */
export function reviewState(r: SignedThing): ReviewState {
  if (approvedBy(r, "COMMISSIONER") && approvedBy(r, "GOVERNOR")) return "SIGNED";
  if (standingSignOffs(r, "GOVERNOR").some((s) => s.decision === "CHANGES_REQUESTED")) return "CHANGES_REQUESTED";
  if (approvedBy(r, "COMMISSIONER")) return "AWAITING_GOVERNOR";
  return "DRAFT";
}
