"use server";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { giveConsent, withdrawConsent } from "@/server/technicians/consent";

export async function giveConsentAction(_prev: FormState, formData: FormData): Promise<FormState> {
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
  const actor = await requireActor("welcome");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await withdrawConsent(actor, { confirm: values.confirm === "yes", keepSubmittedScores: values.keepSubmittedScores !== "no" });
  });
  if (state.status === "error") return state;
  redirect("/welcome?withdrawn=1");
}
