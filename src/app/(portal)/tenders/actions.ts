"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { applyPsrTemplate } from "@/server/tenders/apply-psr-template";
import { cancelTender } from "@/server/tenders/cancel-tender";
import { createTender } from "@/server/tenders/create-tender";
import { invitePanelMember } from "@/server/tenders/invite-panel-member";
import { moveCriterion } from "@/server/tenders/move-criterion";
import { openBids } from "@/server/tenders/open-bids";
import { publishTender } from "@/server/tenders/publish-tender";
import { removeCriterion } from "@/server/tenders/remove-criterion";
import { removePanelMember } from "@/server/tenders/remove-panel-member";
import { saveCriterion } from "@/server/tenders/save-criterion";
import { updateTender } from "@/server/tenders/update-tender";
import { answerQuestion } from "@/server/clarifications/answer-question";
import { revealAsker } from "@/server/clarifications/queries";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  createTenderAction: actionArguments(PreviousState, Form),
  updateTenderAction: actionArguments(BoundId, PreviousState, Form),
  saveCriterionAction: actionArguments(BoundId, PreviousState, Form),
  criterionCommandAction: actionArguments(BoundId, PreviousState, Form),
  panelAction: actionArguments(BoundId, PreviousState, Form),
  publishTenderAction: actionArguments(BoundId, PreviousState, Form),
  openBidsAction: actionArguments(BoundId, PreviousState, Form),
  cancelTenderAction: actionArguments(BoundId, PreviousState, Form),
  answerQuestionAction: actionArguments(BoundId, BoundId, PreviousState, Form),
  revealAskerAction: actionArguments(BoundId, PreviousState, Form),
};

// Thin server actions: read the Actor, hand the form to the use case, map
// errors once (formAction), then redirect or refresh.

const version = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export async function createTenderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.createTenderAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  let id = "";
  const state = await formAction(values, async () => {
    id = (await createTender(actor, values)).id;
  });
  if (state.status === "error") return state;
  redirect(`/tenders/${id}`);
}

export async function updateTenderAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.updateTenderAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, () => updateTender(actor, tenderId, { ...values, version: version(values.version) }));
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=details`);
}

export async function saveCriterionAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveCriterionAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData, ["themeIds"]);
  // A tender shaped with young people shows theme boxes (and says so): their absence then means none ticked.
  const themeIds = values.themesShown === "yes" ? formData.getAll("themeIds").filter((v): v is string => typeof v === "string") : undefined;
  const state = await formAction({ ...values, ...(themeIds && { themeIds: themeIds.join(",") }) }, async () => {
    await saveCriterion(actor, tenderId, {
      themeIds,
      criterionId: values.criterionId || undefined,
      name: values.name ?? "",
      description: values.description ?? "",
      plainLanguageDescription: values.plainLanguageDescription ?? "",
      weight: values.weight ?? "",
      kind: values.kind ?? "",
      wordLimit: values.wordLimit ?? "",
    });
  });
  if (state.status === "error") return state;
  revalidatePath(`/tenders/${tenderId}/criteria`);
  return { status: "success", message: values.criterionId ? "Criterion saved" : "Criterion added" };
}

export async function criterionCommandAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.criterionCommandAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    const criterionId = values.criterionId ?? "";
    if (values.command === "up" || values.command === "down") await moveCriterion(actor, tenderId, criterionId, values.command);
    else if (values.command === "remove") await removeCriterion(actor, tenderId, criterionId);
    else if (values.command === "template") await applyPsrTemplate(actor, tenderId);
  });
  if (state.status === "error") return state;
  revalidatePath(`/tenders/${tenderId}/criteria`);
  return { status: "success" };
}

export async function panelAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.panelAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    if (values.command === "remove") await removePanelMember(actor, tenderId, values.panelMemberId ?? "");
    else await invitePanelMember(actor, tenderId, values.userId ?? "");
  });
  if (state.status === "error") return state;
  revalidatePath(`/tenders/${tenderId}/panel`);
  return { status: "success", message: values.command === "remove" ? "Removed from the panel" : "Invitation sent" };
}

export async function publishTenderAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.publishTenderAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, () => publishTender(actor, tenderId, { version: version(values.version) }));
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=published`);
}

export async function openBidsAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.openBidsAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const state = await formAction(formValues(formData), async () => {
    await openBids(actor, tenderId);
  });
  // Two commissioners pressing at once: the second is told, on the tender page that now shows evaluation.
  if (state.status === "error" && state.code === "BIDS_ALREADY_OPENED") redirect(`/tenders/${tenderId}?saved=alreadyOpened`);
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=opened`);
}

export async function cancelTenderAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.cancelTenderAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, () => cancelTender(actor, tenderId, { reason: values.reason ?? "" }));
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=cancelled`);
}

export async function answerQuestionAction(tenderId: string, questionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.answerQuestionAction, [tenderId, questionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, () => answerQuestion(actor, tenderId, questionId, { answer: values.answer ?? "" }));
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}/clarifications?published=1`);
}

export async function revealAskerAction(questionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.revealAskerAction, [questionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  let message = "";
  const state = await formAction(formValues(formData), async () => {
    const asker = await revealAsker(actor, questionId);
    message = `Asked by ${asker.askedBy} of ${asker.organisation}. This look has been recorded in the audit log.`;
  });
  return state.status === "error" ? state : { status: "success", message };
}
