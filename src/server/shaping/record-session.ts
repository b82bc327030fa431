import "server-only";
import { z } from "zod";
import { londonDateKey } from "@/domain/london-time";
import {
  PARTICIPANTS_MAX,
  PARTICIPANTS_MIN,
  SESSION_VIEW_MAX,
  SESSION_VIEWS_PER_QUESTION_MAX,
  sessionDateProblem,
  SETTING_MAX,
} from "@/domain/shaping-gather";
import { AGE_BANDS, shapingAllows, type AgeBand } from "@/domain/shaping-stage";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, type FieldErrors } from "../errors";
import { authorize } from "../policy";
import { loadStage } from "./load-stage";

export interface SessionInput {
  kind?: string;
  heldOn?: string;
  setting?: string;
  participantCount?: string;
  ageBands?: string[];
  /** What was said, per question id: one view per line. */
  views?: Record<string, string>;
}

const kindSchema = z.enum(["FOCUS_GROUP", "WORKSHOP"], "Choose focus group or workshop");

const dateKey = (d: Date) => d.toISOString().slice(0, 10);

/** One view per line, blank lines dropped, each trimmed and NFC-normalised. */
export function splitViews(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * A facilitator records a focus group or workshop held while gathering is open: when (within the gathering dates,
 * not in the future), where, how many young people, which age bands, and what they said to each question. No names:
 * the form says so, and nothing here stores who said what. The facilitator recording them has checked these views
 * (ACCEPTED, checked by them), so the people taking part read them straight away.
 */
export async function recordSession(actor: Actor, stageId: string, input: SessionInput, now = clockNow()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, stageId, { lock: true });
    authorize(actor, "shaping.facilitate", stage);
    if (!shapingAllows.gatherViews(stage.status)) throw new Conflict("Focus groups can be recorded only while gathering views is open.");
    const window = await tx.shapingStage.findUniqueOrThrow({
      where: { id: stage.id },
      select: { gatheringFrom: true, gatheringUntil: true },
    });
    const questions = await tx.shapingQuestion.findMany({
      where: { stageId: stage.id },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });

    const errors: FieldErrors = {};
    const kind = kindSchema.safeParse(input.kind ?? "");
    if (!kind.success) errors.kind = "Choose focus group or workshop";
    const heldOn = String(input.heldOn ?? "");
    const dateProblem = sessionDateProblem(
      heldOn,
      { from: dateKey(window.gatheringFrom), until: dateKey(window.gatheringUntil) },
      londonDateKey(now),
    );
    if (dateProblem) errors.heldOn = dateProblem;
    const setting = String(input.setting ?? "")
      .normalize("NFC")
      .trim();
    if (!setting) errors.setting = "Say where it was held, like “Heron unit association room”";
    else if (Array.from(setting).length > SETTING_MAX) errors.setting = `The setting must be ${SETTING_MAX} characters or fewer`;
    const countText = String(input.participantCount ?? "").trim();
    const participantCount = /^\d{1,4}$/.test(countText) ? Number(countText) : NaN;
    if (!countText) errors.participantCount = "Enter how many young people took part";
    else if (!Number.isInteger(participantCount) || participantCount < PARTICIPANTS_MIN || participantCount > PARTICIPANTS_MAX)
      errors.participantCount = `Enter a whole number from ${PARTICIPANTS_MIN} to ${PARTICIPANTS_MAX}`;
    const bands = [...new Set(input.ageBands ?? [])];
    if (bands.length === 0) errors.ageBands = "Tick the age bands of the young people there";
    else if (bands.some((b) => !(AGE_BANDS as readonly string[]).includes(b))) errors.ageBands = "Tick age bands from the list";

    const views: { questionId: string; text: string }[] = [];
    for (const q of questions) {
      const lines = splitViews(String(input.views?.[q.id] ?? ""));
      const field = `views.${q.id}`;
      if (lines.length > SESSION_VIEWS_PER_QUESTION_MAX)
        errors[field] = `Up to ${SESSION_VIEWS_PER_QUESTION_MAX} views for one question: put the rest in another session`;
      else if (lines.some((l) => Array.from(l).length > SESSION_VIEW_MAX))
        errors[field] = `Each view must be ${SESSION_VIEW_MAX.toLocaleString("en-GB")} characters or fewer`;
      else views.push(...lines.map((text) => ({ questionId: q.id, text })));
    }
    const unknown = Object.keys(input.views ?? {}).filter(
      (id) => !questions.some((q) => q.id === id) && String(input.views?.[id] ?? "").trim() !== "",
    );
    if (unknown.length > 0) errors.form = "The questions changed while you were writing. Reload the page and try again.";
    if (views.length === 0 && !Object.keys(errors).some((k) => k.startsWith("views.")))
      errors[`views.${questions[0]?.id ?? "none"}`] = "Write down at least one thing the young people said";
    if (Object.keys(errors).length > 0 || !kind.success) throw new Invalid(errors);

    const session = await tx.shapingSession.create({
      data: {
        stageId: stage.id,
        kind: kind.data,
        heldOn: new Date(`${heldOn.trim()}T00:00:00Z`),
        setting,
        participantCount,
        ageBands: bands as AgeBand[],
        recordedById: actor.id,
        createdAt: now,
      },
    });
    await tx.shapingView.createMany({
      data: views.map((v) => ({
        stageId: stage.id,
        questionId: v.questionId,
        source: "SESSION" as const,
        text: v.text,
        sessionId: session.id,
        check: "ACCEPTED" as const,
        checkedById: actor.id,
        checkedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    });
    await audit(tx, actor, {
      action: "shaping.session_recorded",
      entityType: "ShapingSession",
      entityId: session.id,
      tenderId: stage.tender.id,
      establishmentId: stage.tender.establishmentId,
      after: { kind: kind.data, heldOn: heldOn.trim(), setting, participantCount, ageBands: bands, views: views.length },
    });
    return { id: session.id };
  });
}
