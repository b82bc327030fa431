"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  return (
    <ActionForm action={resetPasswordAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="password"
        label="New password"
        hint="At least 12 characters. A few random words together work well."
        type="password"
        autoComplete="new-password"
      />
      <TextField name="confirmPassword" label="Type the new password again" type="password" autoComplete="new-password" />
      <SubmitButton>Save my new password</SubmitButton>
    </ActionForm>
  );
}
