"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { respondToPanelInvitation } from "@/server/tenders/respond-to-panel-invitation";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  respondToPanelInvitationAction: actionArguments(PreviousState, Form),
};

export async function respondToPanelInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.respondToPanelInvitationAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("panels");
  const values = formValues(formData);
  const accept = values.answer === "accept";
  const state = await formAction(values, () => respondToPanelInvitation(actor, values.panelMemberId ?? "", accept));
  if (state.status === "error") return state;
  redirect(`/panels?answered=${accept ? "yes" : "no"}`);
}
