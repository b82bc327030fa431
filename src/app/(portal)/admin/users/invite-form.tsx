"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-heading";
import { ROLE_CHOICES } from "@/domain/roles";
import { createInvitationAction, type InvitationFormState } from "./actions";

const ROLES = [{ value: "", label: "Select a role" }, ...Object.entries(ROLE_CHOICES).map(([value, label]) => ({ value, label }))];

interface Props {
  organisations: { id: string; name: string; kind: string }[];
  establishments: { id: string; name: string }[];
}

const initial: InvitationFormState = { status: "idle" };

export function InviteForm({ organisations, establishments }: Props) {
  const [state, action] = useActionState(createInvitationAction, initial);
  return (
    <>
      {state.status === "success" && state.link && (
        <Panel title="Invitation created">
          <p>We have emailed {state.invitedEmail}. You can also send them this link. It works once, for 7 days:</p>
          <p className="mt-2 break-all bg-white p-2 font-mono text-base text-slate-900" data-testid="invitation-link">
            {state.link}
          </p>
        </Panel>
      )}
      <form action={action} noValidate>
        <ErrorSummary message={state.status === "error" ? state.message : undefined} fieldErrors={state.fieldErrors} />
        <TextField name="name" label="Name" autoComplete="off" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          spellCheck={false}
          autoComplete="off"
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <SelectField name="role" label="Role" options={ROLES} defaultValue={state.values?.role ?? ""} error={state.fieldErrors?.role} />
        <SelectField
          name="organisationId"
          label="Organisation"
          hint="For commissioners and providers."
          options={[{ value: "", label: "None" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          defaultValue={state.values?.organisationId ?? ""}
          error={state.fieldErrors?.organisationId}
        />
        <SelectField
          name="establishmentId"
          label="Establishment"
          hint="For governors."
          options={[{ value: "", label: "None" }, ...establishments.map((e) => ({ value: e.id, label: e.name }))]}
          defaultValue={state.values?.establishmentId ?? ""}
          error={state.fieldErrors?.establishmentId}
        />
        <SubmitButton>Create invitation</SubmitButton>
      </form>
    </>
  );
}
