"use server";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { changeStage } from "@/server/shaping/change-stage";
import { inviteStageMember } from "@/server/shaping/invite-member";
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
