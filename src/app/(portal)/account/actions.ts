"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { changeName } from "@/server/account/change-name";
import { changePassword } from "@/server/account/change-password";
import { endMyOtherSessions, endMySession } from "@/server/account/sessions";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { currentSessionId, requestIp, requireActor } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  changeNameAction: actionArguments(PreviousState, Form),
  changePasswordAction: actionArguments(PreviousState, Form),
  endSessionAction: actionArguments(BoundId, PreviousState, Form),
  endOtherSessionsAction: actionArguments(PreviousState, Form),
};

// Thin server actions for My account: read the Actor and this session, hand the form to the use case, map errors
// once (formAction), then back to the page with what was done.

/** What was typed comes back into the form on an error: never more than a field could hold. */
function bounded(formData: FormData, omit: string[] = []): Record<string, string> {
  const values = formValues(formData, omit);
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 500);
  return values;
}

export async function changeNameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.changeNameAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("account");
  const name = formData.get("name");
  const state = await formAction(bounded(formData), () =>
    changeName(actor, { name: typeof name === "string" ? name : "" }).then(() => undefined),
  );
  if (state.status === "error") return state;
  redirect("/account?done=name");
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.changePasswordAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("account");
  const field = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : "";
  };
  const state = await formAction({}, async () => {
    await changePassword(
      actor,
      await currentSessionId(),
      { currentPassword: field("currentPassword"), password: field("password"), confirmPassword: field("confirmPassword") },
      await requestIp(),
    );
  });
  if (state.status === "error") return state;
  redirect("/account?done=password");
}

export async function endSessionAction(sessionId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.endSessionAction, [sessionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("account");
  const sid = await currentSessionId();
  const state = await formAction(bounded(formData), () => endMySession(actor, sid, sessionId));
  if (state.status === "error") return state;
  redirect("/account?done=session");
}

export async function endOtherSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.endOtherSessionsAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("account");
  const sid = await currentSessionId();
  const state = await formAction(bounded(formData), async () => {
    await endMyOtherSessions(actor, sid);
  });
  if (state.status === "error") return state;
  redirect("/account?done=sessions");
}
