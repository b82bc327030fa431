import "server-only";
import { z } from "zod";
import { Invalid } from "../errors";
import { fieldErrorsOf } from "../validation";

const wholeNumber = (message: string, min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message));

export const criterionSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the criterion").max(200, "Name must be 200 characters or fewer"),
  description: z.string().trim().max(5000, "Full description must be 5,000 characters or fewer").default(""),
  plainLanguageDescription: z.string().trim().max(1000, "Plain-language description must be 1,000 characters or fewer").default(""),
  weight: wholeNumber("Weight must be a whole number from 0 to 100", 0, 100),
  kind: z.enum(["QUALITY", "PRICE"], "Choose how this criterion is scored"),
  wordLimit: z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > 20000) {
        ctx.addIssue({ code: "custom", message: "Word limit must be a whole number from 1 to 20,000, or empty" });
        return z.NEVER;
      }
      return n;
    }),
});

/** The criterion form as posted: each field a string, or absent; the schema decides what is valid. */
export type CriterionInput = Partial<Record<keyof z.input<typeof criterionSchema>, string>>;
export type Criterion = z.output<typeof criterionSchema>;

export function parseCriterion(input: CriterionInput): Criterion {
  const parsed = criterionSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  // Price is scored by formula, so bidders give a number, not words.
  return parsed.data.kind === "PRICE" ? { ...parsed.data, wordLimit: null } : parsed.data;
}
