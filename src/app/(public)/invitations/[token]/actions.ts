"use server";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { acceptInvitation } from "@/server/users/accept-invitation";

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password", "confirmPassword"]);
  const state = await formAction(values, async () => {
    await acceptInvitation({
      token: values.token ?? "",
      name: values.name ?? "",
      password: String(formData.get("password") ?? ""),
      confirmPassword: String(formData.get("confirmPassword") ?? ""),
    });
  });
  if (state.status === "error") return state;
  redirect("/login?joined=1");
}
