"use client";
import { SubmitButton } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { ORG_ID_SCHEME_NAMES, ORG_ID_SCHEMES } from "@/domain/org-identifiers";
import type { FormState } from "@/server/action-result";

export interface OrganisationFormValues {
  name: string;
  kind: string;
  identifierScheme: string | null;
  identifierId: string | null;
  streetAddress: string | null;
  locality: string | null;
  postalCode: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactTelephone: string | null;
}

const KINDS = [
  { value: "", label: "Select one" },
  { value: "COMMISSIONER", label: "Commissions services (a relevant authority)" },
  { value: "PROVIDER", label: "Provides services (bids for tenders)" },
];
const SCHEMES = [{ value: "", label: "None yet" }, ...ORG_ID_SCHEMES.map((s) => ({ value: s, label: `${ORG_ID_SCHEME_NAMES[s]} (${s})` }))];

/** Adding an organisation, or changing one's details: its register number, address and contact point are published in notices and open data. */
export function OrganisationForm({
  action,
  values,
  submit,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  values?: OrganisationFormValues;
  submit: string;
}) {
  return (
    <ActionForm action={action}>
      <TextField name="name" label="Name" autoComplete="off" defaultValue={values?.name} />
      <SelectField name="kind" label="What it does" options={KINDS} defaultValue={values?.kind ?? ""} />
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">Its number in a public register</legend>
        <p className="mb-4 max-w-xl">
          Companies House for companies and community interest companies, the Charity Commission for charities, the NHS Organisation Data
          Service (ODS code) for NHS bodies. It is published with the organisation&apos;s name, so others can check who it is.
        </p>
        <SelectField name="identifierScheme" label="Register" options={SCHEMES} defaultValue={values?.identifierScheme ?? ""} />
        <TextField
          name="identifierId"
          label="Number in that register"
          hint="For example 01234567 (Companies House), 1123456 (charity) or X24 (ODS code)."
          autoComplete="off"
          spellCheck={false}
          defaultValue={values?.identifierId ?? ""}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">Address</legend>
        <TextField name="streetAddress" label="Building and street" autoComplete="off" defaultValue={values?.streetAddress ?? ""} />
        <TextField name="locality" label="Town or city" autoComplete="off" defaultValue={values?.locality ?? ""} />
        <TextField name="postalCode" label="Postcode" autoComplete="off" defaultValue={values?.postalCode ?? ""} />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">Contact point</legend>
        <p className="mb-4 max-w-xl">Published in notices: use a team or office, not a person&apos;s own email or phone.</p>
        <TextField name="contactName" label="Team or office" autoComplete="off" defaultValue={values?.contactName ?? ""} />
        <TextField
          name="contactEmail"
          label="Email address"
          type="email"
          spellCheck={false}
          autoComplete="off"
          defaultValue={values?.contactEmail ?? ""}
        />
        <TextField name="contactTelephone" label="Telephone" type="tel" autoComplete="off" defaultValue={values?.contactTelephone ?? ""} />
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}
