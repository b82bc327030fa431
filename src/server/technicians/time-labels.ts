// Words for paid time, the same on the pages, in notifications and in the
// payroll export. Written for young commissioners first (plain English).
import type { TimeActivity, TimeEntryStatus } from "@/generated/prisma/enums";
import { utcDateKey } from "@/domain/london-time";

export const TIME_ACTIVITIES: readonly { value: TimeActivity; label: string; description: string }[] = [
  { value: "TRAINING", label: "Training", description: "Learning how commissioning works, or how to score bids." },
  {
    value: "SHAPING",
    label: "Shaping the service",
    description: "Answering the questions, focus groups and ranking what matters most, before the tender.",
  },
  { value: "READING_BIDS", label: "Reading bids", description: "Reading what the providers wrote." },
  { value: "SCORING", label: "Scoring bids", description: "Giving each bid scores and writing your reasons." },
  { value: "MODERATION_MEETING", label: "Panel meeting", description: "Meeting the panel to talk about everyone's scores." },
  { value: "OTHER", label: "Something else", description: "Anything else you did for the panel. Tell us what it was in the note." },
];

export function activityLabel(activity: TimeActivity): string {
  return TIME_ACTIVITIES.find((a) => a.value === activity)?.label ?? activity;
}

/** How each status reads to the young commissioner who logged the time. */
export const STATUS_FOR_TECHNICIAN: Record<TimeEntryStatus, string> = {
  PENDING: "Waiting to be checked",
  RETURNED: "Sent back to you to change",
  APPROVED: "Approved: waiting to be paid",
  PAID: "Paid",
};

/** 95 → "1 hour 35 minutes", 120 → "2 hours", 1 → "1 minute". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (hours === 0) return plural(rest, "minute");
  if (rest === 0) return plural(hours, "hour");
  return `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}

/** A `@db.Date` value (UTC midnight) as "YYYY-MM-DD". */
export function dateKey(date: Date): string {
  return utcDateKey(date);
}
