// A contract's dates from the tender: its planned start (or the day after
// standstill ends, when the tender set none, or when the planned start has
// already passed) and its term in whole months, ending the day before the
// same date N months later (1 April 2027 + 36 months → 31 March 2030).
import { londonDateKey } from "./london-time";

export function addMonthsToDateKey(dateKey: string, months: number): string {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function previousDay(dateKey: string): string {
  const d = new Date(`${dateKey}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function contractPeriod(
  plannedStart: string | null,
  termMonths: number | null,
  standstillEndsAt: Date,
): { start: string; end: string } {
  const earliest = londonDateKey(new Date(standstillEndsAt.getTime() + 1));
  const start = plannedStart && plannedStart >= earliest ? plannedStart : earliest;
  const end = previousDay(addMonthsToDateKey(start, termMonths && termMonths > 0 ? termMonths : 12));
  return { start, end };
}

/**
 * The term in whole months of a contract running from `start` to `end`
 * inclusive (the reverse of contractPeriod: 1 April 2027 to 31 March 2030 → 36),
 * or null when the period is not a whole number of months.
 */
export function termMonthsOf(start: string, end: string): number | null {
  const [y1, m1] = start.split("-").map(Number) as [number, number];
  const after = new Date(`${end}T00:00:00Z`);
  after.setUTCDate(after.getUTCDate() + 1);
  const months = (after.getUTCFullYear() - y1) * 12 + (after.getUTCMonth() + 1 - m1);
  return months >= 1 && addMonthsToDateKey(start, months) === after.toISOString().slice(0, 10) ? months : null;
}
