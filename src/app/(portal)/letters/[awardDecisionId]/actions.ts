"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formFiles, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { answerClarification } from "@/server/representations/clarification";
import { makeRepresentation } from "@/server/representations/make-representation";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  makeRepresentationAction: actionArguments(BoundId, PreviousState, Form),
  answerClarificationAction: actionArguments(BoundId, BoundId, PreviousState, Form),
};

export async function makeRepresentationAction(awardDecisionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.makeRepresentationAction, [awardDecisionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("letters");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await makeRepresentation(actor, awardDecisionId, { text: values.text ?? "", files: await formFiles(formData, "attachments") });
  });
  if (state.status === "error") return state;
  redirect(`/letters/${awardDecisionId}?done=representation#representation`);
}

export async function answerClarificationAction(
  awardDecisionId: string,
  representationId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.answerClarificationAction, [awardDecisionId, representationId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("letters");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await answerClarification(actor, representationId, { answer: values.answer ?? "" });
  });
  if (state.status === "error") return state;
  redirect(`/letters/${awardDecisionId}?done=answered#representation`);
}
