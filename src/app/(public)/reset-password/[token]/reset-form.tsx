"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  return (
    <ActionForm action={resetPasswordAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <NewPasswordFields />
      <SubmitButton>Save my new password</SubmitButton>
    </ActionForm>
  );
}
