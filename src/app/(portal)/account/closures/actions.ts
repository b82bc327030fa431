"use server";
import { redirect } from "next/navigation";
import { closeAccount } from "@/server/account/close-account";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

export async function closeAccountAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("closures");
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 100);
  const state = await formAction(values, () => closeAccount(actor, userId, { confirm: values.confirm ?? "" }));
  if (state.status === "error") return state;
  redirect("/account/closures?closed=1");
}
