"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { idleFormState } from "@/components/ui/form-state";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, idleFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
