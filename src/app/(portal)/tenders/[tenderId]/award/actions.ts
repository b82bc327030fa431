"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { confirmAward } from "@/server/awards/confirm-award";
import { recommendAward } from "@/server/awards/recommend-award";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { askForClarification } from "@/server/representations/clarification";
import { decideOnRepresentations } from "@/server/representations/decide-representations";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  recommendAwardAction: actionArguments(BoundId, PreviousState, Form),
  confirmAwardAction: actionArguments(BoundId, PreviousState, Form),
  askClarificationAction: actionArguments(BoundId, BoundId, PreviousState, Form),
  decideRepresentationsAction: actionArguments(BoundId, PreviousState, Form),
};

export async function recommendAwardAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.recommendAwardAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await recommendAward(actor, tenderId, {
      bidId: values.bidId ?? "",
      justification: values.justification ?? "",
      noteToYoungCommissioners: values.noteToYoungCommissioners ?? "",
    });
  });
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}/award?done=recommended`);
}

export async function confirmAwardAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.confirmAwardAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const state = await formAction(formValues(formData), async () => {
    await confirmAward(actor, tenderId);
  });
  // Two commissioners pressing at once: the form is gone for the second, so they are told on the page that now shows the contract.
  if (state.status === "error" && state.code === "AWARD_ALREADY_CONFIRMED") redirect(`/tenders/${tenderId}/award?done=alreadyAwarded`);
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}/award?done=awarded`);
}

export async function askClarificationAction(
  tenderId: string,
  representationId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.askClarificationAction, [tenderId, representationId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await askForClarification(actor, representationId, { question: values.question ?? "" });
  });
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}/award?done=asked#representations`);
}

export async function decideRepresentationsAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.decideRepresentationsAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await decideOnRepresentations(actor, tenderId, { outcome: values.outcome, reasons: values.reasons ?? "" });
  });
  if (state.status === "error") return state;
  redirect(
    `/tenders/${tenderId}/award?done=${values.outcome === "CONTINUE" ? "continued" : values.outcome === "ABANDON" ? "abandoned" : "reopened"}#representations`,
  );
}
