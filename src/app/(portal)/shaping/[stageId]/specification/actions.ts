"use server";
import { revalidatePath } from "next/cache";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { overrideGate } from "@/server/shaping/override-gate";
import { requirementCommand } from "@/server/shaping/requirement-command";
import { saveRequirement } from "@/server/shaping/save-requirement";

const ARGUMENTS = {
  saveRequirementAction: actionArguments(BoundId, PreviousState, Form),
  requirementCommandAction: actionArguments(BoundId, PreviousState, Form),
  overrideGateAction: actionArguments(BoundId, PreviousState, Form),
};

export async function saveRequirementAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveRequirementAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData, ["themeIds"]);
  const themeIds = formData.getAll("themeIds").filter((v): v is string => typeof v === "string");
  const state = await formAction({ ...values, themeIds: themeIds.join(",") }, async () => {
    await saveRequirement(actor, stageId, { requirementId: values.requirementId || undefined, text: values.text ?? "", themeIds });
  });
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/specification`);
  return { status: "success", message: values.requirementId ? "Requirement saved" : "Requirement added" };
}

export async function requirementCommandAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.requirementCommandAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const command = values.command ?? "";
  const state = await formAction(values, () => requirementCommand(actor, stageId, values.requirementId ?? "", command));
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/specification`);
  return { status: "success" };
}

export async function overrideGateAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.overrideGateAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const state = await formAction(values, () => overrideGate(actor, stageId, { contentHash: values.contentHash, reason: values.reason }));
  if (state.status === "error") return state;
  revalidatePath(`/shaping/${stageId}/specification`);
  return { status: "success", message: "Your reason is recorded. The governor will see it when they sign off the award." };
}
