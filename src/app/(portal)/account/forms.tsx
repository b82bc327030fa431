"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { changeNameAction, changePasswordAction, endOtherSessionsAction, endSessionAction } from "./actions";

export function ChangeNameForm({ name, maxLength }: { name: string; maxLength: number }) {
  return (
    <ActionForm action={changeNameAction} idPrefix="name-">
      <TextField
        name="name"
        label="Your name"
        hint="The name other people on the portal see. Young commissioners can use a first name or a chosen name."
        autoComplete="name"
        defaultValue={name}
        maxLength={maxLength}
      />
      <SubmitButton variant="secondary">Save my name</SubmitButton>
    </ActionForm>
  );
}

export function ChangePasswordForm({ email }: { email: string }) {
  return (
    <ActionForm action={changePasswordAction} idPrefix="password-">
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <NewPasswordFields />
      <SubmitButton variant="secondary">Change my password</SubmitButton>
    </ActionForm>
  );
}

export function EndSessionForm({ sessionId, device }: { sessionId: string; device: string }) {
  return (
    <ActionForm action={endSessionAction.bind(null, sessionId)} idPrefix={`session-${sessionId}-`}>
      <SubmitButton variant="secondary">
        Sign out<span className="sr-only"> on {device}</span>
      </SubmitButton>
    </ActionForm>
  );
}

export function EndOtherSessionsForm() {
  return (
    <ActionForm action={endOtherSessionsAction} idPrefix="others-">
      <SubmitButton variant="warning">Sign out on every other device</SubmitButton>
    </ActionForm>
  );
}
