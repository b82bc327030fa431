"use server";
import { actionArguments, argumentsMatch, BoundId, BoundIds, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { freezeRanking, markAbsent, reviseScore, startModeration } from "@/server/evaluation/moderation";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { stepBack } from "@/server/evaluation/step-back";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  declareConflictsAction: actionArguments(BoundId, BoundIds, PreviousState, Form),
  scoreBidAction: actionArguments(BoundId, BoundId, PreviousState, Form),
  autosaveScoresAction: actionArguments(BoundId, BoundId, Form),
  stepBackAction: actionArguments(BoundId, PreviousState, Form),
  chairAction: actionArguments(BoundId, PreviousState, Form),
  reviseScoreAction: actionArguments(BoundId, BoundId, BoundId, PreviousState, Form),
};

export async function declareConflictsAction(
  tenderId: string,
  organisationIds: string[],
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.declareConflictsAction, [tenderId, organisationIds, _prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await declareConflicts(
      actor,
      tenderId,
      organisationIds.map((organisationId) => {
        const answer = values[`conflict.${organisationId}`];
        return {
          organisationId,
          hasConflict: answer === "yes" ? true : answer === "no" ? false : null,
          details: values[`details.${organisationId}`],
        };
      }),
    );
  });
  if (state.status === "error") return state;
  redirect(`/panels/${tenderId}?declared=1`);
}

function scoresFrom(values: Record<string, string>) {
  const scores: Record<string, { score?: string; reason?: string }> = {};
  for (const [key, value] of Object.entries(values)) {
    const [kind, criterionId] = key.split(".");
    if (!criterionId || (kind !== "score" && kind !== "reason")) continue;
    scores[criterionId] = { ...scores[criterionId], [kind]: value };
  }
  return scores;
}

export async function scoreBidAction(tenderId: string, bidId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.scoreBidAction, [tenderId, bidId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const submit = values.intent === "submit";
  const state = await formAction(values, async () => {
    await saveBidScores(actor, tenderId, bidId, { scores: scoresFrom(values) }, submit);
  });
  if (state.status === "error") return state;
  if (submit) redirect(`/panels/${tenderId}?scored=1`);
  return { status: "success", message: "Draft saved. Nobody else can see it.", values };
}

/** Autosave from the scoring page's script: same rules, never redirects. */
export async function autosaveScoresAction(
  tenderId: string,
  bidId: string,
  formData: FormData,
): Promise<{ ok: boolean; httpStatus?: number }> {
  if (!argumentsMatch(ARGUMENTS.autosaveScoresAction, [tenderId, bidId, formData])) return { ok: false, httpStatus: 400 };
  const actor = await requireActor("panels");
  const state = await formAction({}, async () => {
    await saveBidScores(actor, tenderId, bidId, { scores: scoresFrom(formValues(formData)) }, false);
  });
  return state.status === "error" ? { ok: false, httpStatus: state.httpStatus } : { ok: true };
}

export async function stepBackAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.stepBackAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const keep = values.keepSubmittedScores === "yes" ? true : values.keepSubmittedScores === "no" ? false : null;
  const state = await formAction(values, () => stepBack(actor, tenderId, { keepSubmittedScores: keep }));
  if (state.status === "error") return state;
  redirect("/panels?steppedBack=1");
}

export async function chairAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.chairAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  // Freezing cannot be undone: only from the confirmation step, which says what is still flagged for discussion.
  if (values.command === "freeze" && values.confirm !== "yes") redirect(`/panels/${tenderId}/moderation?freeze=confirm#freeze`);
  const state = await formAction(values, async () => {
    if (values.command === "absent" || values.command === "present")
      await markAbsent(actor, tenderId, values.panelMemberId ?? "", values.command === "absent");
    else if (values.command === "moderate") await startModeration(actor, tenderId);
    else if (values.command === "freeze") await freezeRanking(actor, tenderId);
  });
  // Frozen a moment before from another session: the freeze form is gone, so the page that shows the frozen ranking says who and when.
  if (state.status === "error" && state.code === "RANKING_ALREADY_FROZEN") redirect(`/panels/${tenderId}/moderation?alreadyFrozen=1`);
  if (state.status === "error") return state;
  if (values.command === "moderate") redirect(`/panels/${tenderId}/moderation?started=1`);
  if (values.command === "freeze") redirect(`/panels/${tenderId}/moderation?frozen=1`);
  redirect(`/panels/${tenderId}`);
}

export async function reviseScoreAction(
  tenderId: string,
  bidId: string,
  criterionId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.reviseScoreAction, [tenderId, bidId, criterionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const state = await formAction(values, () =>
    reviseScore(actor, tenderId, {
      bidId,
      criterionId,
      score: values.score ?? "",
      reason: values.reason ?? "",
      revisionReason: values.revisionReason ?? "",
    }),
  );
  if (state.status === "error") return state;
  redirect(`/panels/${tenderId}/moderation/${bidId}?revised=1`);
}
