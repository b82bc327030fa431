import "server-only";
import { z } from "zod";
import { parseLondonDateTime, LondonTimeError } from "@/domain/london-time";
import { parsePounds } from "@/domain/money";
import { parseCpv } from "@/domain/cpv";
import { Invalid, type FieldErrors } from "../errors";
import { fieldErrorsOf } from "../validation";
import { idField } from "../ids";
import { AGGREGATION_RULES, type AggregationRule } from "@/domain/scoring";

// The tender details form, as posted: strings from plain HTML inputs. Money is
// entered in pounds and stored in pence; deadlines are entered as London date
// and time and stored as UTC instants.

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .default("");

function capitalise(s: string) {
  const t = s.replace(/^(a|an|the) /, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export const tenderDetailsSchema = z.object({
  title: text("a title", 200),
  reference: z
    .string()
    .trim()
    .min(1, "Enter a reference")
    .max(50, "Reference must be 50 characters or fewer")
    .regex(/^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/, "Reference can only contain letters, numbers, hyphens, underscores, slashes and full stops"),
  summary: text("a plain-language summary", 1000),
  description: optionalText("the full description", 20000),
  establishmentId: z.string().trim().min(1, "Select the establishment").pipe(idField("Select an establishment from the list")),
  estimatedValue: optionalText("the estimated value", 30),
  contractStartDate: optionalText("the contract start date", 10),
  contractTermMonths: optionalText("the contract term", 5),
  cpvCode1: optionalText("the main CPV code", 300),
  cpvCode2: optionalText("the second CPV code", 300),
  cpvCode3: optionalText("the third CPV code", 300),
  procurementRoute: z.enum(["PSR_COMPETITIVE_PROCESS", "PSR_MOST_SUITABLE_PROVIDER", "PSR_DIRECT_AWARD_C"], "Select a procurement route"),
  aggregationRule: z.enum(AGGREGATION_RULES, "Choose how votes are combined"),
  /** A checkbox: "yes" when ticked, absent otherwise. */
  anonymiseBids: z.string().optional(),
  technicianHourlyRate: optionalText("the hourly rate", 20),
  clarificationDeadlineDate: optionalText("the clarification deadline date", 10),
  clarificationDeadlineTime: optionalText("the clarification deadline time", 5),
  submissionDeadlineDate: optionalText("the submission deadline date", 10),
  submissionDeadlineTime: optionalText("the submission deadline time", 5),
});

/** The form as posted: each field a string, or absent; the schema decides what is valid (a wrong value is a message by its field). */
export type TenderDetailsInput = Partial<Record<keyof z.input<typeof tenderDetailsSchema>, string>>;

export interface TenderDetails {
  title: string;
  reference: string;
  summary: string;
  description: string;
  establishmentId: string;
  estimatedValuePence: bigint | null;
  contractStartDate: Date | null;
  contractTermMonths: number | null;
  /** CPV codes, the main one first, each once. */
  cpvCodes: string[];
  procurementRoute: "PSR_COMPETITIVE_PROCESS" | "PSR_MOST_SUITABLE_PROVIDER" | "PSR_DIRECT_AWARD_C";
  aggregationRule: AggregationRule;
  anonymiseBids: boolean;
  technicianHourlyRatePence: number | null;
  clarificationDeadline: Date | null;
  submissionDeadline: Date | null;
}

/**
 * Parses the form into stored values, or throws Invalid with a message per
 * field. Deadlines may be left empty while drafting; publishing requires them.
 */
export function parseTenderDetails(input: TenderDetailsInput): TenderDetails {
  const parsed = tenderDetailsSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const raw = parsed.success ? parsed.data : null;
  const get = (key: keyof TenderDetailsInput) => String(input[key] ?? "").trim();

  const estimatedValuePence = poundsToPence(get("estimatedValue"), "estimatedValue", errors, 10_000_000_000);
  const hourly = poundsToPence(get("technicianHourlyRate"), "technicianHourlyRate", errors, 1_000);
  let contractTermMonths: number | null = null;
  if (get("contractTermMonths")) {
    const n = Number(get("contractTermMonths"));
    if (!Number.isInteger(n) || n < 1 || n > 240)
      errors.contractTermMonths ??= "Contract term must be a whole number of months from 1 to 240";
    else contractTermMonths = n;
  }
  let contractStartDate: Date | null = null;
  if (get("contractStartDate")) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(get("contractStartDate"));
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.getUTCDate() !== Number(m![3])) errors.contractStartDate ??= "Enter a real contract start date";
    else contractStartDate = d;
  }
  const cpvCodes: string[] = [];
  for (const field of ["cpvCode1", "cpvCode2", "cpvCode3"] as const) {
    if (!get(field)) continue;
    const cpv = parseCpv(get(field));
    if (!cpv.ok) errors[field] ??= cpv.message;
    else if (cpvCodes.includes(cpv.code)) errors[field] ??= `${cpv.code} is already given above: give each code once`;
    else cpvCodes.push(cpv.code);
  }
  if (cpvCodes.length > 0 && !get("cpvCode1")) errors.cpvCode1 ??= "Give the main CPV code first";
  const clarificationDeadline = deadline(
    get("clarificationDeadlineDate"),
    get("clarificationDeadlineTime"),
    "clarificationDeadline",
    errors,
  );
  const submissionDeadline = deadline(get("submissionDeadlineDate"), get("submissionDeadlineTime"), "submissionDeadline", errors);

  if (!raw || Object.keys(errors).length > 0) throw new Invalid(errors);
  return {
    title: raw.title,
    reference: raw.reference.toUpperCase(),
    summary: raw.summary,
    description: raw.description,
    establishmentId: raw.establishmentId,
    estimatedValuePence: estimatedValuePence === null ? null : BigInt(estimatedValuePence),
    contractStartDate,
    contractTermMonths,
    cpvCodes,
    procurementRoute: raw.procurementRoute,
    aggregationRule: raw.aggregationRule,
    anonymiseBids: raw.anonymiseBids === "yes",
    technicianHourlyRatePence: hourly,
    clarificationDeadline,
    submissionDeadline,
  };
}

const DEADLINE_NAMES: Record<string, string> = {
  clarificationDeadline: "clarification deadline",
  submissionDeadline: "submission deadline",
};

/**
 * A deadline from its date and time. The form pre-fills the times, so a time
 * without a date is no deadline (allowed while drafting), not an error.
 * Messages name the deadline, so two problems never read the same.
 */
function deadline(date: string, time: string, field: string, errors: FieldErrors): Date | null {
  if (!date) return null;
  try {
    return parseLondonDateTime(date, time || "17:00");
  } catch (error) {
    const message = error instanceof LondonTimeError ? error.message : "Enter a real date and time";
    errors[field] ??= `${capitalise(DEADLINE_NAMES[field] ?? field)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    return null;
  }
}

function poundsToPence(value: string, field: string, errors: FieldErrors, maxPounds: number): number | null {
  if (!value) return null;
  const parsed = parsePounds(value, maxPounds);
  if (!parsed.ok) {
    errors[field] ??= parsed.message;
    return null;
  }
  return parsed.pence;
}
