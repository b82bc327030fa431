"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { homePath } from "@/server/policy";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { deviceCookie, rememberDevice, requestIp, startSession } from "@/server/auth/session";
import { safeNext } from "@/server/auth/safe-next";
import { authenticateDevice } from "@/server/auth/sign-in";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  signInAction: actionArguments(PreviousState, Form),
};

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.signInAction, [_prev, formData])) return malformedRequest();
  const values = formValues(formData, ["password"]);
  // Echoed back into the form on an error: never more than a real address.
  for (const key of Object.keys(values)) values[key] = values[key]!.slice(0, 2048);
  let destination = "/";
  const state = await formAction(values, async () => {
    const { actor, deviceCookie: device } = await authenticateDevice({
      email: values.email ?? "",
      password: String(formData.get("password") ?? ""),
      ip: await requestIp(),
      deviceCookie: await deviceCookie(),
    });
    await startSession(actor);
    await rememberDevice(device);
    destination = safeNext(values.next) ?? homePath(actor.role);
  });
  if (state.status === "error") return state;
  redirect(destination);
}
