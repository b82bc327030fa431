"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { resetPassword } from "@/server/account/reset-password";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  resetPasswordAction: actionArguments(PreviousState, Form),
};

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.resetPasswordAction, [_prev, formData])) return malformedRequest();
  const values = formValues(formData, ["password", "confirmPassword"]);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 2048);
  const state = await formAction(values, async () => {
    await resetPassword({
      token: String(formData.get("token") ?? ""),
      password: String(formData.get("password") ?? ""),
      confirmPassword: String(formData.get("confirmPassword") ?? ""),
    });
  });
  if (state.status === "error") return state;
  redirect("/login?reset=1");
}
