"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { createOrganisation } from "@/server/organisations/create-organisation";
import { updateOrganisation } from "@/server/organisations/update-organisation";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  createOrganisationAction: actionArguments(PreviousState, Form),
  updateOrganisationAction: actionArguments(BoundId, PreviousState, Form),
};

function fields(values: Record<string, string | undefined>) {
  return {
    name: values.name ?? "",
    kind: (values.kind ?? "") as never,
    identifierScheme: values.identifierScheme,
    identifierId: values.identifierId,
    streetAddress: values.streetAddress,
    locality: values.locality,
    postalCode: values.postalCode,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactTelephone: values.contactTelephone,
  };
}

export async function createOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.createOrganisationAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("admin");
  const values = formValues(formData);
  let id: string | undefined;
  const state = await formAction(values, async () => {
    id = (await createOrganisation(actor, fields(values))).id;
  });
  if (state.status === "error" || !id) return state;
  revalidatePath("/admin/organisations");
  redirect(`/admin/organisations/${id}?added=1`);
}

export async function updateOrganisationAction(organisationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.updateOrganisationAction, [organisationId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("admin");
  const values = formValues(formData);
  const state = await formAction(values, () => updateOrganisation(actor, organisationId, fields(values)));
  if (state.status === "error") return state;
  revalidatePath(`/admin/organisations/${organisationId}`);
  redirect(`/admin/organisations/${organisationId}?saved=1`);
}
