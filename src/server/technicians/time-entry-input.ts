import "server-only";
import { z } from "zod";
import { londonDateKey } from "@/domain/london-time";
import type { TimeActivity } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import type { Tx } from "../db";
import { Invalid, type FieldErrors } from "../errors";
import { fieldErrorsOf } from "../validation";
import { isId } from "../ids";

// The "log time" form, as posted: strings from plain HTML inputs. Time can be
// given as hours and minutes or as minutes alone; it is stored as minutes.
// Messages are for young commissioners, so they say plainly what to do.

export const MAX_MINUTES = 720;
export const MAX_NOTE_LENGTH = 1000;

export interface TimeEntryInput {
  tenderId: string;
  /** "YYYY-MM-DD", the day the work was done (London calendar). */
  workedOn: string;
  /** Optional: whole hours, added to `minutes`. */
  hours?: string | number;
  minutes?: string | number;
  activity: string;
  note?: string;
}

export interface TimeEntryFields {
  tenderId: string;
  /** UTC midnight of the day worked, for a `date` column. */
  workedOn: Date;
  minutes: number;
  activity: TimeActivity;
  note: string | null;
}

const schema = z.object({
  tenderId: z.string().trim().min(1, "Choose the panel you did the work for"),
  workedOn: z.string().trim().min(1, "Enter the date you did the work"),
  hours: z.string().trim(),
  minutes: z.string().trim(),
  activity: z.enum(["TRAINING", "READING_BIDS", "SCORING", "MODERATION_MEETING", "OTHER"], "Choose what you were doing"),
  note: z.string().trim(),
});

const WHOLE = /^\d{1,5}$/;

/**
 * Checks everything that needs no database: the date (a real day, not in the
 * future and at most a year ago, by the London calendar at `now`), the time
 * (1 minute to 12 hours), the activity and the note. Returns the field errors
 * with the parsed fields, so a caller can add its own errors before throwing.
 */
export function checkTimeEntry(input: TimeEntryInput, now: Date): { fields: TimeEntryFields | null; errors: FieldErrors } {
  const parsed = schema.safeParse({
    tenderId: input.tenderId ?? "",
    workedOn: input.workedOn ?? "",
    hours: String(input.hours ?? ""),
    minutes: String(input.minutes ?? ""),
    activity: input.activity ?? "",
    note: input.note ?? "",
  });
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const raw = parsed.success ? parsed.data : null;

  const workedOn = errors.workedOn ? null : checkDate(String(input.workedOn).trim(), now, errors);
  const minutes = checkMinutes(String(input.hours ?? "").trim(), String(input.minutes ?? "").trim(), errors);

  const note = (input.note ?? "").normalize("NFC").trim();
  if (Array.from(note).length > MAX_NOTE_LENGTH) errors.note ??= "Your note must be 1,000 characters or fewer";
  else if (raw?.activity === "OTHER" && note === "") errors.note ??= "Tell us what you were doing";

  if (!raw || workedOn === null || minutes === null || Object.keys(errors).length > 0) return { fields: null, errors };
  return { fields: { tenderId: raw.tenderId, workedOn, minutes, activity: raw.activity, note: note === "" ? null : note }, errors };
}

function checkDate(value: string, now: Date, errors: FieldErrors): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCFullYear() !== Number(m[1]) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    errors.workedOn = "Enter a real date, like 2026-11-20";
    return null;
  }
  // Whole calendar days in London: today counts, tomorrow does not.
  const today = londonDateKey(now);
  const [y, mo, d] = today.split("-").map(Number) as [number, number, number];
  const earliest = new Date(Date.UTC(y - 1, mo - 1, d)).toISOString().slice(0, 10);
  if (value > today) {
    errors.workedOn = "The date must be today or in the past";
    return null;
  }
  if (value < earliest) {
    errors.workedOn = "You can only log time from the last 12 months";
    return null;
  }
  return day;
}

function checkMinutes(hoursText: string, minutesText: string, errors: FieldErrors): number | null {
  if (hoursText === "" && minutesText === "") {
    // On the pair's first box, Hours, where the error summary's link should land.
    errors.hours = "Enter how long you spent";
    return null;
  }
  if (hoursText !== "" && !WHOLE.test(hoursText)) {
    errors.hours = "Hours must be a whole number, like 2";
    return null;
  }
  if (minutesText !== "" && !WHOLE.test(minutesText)) {
    errors.minutes = "Minutes must be a whole number, like 30";
    return null;
  }
  const total = Number(hoursText || "0") * 60 + Number(minutesText || "0");
  if (total < 1) {
    errors.minutes = "The time must be at least 1 minute";
    return null;
  }
  if (total > MAX_MINUTES) {
    errors.minutes = "You can log up to 12 hours (720 minutes) at a time";
    return null;
  }
  return total;
}

/**
 * The tender the time is for: one where the Actor sits, or sat, on the panel
 * as a young commissioner (stepping back does not stop them being paid).
 */
export async function findTechnicianTender(tx: Tx, actor: Actor, tenderId: string) {
  if (!isId(tenderId)) return null;
  const seat = await tx.panelMember.findFirst({
    where: { tenderId, userId: actor.id, role: "TECHNICIAN", status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
    select: { tender: { select: { id: true, title: true, reference: true, establishmentId: true } } },
  });
  return seat?.tender ?? null;
}

/** Field checks plus the panel check, as one set of field errors. */
export async function parseTimeEntry(tx: Tx, actor: Actor, input: TimeEntryInput, now: Date) {
  const { fields, errors } = checkTimeEntry(input, now);
  const tenderId = String(input.tenderId ?? "").trim();
  const tender = tenderId ? await findTechnicianTender(tx, actor, tenderId) : null;
  if (tenderId && !tender) errors.tenderId ??= "You can only log time for a panel you are on";
  if (!fields || !tender || Object.keys(errors).length > 0) throw new Invalid(errors);
  return { fields, tender };
}
