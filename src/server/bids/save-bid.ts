import "server-only";
import { z } from "zod";
import { parsePounds } from "@/domain/money";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid, type FieldErrors } from "../errors";
import { fieldErrorsOf } from "../validation";
import { countWords, loadTenderForBidChange, MAX_RESPONSE_CHARACTERS } from "./bid-rules";

/**
 * The bid form's shape. What each answer and the price must be depends on the
 * tender's criteria, so checkBidContent checks that once the tender is loaded.
 */
export const bidInputSchema = z.object({
  /** Response text per quality criterion id. */
  responses: z.record(z.string(), z.string("Write your answer as text")),
  /** Price in pounds as typed, when the tender has a price criterion. */
  price: z.string("Enter your price in pounds, like 12500 or 12,500.50").optional(),
  /** The bid version the form showed; a stale one is refused (writeBidContent). */
  version: z.union([z.number(), z.nan()]).optional(),
});

export type BidInput = z.output<typeof bidInputSchema>;

/** Parses the bid form, or throws Invalid with a message by each field (answers keyed `response.<criterion id>`, as on the form). */
export function parseBidInput(input: BidInput): BidInput {
  const parsed = bidInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  throw new Invalid(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^responses\./, "response."), v])));
}

type Loaded = Awaited<ReturnType<typeof loadTenderForBidChange>>;

/**
 * Checks a bid's content against the tender. With `complete`, every quality
 * criterion needs an answer and the price is required (for submitting).
 */
export function checkBidContent(loaded: Loaded, input: BidInput, complete: boolean) {
  const errors: FieldErrors = {};
  const responses: { criterionId: string; text: string }[] = [];
  for (const criterion of loaded.tender.criteria.filter((c) => c.kind === "QUALITY")) {
    const text = (input.responses[criterion.id] ?? "").replace(/\r\n/g, "\n").trim();
    const field = `response.${criterion.id}`;
    if (text.length > MAX_RESPONSE_CHARACTERS)
      errors[field] = `Your answer to “${criterion.name}” is too long (over ${MAX_RESPONSE_CHARACTERS.toLocaleString("en-GB")} characters)`;
    else if (criterion.wordLimit && countWords(text) > criterion.wordLimit)
      errors[field] =
        `Your answer to “${criterion.name}” has ${countWords(text).toLocaleString("en-GB")} words. The limit is ${criterion.wordLimit.toLocaleString("en-GB")}.`;
    else if (complete && text === "") errors[field] = `Answer “${criterion.name}”`;
    responses.push({ criterionId: criterion.id, text });
  }
  let pricePence: bigint | null = null;
  const hasPrice = loaded.tender.criteria.some((c) => c.kind === "PRICE");
  if (hasPrice) {
    const raw = (input.price ?? "").trim();
    if (raw) {
      const parsed = parsePounds(raw);
      if (!parsed.ok) errors.price = parsed.message;
      else if (parsed.pence === 0) errors.price = "Price must be more than £0";
      else pricePence = BigInt(parsed.pence);
    } else if (complete) {
      errors.price = "Enter your price";
    }
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return { responses, pricePence };
}

/** Writes the bid's current content (draft or about to be submitted). */
export async function writeBidContent(tx: Tx, actor: Actor, loaded: Loaded, input: BidInput, content: ReturnType<typeof checkBidContent>) {
  if (loaded.bid && input.version !== undefined && input.version !== loaded.bid.version) {
    throw new Conflict("Someone else in your organisation changed this bid. Reload to see the latest version.");
  }
  const bid = loaded.bid
    ? await tx.bid.update({ where: { id: loaded.bid.id }, data: { pricePence: content.pricePence, version: { increment: 1 } } })
    : await tx.bid.create({
        data: { tenderId: loaded.tender.id, organisationId: loaded.organisationId, createdById: actor.id, pricePence: content.pricePence },
      });
  for (const r of content.responses) {
    await tx.bidResponse.upsert({
      where: { bidId_criterionId: { bidId: bid.id, criterionId: r.criterionId } },
      update: { text: r.text },
      create: { bidId: bid.id, criterionId: r.criterionId, text: r.text },
    });
  }
  return bid;
}

/** Saves a draft. Nothing is sent; a submitted bid being revised stays submitted until resubmitted. */
export async function saveBidDraft(
  actor: Actor,
  tenderId: string,
  input: BidInput,
  now = clockNow(),
): Promise<{ bidId: string; version: number }> {
  input = parseBidInput(input);
  return db.$transaction(async (tx) => {
    const loaded = await loadTenderForBidChange(tx, actor, tenderId, now);
    const content = checkBidContent(loaded, input, false);
    const bid = await writeBidContent(tx, actor, loaded, input, content);
    // Content only: never the text or price, so the audit log cannot unseal a bid.
    await audit(tx, actor, {
      action: "bid.draft_saved",
      entityType: "Bid",
      entityId: bid.id,
      tenderId,
      after: { version: bid.version },
    });
    return { bidId: bid.id, version: bid.version };
  });
}
