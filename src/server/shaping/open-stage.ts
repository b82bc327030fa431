import "server-only";
import { z } from "zod";
import { londonDateKey } from "@/domain/london-time";
import { DEFAULT_SHAPING_QUESTIONS } from "@/domain/shaping-stage";
import { gatheringDateProblems, PURPOSE_MAX } from "@/domain/shaping-gather";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { Conflict, Invalid } from "../errors";
import { assertDraft, loadManagedTender } from "../tenders/load-managed-tender";
import { fieldErrorsOf } from "../validation";

export const STAGE_EXISTS = "This tender already has a shaping stage. Open it from the tender's page.";

const schema = z.object({
  purpose: z
    .string("Say what the service is for and what you want to learn")
    .trim()
    .min(1, "Say what the service is for and what you want to learn")
    .max(PURPOSE_MAX, `The purpose must be ${PURPOSE_MAX.toLocaleString("en-GB")} characters or fewer`),
  gatheringFrom: z.string("Enter the first day of gathering views").max(20, "Enter a real date for the first day, like 2027-01-18"),
  gatheringUntil: z.string("Enter the last day of gathering views").max(20, "Enter a real date for the last day, like 2027-02-12"),
});

export type StageDatesInput = Partial<Record<"purpose" | "gatheringFrom" | "gatheringUntil", string>>;

/** The purpose and gathering dates as posted, checked: London calendar days, the first not in the past, the last not before it. */
export function parseStageSetUp(input: StageDatesInput, now: Date) {
  const parsed = schema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const dates = gatheringDateProblems(input.gatheringFrom ?? "", input.gatheringUntil ?? "", londonDateKey(now));
  const all = { ...dates, ...errors };
  if (!parsed.success || Object.keys(all).length > 0) throw new Invalid(all);
  const { purpose, gatheringFrom, gatheringUntil } = parsed.data;
  // A @db.Date is the calendar day at UTC midnight.
  return {
    purpose,
    gatheringFrom: new Date(`${gatheringFrom.trim()}T00:00:00Z`),
    gatheringUntil: new Date(`${gatheringUntil.trim()}T00:00:00Z`),
  };
}

/**
 * A commissioner running a draft tender opens its shaping stage: the purpose in plain language, the gathering dates,
 * and the four default questions (editable while planning). One stage per tender: the tender's row lock makes two
 * opens at once happen one after the other, and the second is told the stage exists (the unique key is the backstop).
 */
export async function openStage(actor: Actor, tenderId: string, input: StageDatesInput, now = clockNow()): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      // Who may, first: the form's own checks answer only those running the tender.
      const tender = await loadManagedTender(tx, actor, tenderId, now);
      assertDraft(tender);
      if (await tx.shapingStage.findUnique({ where: { tenderId }, select: { id: true } })) throw new Conflict(STAGE_EXISTS);
      const setUp = parseStageSetUp(input, now);
      const stage = await tx.shapingStage.create({
        data: {
          tenderId,
          ...setUp,
          createdById: actor.id,
          createdAt: now,
          questions: { create: DEFAULT_SHAPING_QUESTIONS.map((q, i) => ({ position: i + 1, text: q.text, easyRead: q.easyRead })) },
        },
      });
      await audit(tx, actor, {
        action: "shaping.stage_opened",
        entityType: "ShapingStage",
        entityId: stage.id,
        tenderId,
        establishmentId: tender.establishmentId,
        after: {
          purpose: setUp.purpose,
          gatheringFrom: setUp.gatheringFrom.toISOString().slice(0, 10),
          gatheringUntil: setUp.gatheringUntil.toISOString().slice(0, 10),
          questions: DEFAULT_SHAPING_QUESTIONS.length,
        },
      });
      return { id: stage.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(STAGE_EXISTS);
    throw error;
  }
}
