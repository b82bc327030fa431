import "server-only";
import { z } from "zod";
import { parseStoredJson } from "../stored-json";

/**
 * What a submitted bid version holds (BidVersion.content), written by
 * submit-bid.ts and hashed for the receipt: the answers, the price and the
 * files exactly as submitted.
 */
export const bidVersionContentSchema = z.object({
  tenderId: z.string(),
  organisationId: z.string(),
  responses: z.array(z.object({ criterionId: z.string(), text: z.string() })),
  /** Pence as a decimal string (JSON has no BigInt); null when no price was asked. */
  pricePence: z.string().regex(/^\d+$/).nullable(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), sha256: z.string(), criterionId: z.string().nullable() })),
});

export type BidVersionContent = z.infer<typeof bidVersionContentSchema>;

/** A stored BidVersion.content, checked: a value of another shape is a StoredJsonError. */
export function parseBidVersionContent(value: unknown): BidVersionContent {
  return parseStoredJson(bidVersionContentSchema, value, "BidVersion.content");
}
