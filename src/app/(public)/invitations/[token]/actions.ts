"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { WELCOME_PATH } from "@/server/consent-gate";
import { acceptInvitation } from "@/server/users/accept-invitation";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  acceptInvitationAction: actionArguments(PreviousState, Form),
};

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.acceptInvitationAction, [_prev, formData])) return malformedRequest();
  const values = formValues(formData, ["password", "confirmPassword"]);
  let next = "";
  const state = await formAction(values, async () => {
    const { role } = await acceptInvitation({
      token: values.token ?? "",
      name: values.name ?? "",
      password: String(formData.get("password") ?? ""),
      confirmPassword: String(formData.get("confirmPassword") ?? ""),
    });
    // A young commissioner reads the welcome page (role, pay, data, stepping back) and agrees before anything else.
    if (role === "TECHNICIAN") next = `&next=${encodeURIComponent(WELCOME_PATH)}`;
  });
  if (state.status === "error") return state;
  redirect(`/login?joined=1${next}`);
}
