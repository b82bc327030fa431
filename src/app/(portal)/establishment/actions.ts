"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { decideAward } from "@/server/awards/decide-award";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  decideAwardAction: actionArguments(BoundId, PreviousState, Form),
};

export async function decideAwardAction(awardDecisionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.decideAwardAction, [awardDecisionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("establishment");
  const values = formValues(formData);
  const state = await formAction(values, () =>
    decideAward(actor, awardDecisionId, {
      decision: values.decision ?? "",
      typedName: values.typedName ?? "",
      comment: values.comment ?? "",
      contentHash: values.contentHash ?? "",
    }).then(() => undefined),
  );
  if (state.status === "error") return state;
  redirect(`/establishment/sign-offs/${awardDecisionId}?decided=1`);
}
