"use server";
import { redirect } from "next/navigation";
import { homePath } from "@/server/access";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { startSession, requestIp } from "@/server/auth/session";
import { authenticate } from "@/server/auth/sign-in";

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  let destination = "/";
  const state = await formAction(values, async () => {
    const actor = await authenticate({
      email: values.email ?? "",
      password: String(formData.get("password") ?? ""),
      ip: await requestIp(),
    });
    await startSession(actor);
    destination = safeNext(values.next) ?? homePath(actor.role);
  });
  if (state.status === "error") return state;
  redirect(destination);
}

/** Only same-site paths, so a sign-in link cannot send people elsewhere. */
function safeNext(next: string | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/login")) return null;
  return next;
}
