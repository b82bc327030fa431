"use server";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { changeStage } from "@/server/shaping/change-stage";
import { inviteStageMember } from "@/server/shaping/invite-member";
import { changeQuestions } from "@/server/shaping/question-command";
import { saveAnswer, type SaveAnswerResult } from "@/server/shaping/save-answer";
import { recordSession } from "@/server/shaping/record-session";
import { formatLondon } from "@/domain/london-time";
import { openStage } from "@/server/shaping/open-stage";
import { respondToStageInvitation, stepBackFromStage } from "@/server/shaping/respond-to-invitation";
import { revalidatePath } from "next/cache";

// The actions of gathering views (issue 24): thin, as everywhere (src/server/shaping/ holds the rules).
const ARGUMENTS = {
  openStageAction: actionArguments(BoundId, PreviousState, Form),
  changeStageAction: actionArguments(BoundId, PreviousState, Form),
  respondToStageInvitationAction: actionArguments(PreviousState, Form),
  stepBackFromStageAction: actionArguments(BoundId, PreviousState, Form),
  stageMemberAction: actionArguments(BoundId, PreviousState, Form),
  questionAction: actionArguments(BoundId, PreviousState, Form),
  saveAnswerAction: actionArguments(BoundId, BoundId, PreviousState, Form),
  autosaveAnswerAction: actionArguments(BoundId, BoundId, Form),
  recordSessionAction: actionArguments(BoundId, PreviousState, Form),
};

const version = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export async function openStageAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.openStageAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  let id = "";
  const state = await formAction(values, async () => {
    id = (await openStage(actor, tenderId, values)).id;
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${id}?saved=opened`);
}

const SAVED_BY_ACTION: Record<string, string> = {
  openGathering: "gathering",
  closeGathering: "gatheringClosed",
  closeRanking: "rankingClosed",
};

export async function changeStageAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.changeStageAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await changeStage(actor, stageId, { action: values.action ?? "", version: version(values.version) });
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${stageId}?saved=${SAVED_BY_ACTION[values.action ?? ""] ?? "moved"}`);
}

export async function respondToStageInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.respondToStageInvitationAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const values = formValues(formData);
  const accept = values.answer === "accept";
  let stageId = "";
  const state = await formAction(values, async () => {
    stageId = (await respondToStageInvitation(actor, values.memberId ?? "", accept)).stageId;
  });
  if (state.status === "error") return state;
  redirect(accept ? `/shaping/${stageId}?saved=joined` : "/shaping?answered=no");
}

export async function stepBackFromStageAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.stepBackFromStageAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const state = await formAction(formValues(formData), () => stepBackFromStage(actor, stageId));
  if (state.status === "error") return state;
  redirect("/shaping?answered=steppedBack");
}

export async function stageMemberAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.stageMemberAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await inviteStageMember(actor, stageId, { userId: values.userId, facilitator: values.facilitator });
  });
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/people`);
  return { status: "success", message: "Invitation sent" };
}

const QUESTION_DONE: Record<string, string> = { save: "Question saved", add: "Question added", remove: "Question removed" };

export async function questionAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.questionAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await changeQuestions(actor, stageId, values);
  });
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/questions`);
  return { status: "success", message: QUESTION_DONE[values.command ?? ""] };
}

const ANSWER_DONE: Record<SaveAnswerResult["outcome"], string> = {
  saved: "Answer saved",
  unchanged: "Answer saved",
  deleted: "Answer removed",
};

export async function saveAnswerAction(stageId: string, questionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveAnswerAction, [stageId, questionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const values = formValues(formData);
  let result: SaveAnswerResult | null = null;
  const state = await formAction(values, async () => {
    result = await saveAnswer(actor, stageId, questionId, values);
  });
  if (state.status === "error" || !result) return state;
  revalidatePath(`/shaping/${stageId}/answer`);
  const { outcome, savedAt } = result as SaveAnswerResult;
  if (!savedAt && outcome === "unchanged") return { status: "success", message: "Nothing saved: the box is empty" };
  return { status: "success", message: savedAt ? `${ANSWER_DONE[outcome]} at ${formatLondon(savedAt, "time")}` : ANSWER_DONE[outcome] };
}

/** The same save, called as the young person types (JavaScript): answers "Saved at 14:32", or why not. */
export async function autosaveAnswerAction(
  stageId: string,
  questionId: string,
  formData: FormData,
): Promise<{ ok: boolean; savedAt?: string; removed?: boolean; message?: string; httpStatus?: number }> {
  if (!argumentsMatch(ARGUMENTS.autosaveAnswerAction, [stageId, questionId, formData])) return { ok: false, httpStatus: 400 };
  const actor = await requireActor("shaping");
  let result: SaveAnswerResult | null = null;
  const state = await formAction({}, async () => {
    result = await saveAnswer(actor, stageId, questionId, formValues(formData));
  });
  if (state.status === "error" || !result)
    return { ok: false, httpStatus: state.httpStatus, message: state.fieldErrors?.text ?? state.message };
  const { savedAt, outcome } = result as SaveAnswerResult;
  return { ok: true, savedAt: savedAt ? formatLondon(savedAt, "time") : undefined, removed: outcome === "deleted" };
}

export async function recordSessionAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.recordSessionAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("shaping");
  const ageBands = formData
    .getAll("ageBands")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 20);
  // The age boxes are one field to the form: what was ticked comes back as a list if something else is wrong.
  const values = { ...formValues(formData), ageBands: ageBands.join(",") };
  const views = Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => key.startsWith("views."))
      .map(([key, text]) => [key.slice("views.".length), text]),
  );
  const state = await formAction(values, async () => {
    await recordSession(actor, stageId, { ...values, ageBands, views });
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${stageId}/sessions?saved=1`);
}
