"use server";
import { redirect } from "next/navigation";
import { createAgreement } from "@/server/agreements/create-agreement";
import { saveAgreementVersion } from "@/server/agreements/save-agreement-version";
import { signAgreement } from "@/server/agreements/sign-agreement";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

function content(values: Record<string, string>, formData: FormData) {
  return {
    priorities: values.priorities ?? "",
    servicesInScope: values.servicesInScope ?? "",
    youngPeopleInvolvement: values.youngPeopleInvolvement ?? "",
    otherTerms: values.otherTerms ?? "",
    contractIds: formData.getAll("contractIds").filter((v): v is string => typeof v === "string"),
  };
}

export async function createAgreementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("agreements");
  const values = formValues(formData);
  let id = "";
  const state = await formAction(values, async () => {
    id = (
      await createAgreement(actor, {
        establishmentId: values.establishmentId ?? "",
        title: values.title ?? "",
        periodStart: values.periodStart ?? "",
        periodEnd: values.periodEnd ?? "",
        ...content(values, formData),
      })
    ).agreementId;
  });
  if (state.status === "error") return state;
  redirect(`/agreements/${id}?done=created`);
}

export async function saveVersionAction(
  agreementId: string,
  basedOnVersion: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireActor("agreements");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await saveAgreementVersion(actor, agreementId, { ...content(values, formData), basedOnVersion });
  });
  if (state.status === "error") return state;
  redirect(`/agreements/${agreementId}?done=saved`);
}

export async function signAgreementAction(agreementId: string, version: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("agreements");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await signAgreement(actor, agreementId, {
      decision: values.decision ?? "",
      typedName: values.typedName ?? "",
      comment: values.comment ?? "",
      contentHash: values.contentHash ?? "",
      version,
    });
  });
  if (state.status === "error") return state;
  redirect(`/agreements/${agreementId}?done=signed`);
}
