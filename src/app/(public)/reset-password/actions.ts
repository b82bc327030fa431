"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { acceptPasswordResetRequest, sendPasswordReset } from "@/server/account/request-password-reset";
import { afterResponse } from "@/server/after-response";
import { requestIp } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  requestPasswordResetAction: actionArguments(PreviousState, Form),
};

/**
 * "Forgotten your password?": the same answer whether or not the address has an account. The address is checked
 * and counted first; looking for the account and queueing the email happen after the answer has gone.
 */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.requestPasswordResetAction, [_prev, formData])) return malformedRequest();
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 2048);
  const state = await formAction(values, async () => {
    const request = await acceptPasswordResetRequest({ email: values.email ?? "" }, await requestIp());
    await afterResponse("password reset email", () => sendPasswordReset(request));
  });
  if (state.status === "error") return state;
  redirect("/reset-password?sent=1");
}
