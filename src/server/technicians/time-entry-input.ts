import "server-only";
import { z } from "zod";
import { londonDateKey } from "@/domain/london-time";
import type { Prisma } from "@/generated/prisma/client";
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

/** The GOV.UK date input's three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface TimeEntryInput {
  tenderId: string;
  /** The day the work was done (London calendar): "YYYY-MM-DD", or the form's day, month and year boxes. */
  workedOn: string | DateParts;
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
  activity: z.enum(["TRAINING", "SHAPING", "READING_BIDS", "SCORING", "MODERATION_MEETING", "OTHER"], "Choose what you were doing"),
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
  const parts = typeof input.workedOn === "object" && input.workedOn !== null ? input.workedOn : null;
  const dateText = parts ? datePartsKey(parts) : String(input.workedOn ?? "");
  const parsed = schema.safeParse({
    tenderId: input.tenderId ?? "",
    workedOn: dateText,
    hours: String(input.hours ?? ""),
    minutes: String(input.minutes ?? ""),
    activity: input.activity ?? "",
    note: input.note ?? "",
  });
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const raw = parsed.success ? parsed.data : null;

  const partsError = parts ? checkDateParts(parts) : null;
  if (partsError) errors.workedOn = partsError;
  const workedOn = errors.workedOn ? null : checkDate(dateText.trim(), now, errors);
  const minutes = checkMinutes(String(input.hours ?? "").trim(), String(input.minutes ?? "").trim(), errors);

  const note = (input.note ?? "").normalize("NFC").trim();
  if (Array.from(note).length > MAX_NOTE_LENGTH) errors.note ??= "Your note must be 1,000 characters or fewer";
  else if (raw?.activity === "OTHER" && note === "") errors.note ??= "Tell us what you were doing";

  if (!raw || workedOn === null || minutes === null || Object.keys(errors).length > 0) return { fields: null, errors: inFormOrder(errors) };
  return { fields: { tenderId: raw.tenderId, workedOn, minutes, activity: raw.activity, note: note === "" ? null : note }, errors };
}

/** The form's order of fields: the error summary lists the errors in the order of this object's keys. */
const FORM_ORDER = ["tenderId", "workedOn", "hours", "minutes", "activity", "note"];

function inFormOrder(errors: FieldErrors): FieldErrors {
  const rank = (key: string) => (FORM_ORDER.includes(key) ? FORM_ORDER.indexOf(key) : FORM_ORDER.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The boxes as "YYYY-MM-DD" ("" when all are empty), for the checks every date goes through. */
function datePartsKey(parts: DateParts): string {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => String(p ?? "").trim());
  if (!day && !month && !year) return "";
  return `${year!.padStart(4, "0")}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/**
 * What is wrong with the boxes themselves, in GOV.UK's words: a missing part is named ("must include a month");
 * anything that is not a whole number, or a year without 4 digits, is not a real date. Null when they are all
 * empty (the schema's "Enter the date…") or look like a date (checkDate then checks the calendar).
 */
function checkDateParts(parts: DateParts): string | null {
  const boxes = { day: parts.day, month: parts.month, year: parts.year };
  const values = Object.fromEntries(Object.entries(boxes).map(([k, v]) => [k, String(v ?? "").trim()])) as Record<keyof DateParts, string>;
  const missing = (Object.keys(values) as (keyof DateParts)[]).filter((k) => values[k] === "");
  if (missing.length === 3) return null;
  if (missing.length > 0) return `The date must include a ${missing.join(" and a ")}`;
  if (!/^\d{1,2}$/.test(values.day) || !/^\d{1,2}$/.test(values.month) || !/^\d{4}$/.test(values.year))
    return "The date must be a real date";
  return null;
}

function checkDate(value: string, now: Date, errors: FieldErrors): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCFullYear() !== Number(m[1]) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    errors.workedOn = "The date must be a real date";
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
  return tx.tender.findFirst({
    where: { AND: [{ id: tenderId }, timeTendersWhere(actor)] },
    select: { id: true, title: true, reference: true, establishmentId: true },
  });
}

/**
 * The tenders a young commissioner logs paid time for: those where they sit, or sat, on the panel, and those whose
 * shaping stage they take, or took, part in (shaping is paid time too; stepping back does not stop them being paid).
 */
export function timeTendersWhere(actor: Actor): Prisma.TenderWhereInput {
  const tookPart = { userId: actor.id, role: "TECHNICIAN" as const, status: { in: ["ACCEPTED" as const, "STEPPED_BACK" as const] } };
  return { OR: [{ panelMembers: { some: tookPart } }, { shapingStage: { is: { members: { some: tookPart } } } }] };
}

/** Field checks plus the panel check, as one set of field errors. */
export async function parseTimeEntry(tx: Tx, actor: Actor, input: TimeEntryInput, now: Date) {
  const { fields, errors } = checkTimeEntry(input, now);
  const tenderId = String(input.tenderId ?? "").trim();
  const tender = tenderId ? await findTechnicianTender(tx, actor, tenderId) : null;
  if (tenderId && !tender) errors.tenderId ??= "You can only log time for a panel you are on, or a service you are shaping";
  if (!fields || !tender || Object.keys(errors).length > 0) throw new Invalid(inFormOrder(errors));
  return { fields, tender };
}
