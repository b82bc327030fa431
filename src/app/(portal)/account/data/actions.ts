"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { requestAccountClosure } from "@/server/account/request-closure";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  requestClosureAction: actionArguments(PreviousState, Form),
};

export async function requestClosureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.requestClosureAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("account");
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 100);
  const state = await formAction(values, () => requestAccountClosure(actor, { confirm: values.confirm ?? "" }));
  if (state.status === "error") return state;
  redirect("/account/data?asked=1");
}
