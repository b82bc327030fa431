"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, name, email }: { token: string; name: string; email: string }) {
  return (
    <ActionForm action={acceptInvitationAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="name"
        label="Your name"
        hint="The name other people on the portal will see. Young commissioners can use a first name or a chosen name."
        autoComplete="name"
        defaultValue={name}
      />
      <NewPasswordFields label="Create a password" againLabel="Type the password again" />
      <SubmitButton>Create my account</SubmitButton>
    </ActionForm>
  );
}
