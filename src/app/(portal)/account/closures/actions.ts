"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { closeAccount } from "@/server/account/close-account";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  closeAccountAction: actionArguments(BoundId, PreviousState, Form),
};

export async function closeAccountAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.closeAccountAction, [userId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("closures");
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 100);
  const state = await formAction(values, () => closeAccount(actor, userId, { confirm: values.confirm ?? "" }));
  if (state.status === "error") return state;
  redirect("/account/closures?closed=1");
}
