import "server-only";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Invalid } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { insertAgreementVersion, parseAgreementContent, type AgreementContentInput } from "./agreement-input";
import { isId } from "../ids";

export interface CreateAgreementInput extends AgreementContentInput {
  establishmentId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string): Date | null {
  if (!DATE.test(value.trim())) return null;
  const d = new Date(`${value.trim()}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value.trim() ? null : d;
}

/** A commissioner drafts an establishment's agreement for a period; its first version. */
export async function createAgreement(actor: Actor, input: CreateAgreementInput, now = clockNow()): Promise<{ agreementId: string }> {
  authorize(actor, "agreement.draft");
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = "Enter a title";
  else if (title.length > 200) errors.title = "Must be 200 characters or fewer";
  const periodStart = parseDate(input.periodStart);
  const periodEnd = parseDate(input.periodEnd);
  if (!periodStart) errors.periodStart = "Enter a real date, like 2027-04-01";
  if (!periodEnd) errors.periodEnd = "Enter a real date, like 2028-03-31";
  else if (periodStart && periodEnd <= periodStart) errors.periodEnd = "The end must be after the start";
  if (!isId(input.establishmentId)) errors.establishmentId = "Select an establishment";
  try {
    return await db.$transaction(async (tx) => {
      if (!errors.establishmentId && !(await tx.establishment.findUnique({ where: { id: input.establishmentId } })))
        errors.establishmentId = "Select an establishment";
      let content;
      try {
        content = await parseAgreementContent(tx, input.establishmentId, input);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        Object.assign(errors, error.fieldErrors);
      }
      if (Object.keys(errors).length > 0 || !content) throw new Invalid(errors);
      const agreement = await tx.coCommissioningAgreement.create({
        data: { establishmentId: input.establishmentId, title, periodStart: periodStart!, periodEnd: periodEnd!, createdAt: now },
      });
      const version = await insertAgreementVersion(tx, agreement, 1, content, actor.id, now);
      const hash = version.contentHash;
      await audit(tx, actor, {
        action: "agreement.created",
        entityType: "AgreementVersion",
        entityId: version.id,
        establishmentId: input.establishmentId,
        after: {
          agreementId: agreement.id,
          title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          version: 1,
          contentHash: hash,
        },
      });
      return { agreementId: agreement.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ periodStart: "This establishment already has an agreement starting on that date" });
    throw error;
  }
}
