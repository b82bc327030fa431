"use server";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { startRetender } from "@/server/contracts/start-retender";

export async function startRetenderAction(contractId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("tenders");
  let tenderId = "";
  const state = await formAction(formValues(formData), async () => {
    tenderId = (await startRetender(actor, contractId)).tenderId;
  });
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=retender`);
}
