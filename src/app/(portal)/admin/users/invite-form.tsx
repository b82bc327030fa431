"use client";
import { SubmitButton } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-heading";
import { ROLE_CHOICES } from "@/domain/roles";
import { createInvitationAction, type InvitationFormState } from "./actions";

const ROLES = [{ value: "", label: "Select a role" }, ...Object.entries(ROLE_CHOICES).map(([value, label]) => ({ value, label }))];

interface Props {
  organisations: { id: string; name: string; kind: string }[];
  establishments: { id: string; name: string }[];
}

export function InviteForm({ organisations, establishments }: Props) {
  return (
    <ActionForm
      action={createInvitationAction}
      success={(state: InvitationFormState) =>
        state.link && (
          <Panel title="Invitation created">
            <p>We have emailed {state.invitedEmail}. You can also send them this link. It works once, for 7 days:</p>
            <p className="mt-2 break-all bg-white p-2 font-mono text-base text-slate-900" data-testid="invitation-link">
              {state.link}
            </p>
          </Panel>
        )
      }
    >
      <TextField name="name" label="Name" autoComplete="off" />
      <TextField name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" />
      <SelectField name="role" label="Role" options={ROLES} defaultValue="" />
      <SelectField
        name="organisationId"
        label="Organisation"
        hint="For commissioners and providers."
        options={[{ value: "", label: "None" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        defaultValue=""
      />
      <SelectField
        name="establishmentId"
        label="Establishment"
        hint="For governors."
        options={[{ value: "", label: "None" }, ...establishments.map((e) => ({ value: e.id, label: e.name }))]}
        defaultValue=""
      />
      <SubmitButton>Create invitation</SubmitButton>
    </ActionForm>
  );
}
