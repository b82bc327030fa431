"use server";
import { redirect } from "next/navigation";
import { requestAccountClosure } from "@/server/account/request-closure";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

export async function requestClosureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("account");
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 100);
  const state = await formAction(values, () => requestAccountClosure(actor, { confirm: values.confirm ?? "" }));
  if (state.status === "error") return state;
  redirect("/account/data?asked=1");
}
