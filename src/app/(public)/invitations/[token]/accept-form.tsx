"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { idleFormState } from "@/components/ui/form-state";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, name, email }: { token: string; name: string; email: string }) {
  const [state, action] = useActionState(acceptInvitationAction, idleFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="name"
        label="Your name"
        hint="The name other people on the portal will see. Young commissioners can use a first name or a chosen name."
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
        error={state.fieldErrors?.name}
      />
      <TextField
        name="password"
        label="Create a password"
        hint="At least 12 characters. A few random words together work well."
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.password}
      />
      <TextField
        name="confirmPassword"
        label="Type the password again"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton>Create my account</SubmitButton>
    </form>
  );
}
