"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { requestPasswordResetAction } from "./actions";

export function RequestResetForm() {
  return (
    <ActionForm action={requestPasswordResetAction}>
      <TextField
        name="email"
        label="Email address"
        hint="The address you sign in with."
        type="email"
        autoComplete="username"
        spellCheck={false}
        maxLength={254}
      />
      <SubmitButton>Send me a link</SubmitButton>
    </ActionForm>
  );
}
