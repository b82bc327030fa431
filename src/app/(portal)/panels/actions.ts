"use server";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { respondToPanelInvitation } from "@/server/tenders/respond-to-panel-invitation";

export async function respondToPanelInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const accept = values.answer === "accept";
  const state = await formAction(values, () => respondToPanelInvitation(actor, values.panelMemberId ?? "", accept));
  if (state.status === "error") return state;
  redirect(`/panels?answered=${accept ? "yes" : "no"}`);
}
