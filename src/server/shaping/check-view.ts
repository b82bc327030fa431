import "server-only";
import { lockRow } from "../locks";
import { z } from "zod";
import { shapingAllows } from "@/domain/shaping-stage";
import type { Actor } from "../auth/actor";
import { audit } from "../audit";
import { now as clockNow } from "../clock";
import { db, type Tx } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { isId } from "../ids";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";

/** What a facilitator decides about an answer waiting for its check. */
export const CHECK_DECISIONS = ["accept", "setAside", "disclosure"] as const;
export type CheckDecision = (typeof CHECK_DECISIONS)[number];

const RESULT = { accept: "ACCEPTED", setAside: "SET_ASIDE", disclosure: "DISCLOSURE" } as const;

export const MAX_SET_ASIDE_REASON = 500;

const checkSchema = z.object({
  decision: z.enum(CHECK_DECISIONS, "Choose what to do with this answer"),
  reason: z
    .string()
    .max(MAX_SET_ASIDE_REASON * 4)
    .transform((s) => s.replace(/[\p{Cc}\p{Cf}]/gu, " ").trim()),
});

const NOT_FOUND = "We could not find that answer.";

/** Loads a view with its stage, row-locked, for a facilitator of that stage (anyone else: not found or refused). */
async function lockedView(tx: Tx, actor: Actor, viewId: string) {
  if (!isId(viewId)) throw new NotFound(NOT_FOUND);
  const rows = await tx.$queryRaw<
    { stageId: string }[]
  >`SELECT "stageId"::text AS "stageId" FROM "ShapingView" WHERE "id" = ${viewId}::uuid`;
  if (!rows[0]) throw new NotFound(NOT_FOUND);
  const stage = await loadStage(tx, actor, rows[0].stageId, { lock: true });
  authorize(actor, "shaping.facilitate", stage);
  await lockRow(tx, "ShapingView", viewId);
  const view = await tx.shapingView.findUniqueOrThrow({ where: { id: viewId } });
  return { stage, view };
}

/**
 * A facilitator checks an answer nobody else has read yet: accept it (the stage's members may read it), set it
 * aside (with a reason, kept in the audit trail; nobody reads it after), or flag it as a disclosure (only this
 * facilitator ever reads it again). One decision per answer: a second one, by anyone, is a Conflict.
 */
export async function checkView(
  actor: Actor,
  viewId: string,
  input: { decision?: string; reason?: string },
  now = clockNow(),
): Promise<{ check: "ACCEPTED" | "SET_ASIDE" | "DISCLOSURE" }> {
  const parsed = checkSchema.safeParse({ decision: input.decision, reason: typeof input.reason === "string" ? input.reason : "" });
  return db.$transaction(async (tx) => {
    // Who may, first: anyone else is refused whatever they sent.
    const { stage, view } = await lockedView(tx, actor, viewId);
    if (!shapingAllows.checkViews(stage.status)) throw new Conflict("Answers can no longer be checked: ranking has closed.");
    if (view.check !== "WAITING") throw new Conflict("This answer has been checked already.");
    if (!parsed.success) throw new Invalid({ decision: "Choose what to do with this answer" });
    const { decision, reason } = parsed.data;
    if (decision === "setAside" && !reason) throw new Invalid({ reason: "Say why you are setting this answer aside" });
    if (reason.length > MAX_SET_ASIDE_REASON) throw new Invalid({ reason: `Keep the reason under ${MAX_SET_ASIDE_REASON} characters` });
    const check = RESULT[decision];
    await tx.shapingView.update({ where: { id: view.id }, data: { check, checkedById: actor.id, checkedAt: now } });
    await audit(tx, actor, {
      action: "shaping.view_checked",
      entityType: "ShapingView",
      entityId: view.id,
      tenderId: stage.tenderId,
      before: { check: "WAITING" },
      // The reason for setting aside is kept; a disclosure's words never enter the trail.
      after: { check, ...(decision === "setAside" ? { reason } : {}) },
    });
    return { check };
  });
}

/**
 * A facilitator withdraws a young person's agreement to be quoted, for them ("I don't want my words used after
 * all"). The answer stays; its words are no longer shown as a quote anywhere.
 */
export async function withdrawQuote(actor: Actor, viewId: string, now = clockNow()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { stage, view } = await lockedView(tx, actor, viewId);
    if (view.check === "DISCLOSURE" && view.checkedById !== actor.id) throw new NotFound(NOT_FOUND);
    if (!view.quoteConsent) throw new Conflict("This young person did not agree to be quoted.");
    if (view.quoteWithdrawnAt) throw new Conflict("This quote has been withdrawn already.");
    await tx.shapingView.update({ where: { id: view.id }, data: { quoteWithdrawnAt: now } });
    await audit(tx, actor, {
      action: "shaping.quote_withdrawn",
      entityType: "ShapingView",
      entityId: view.id,
      tenderId: stage.tenderId,
    });
  });
}
