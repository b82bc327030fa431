"use server";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { checkView, withdrawQuote } from "@/server/shaping/check-view";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  checkViewAction: actionArguments(BoundId, BoundId, PreviousState, Form),
  withdrawQuoteAction: actionArguments(BoundId, BoundId, PreviousState, Form),
};

const DONE = { ACCEPTED: "accepted", SET_ASIDE: "set-aside", DISCLOSURE: "flagged" } as const;

export async function checkViewAction(stageId: string, viewId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.checkViewAction, [stageId, viewId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 5_000);
  let done = "";
  const state = await formAction(values, async () => {
    done = DONE[(await checkView(actor, viewId, { decision: values.decision, reason: values.reason })).check];
  });
  if (state.status === "error") return state;
  redirect(`/shaping/${encodeURIComponent(stageId)}/check?done=${done}`);
}

export async function withdrawQuoteAction(stageId: string, viewId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.withdrawQuoteAction, [stageId, viewId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const state = await formAction({}, () => withdrawQuote(actor, viewId));
  if (state.status === "error") return state;
  redirect(`/shaping/${encodeURIComponent(stageId)}/check?done=quote-withdrawn`);
}
