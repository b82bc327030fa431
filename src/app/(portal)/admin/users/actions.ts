"use server";
import { actionArguments, argumentsMatch, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { revalidatePath } from "next/cache";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { createInvitation } from "@/server/users/create-invitation";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  createInvitationAction: actionArguments(PreviousState, Form),
};

export interface InvitationFormState extends FormState {
  link?: string;
  invitedEmail?: string;
}

export async function createInvitationAction(_prev: InvitationFormState, formData: FormData): Promise<InvitationFormState> {
  if (!argumentsMatch(ARGUMENTS.createInvitationAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("admin");
  const values = formValues(formData);
  let created: { link: string } | undefined;
  const state = await formAction(values, async () => {
    created = await createInvitation(actor, {
      email: values.email ?? "",
      name: values.name ?? "",
      role: (values.role ?? "") as never,
      organisationId: values.organisationId,
      establishmentId: values.establishmentId,
    });
  });
  if (state.status === "error" || !created) return state;
  revalidatePath("/admin/users");
  return { status: "success", link: created.link, invitedEmail: values.email?.trim().toLowerCase() };
}
