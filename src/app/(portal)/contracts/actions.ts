"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { startRetender } from "@/server/contracts/start-retender";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  startRetenderAction: actionArguments(BoundId, PreviousState, Form),
};

export async function startRetenderAction(contractId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.startRetenderAction, [contractId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("tenders");
  let tenderId = "";
  const state = await formAction(formValues(formData), async () => {
    tenderId = (await startRetender(actor, contractId)).tenderId;
  });
  if (state.status === "error") return state;
  redirect(`/tenders/${tenderId}?saved=retender`);
}
