"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInAction } from "./actions";

// The shared ActionForm fits: signing in is a plain server action (our own
// throttled check and server-side session, src/server/auth/sign-in.ts), not
// next-auth's client-side signIn(), so the form posts without JavaScript too.
export function SignInForm({ next }: { next?: string }) {
  return (
    <ActionForm action={signInAction}>
      {next && <input type="hidden" name="next" value={next} />}
      <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" />
      <SubmitButton>Sign in</SubmitButton>
    </ActionForm>
  );
}
