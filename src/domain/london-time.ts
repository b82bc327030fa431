// The one date formatter. Times are stored in UTC and shown in Europe/London
// (GMT in winter, BST in summer), in GOV.UK style: "24 November 2026, 5:00pm".

const ZONE = "Europe/London";

const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "numeric", month: "long", year: "numeric" });
const weekdayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "long" });
const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlParts(date: Date): LondonParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const HOUR_MS = 3_600_000;
// Since 1972 London's offset from UTC has been a whole hour, and the clocks
// change only on a UTC hour (01:00 UTC; 02:00 UTC before 1981): one offset
// holds for a whole UTC hour. Splitting a date into parts with Intl is the
// costly step (a payroll export formats thousands), so it runs once per hour.
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1972, 0, 1);
const offsetByHour = new Map<number, number>();

function londonOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = intlParts(new Date(hour * HOUR_MS));
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * HOUR_MS;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;

/** The London wall-clock parts of an instant (worked out in numbers: a Date per call is costly on the server). */
function londonParts(date: Date): LondonParts {
  const ms = date.getTime();
  if (!(ms >= WHOLE_HOUR_OFFSETS_FROM)) return intlParts(date);
  const wall = ms + londonOffsetMs(ms);
  const days = Math.floor(wall / DAY_MS);
  const inDay = Math.floor((wall - days * DAY_MS) / 1000);
  const { year, month, day } = civilDate(days);
  return { year, month, day, hour: Math.floor(inDay / 3600), minute: Math.floor(inDay / 60) % 60, second: inDay % 60 };
}

/** Days since 1970-01-01 → the proleptic Gregorian year, month (1–12) and day (H. Hinnant's civil_from_days). */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** A date's UTC calendar day as "YYYY-MM-DD" (a `@db.Date` value is UTC midnight): toISOString's day, without building the string. */
export function utcDateKey(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid time value");
  const { year, month, day } = civilDate(Math.floor(ms / DAY_MS));
  return year >= 1000 && year <= 9999 ? `${year}-${pad(month)}-${pad(day)}` : date.toISOString().slice(0, 10);
}

/** "5:00pm", "12:00pm" (midday), "12:30am": GOV.UK style. */
function formatTime({ hour, minute }: LondonParts): string {
  if (hour === 12 && minute === 0) return "12pm (midday)";
  if (hour === 0 && minute === 0) return "12am (midnight)";
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${String(minute).padStart(2, "0")}${hour < 12 ? "am" : "pm"}`;
}

export function formatLondon(date: Date, style: "date" | "dateTime" | "time" | "weekdayDate" = "date"): string {
  // The clock time's parts only when shown: splitting a date into parts is the costly step, and lists format many dates.
  switch (style) {
    case "date":
      return dateFormat.format(date);
    case "weekdayDate":
      return `${weekdayFormat.format(date)} ${dateFormat.format(date)}`;
    case "time":
      return formatTime(londonParts(date));
    case "dateTime":
      return `${dateFormat.format(date)}, ${formatTime(londonParts(date))}`;
  }
}

/** A London calendar day "YYYY-MM-DD" as "Thursday 26 November 2026". */
export function formatLondonDay(dateKey: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateKey)) throw new RangeError(`Not a date: ${dateKey}`);
  // Midday UTC is the same calendar day in London whether GMT or BST.
  return formatLondon(new Date(`${dateKey}T12:00:00Z`), "weekdayDate");
}

/** The calendar day in London, as "YYYY-MM-DD". */
export function londonDateKey(date: Date): string {
  const p = londonParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11-25 20:53:07": London wall-clock time to the second, for audit trails and exports. */
export function formatLondonStamp(date: Date): string {
  const p = londonParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** Values for `<input type="date">` and `<input type="time">`. */
export function toLondonInputValues(date: Date): { date: string; time: string } {
  const p = londonParts(date);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

export class LondonTimeError extends Error {}

/**
 * A London wall-clock date and time → the UTC instant. Refuses dates that do
 * not exist (30 February) and times skipped when the clocks go forward.
 * In the autumn hour that happens twice, the first (BST) instant is used.
 */
export function parseLondonDateTime(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d) throw new LondonTimeError("Enter a real date");
  if (!t) throw new LondonTimeError("Enter a real time, like 17:00");
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) throw new LondonTimeError("Enter a real time, like 17:00");
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new LondonTimeError("Enter a real date");
  }
  // London is UTC+0 or UTC+1: try both offsets, earliest first, and keep the
  // one that reads back as the same wall-clock time.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const p = londonParts(candidate);
    if (p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute) return candidate;
  }
  throw new LondonTimeError("That time does not exist in the UK: the clocks go forward an hour that night");
}

/**
 * "3 days 4 hours left", "45 minutes left", "less than a minute left" in the
 * last minute (never "0 minutes"), or "Closed" once the deadline has passed.
 */
export function formatCountdown(deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms < 0) return "Closed";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days > 0) return `${plural(days, "day")} ${plural(hours, "hour")} left`;
  if (hours > 0) return `${plural(hours, "hour")} ${plural(mins, "minute")} left`;
  if (mins === 0) return "less than a minute left";
  return `${plural(mins, "minute")} left`;
}
