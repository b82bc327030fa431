"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { giveConsent, withdrawConsent } from "@/server/technicians/consent";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  giveConsentAction: actionArguments(PreviousState, Form),
  withdrawConsentAction: actionArguments(PreviousState, Form),
};

export async function giveConsentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.giveConsentAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("welcome");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await giveConsent(actor, {
      textVersion: values.textVersion ?? "",
      confirm: values.confirm === "yes",
      chosenName: values.chosenName,
      phone: values.phone,
      under18: values.under18 ?? "",
    });
  });
  if (state.status === "error") return state;
  redirect("/panels?welcome=1");
}

export async function withdrawConsentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.withdrawConsentAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("welcome");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await withdrawConsent(actor, { confirm: values.confirm === "yes", keepSubmittedScores: values.keepSubmittedScores !== "no" });
  });
  if (state.status === "error") return state;
  redirect("/welcome?withdrawn=1");
}
