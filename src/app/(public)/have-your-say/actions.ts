"use server";
import { redirect, RedirectType } from "next/navigation";
import { actionArguments, argumentsMatch, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requestIp } from "@/server/auth/session";
import { answerWithCode } from "@/server/shaping/answer-with-code";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  sendAnswersAction: actionArguments(PreviousState, Form),
};

/**
 * A young person without an account sends their answers with the code from their card. No session: the code is the
 * only key. On success the answers leave the screen (the thank-you page shows none of them).
 */
export async function sendAnswersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.sendAnswersAction, [_prev, formData])) return malformedRequest();
  const values = formValues(formData);
  // Bounded before anything reads them: a long answer is refused by the use case with its own message.
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 10_000);
  const state = await formAction(values, async () => {
    await answerWithCode({ code: values.code, values }, await requestIp());
  });
  if (state.status === "error") return state;
  // Replacing the form in the history: Back does not bring the filled-in form back on a shared device.
  redirect("/have-your-say/thanks", RedirectType.replace);
}
