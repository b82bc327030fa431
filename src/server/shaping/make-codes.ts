import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { formatLondon, londonDateKey, parseLondonDateTime, utcDateKey } from "@/domain/london-time";
import { MAX_CODES_PER_BATCH } from "@/domain/one-time-code";
import { shapingAllows } from "@/domain/shaping-stage";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { env } from "../env";
import { Conflict, Invalid } from "../errors";
import { issueCodes, revokeBatch } from "../one-time-codes/codes";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";

/** A code card: the code as printed, and a QR code (server-made SVG) of the form's address with the code in it. */
export interface CodeCard {
  code: string;
  qrSvg: string;
}

export interface MadeCodes {
  batch: number;
  /** "Thursday 31 December 2026": the last day the codes work. */
  lastDay: string;
  /** The form's address without a code, for people who type it: "https://…/have-your-say". */
  formUrl: string;
  cards: CodeCard[];
}

/** The anonymous form's address, with a code when given (what a card's QR code opens). */
export function haveYourSayUrl(code?: string): string {
  const base = `${env().NEXTAUTH_URL.replace(/\/$/, "")}/have-your-say`;
  return code ? `${base}?code=${encodeURIComponent(code)}` : base;
}

/** The end of a London calendar day ("2026-12-31" → 1 January 2027 00:00 London, as an instant). */
function endOfLondonDay(dateKey: string): Date {
  return new Date(parseLondonDateTime(dateKey, "23:59").getTime() + 60_000);
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

const makeCodesSchema = z.object({
  count: z
    .string()
    .trim()
    .min(1, "Enter how many codes to make")
    .regex(/^\d{1,6}$/, `Enter a whole number of codes from 1 to ${MAX_CODES_PER_BATCH}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `Enter a whole number of codes from 1 to ${MAX_CODES_PER_BATCH}`)
        .max(MAX_CODES_PER_BATCH, `Enter a whole number of codes from 1 to ${MAX_CODES_PER_BATCH}`),
    ),
  expiresOn: z.string().trim().max(20, "Enter a real date").optional(),
});

/**
 * A facilitator makes a batch of codes for young people without an account, while views are gathered. They work
 * once each until the end of `expiresOn` (a London day; by default the last day of gathering). The codes come back
 * in clear with their QR codes, to print now: they are never shown again.
 */
export async function makeCodes(
  actor: Actor,
  stageId: string,
  input: { count?: string; expiresOn?: string },
  now = clockNow(),
): Promise<MadeCodes> {
  const parsed = makeCodesSchema.safeParse({
    count: typeof input.count === "string" ? input.count.slice(0, 100) : "",
    expiresOn: typeof input.expiresOn === "string" ? input.expiresOn.slice(0, 100) : undefined,
  });
  const made = await db.$transaction(async (tx) => {
    // Who may, first: anyone else is refused whatever they typed.
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    if (!shapingAllows.gatherViews(stage.status)) throw new Conflict("Codes can only be made while views are being gathered.");
    if (!parsed.success) throw new Invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    const expiresOn = parsed.data.expiresOn || utcDateKey(stage.gatheringUntil);
    if (!DATE_KEY.test(expiresOn)) throw new Invalid({ expiresOn: "Enter a real date: day, month and year, like 31 12 2026" });
    let expiresAt: Date;
    try {
      expiresAt = endOfLondonDay(expiresOn);
    } catch {
      throw new Invalid({ expiresOn: "Enter a real date: day, month and year, like 31 12 2026" });
    }
    if (expiresOn < londonDateKey(now)) throw new Invalid({ expiresOn: "The last day must be today or later" });
    if (expiresAt.getTime() - now.getTime() > 366 * 24 * 3_600_000) throw new Invalid({ expiresOn: "The last day must be within a year" });
    const issued = await issueCodes(tx, actor, { purpose: "SHAPING", stageId: stage.id, count: parsed.data.count, expiresAt }, now);
    return { ...issued, expiresOn };
  });
  const cards = await Promise.all(
    made.codes.map(async (code) => ({
      code,
      qrSvg: await QRCode.toString(haveYourSayUrl(code), { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    })),
  );
  return {
    batch: made.batch,
    lastDay: formatLondon(new Date(`${made.expiresOn}T12:00:00Z`), "weekdayDate"),
    formUrl: haveYourSayUrl(),
    cards,
  };
}

/** A facilitator revokes a batch's unused codes (lost cards, a session called off), while answers can still be checked. */
export async function revokeCodes(actor: Actor, stageId: string, batch: string, now = clockNow()): Promise<{ revoked: number }> {
  const number = /^\d{1,7}$/.test(batch) ? Number(batch) : -1;
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    return revokeBatch(tx, actor, { purpose: "SHAPING", stageId: stage.id, batch: number }, now);
  });
}
