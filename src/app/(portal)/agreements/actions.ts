"use server";
import { actionArguments, argumentsMatch, BoundId, BoundNumber, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { createAgreement } from "@/server/agreements/create-agreement";
import { saveAgreementVersion } from "@/server/agreements/save-agreement-version";
import { signAgreement } from "@/server/agreements/sign-agreement";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  createAgreementAction: actionArguments(PreviousState, Form),
  saveVersionAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  signAgreementAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
};

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
  if (!argumentsMatch(ARGUMENTS.createAgreementAction, [_prev, formData])) return malformedRequest();
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
  if (!argumentsMatch(ARGUMENTS.saveVersionAction, [agreementId, basedOnVersion, _prev, formData])) return malformedRequest();
  const actor = await requireActor("agreements");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await saveAgreementVersion(actor, agreementId, { ...content(values, formData), basedOnVersion });
  });
  if (state.status === "error") return state;
  redirect(`/agreements/${agreementId}?done=saved`);
}

export async function signAgreementAction(agreementId: string, version: number, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.signAgreementAction, [agreementId, version, _prev, formData])) return malformedRequest();
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
