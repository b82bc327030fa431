"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, Form, malformedRequest, PreviousState } from "@/server/action-arguments";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { reviewSpecification } from "@/server/shaping/review-specification";

const ARGUMENTS = { reviewSpecificationAction: actionArguments(BoundId, PreviousState, Form) };

export async function reviewSpecificationAction(stageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.reviewSpecificationAction, [stageId, _prev, formData])) return malformedRequest();
  const actor = await requireActor();
  const values = formValues(formData);
  const state = await formAction(values, () =>
    reviewSpecification(actor, stageId, { contentHash: values.contentHash, decision: values.decision, reasons: values.reasons }),
  );
  if (state.status === "error") {
    // A draft that changed meanwhile: the page shows the new version under the message.
    revalidatePath(`/shaping/${stageId}/agree`);
    return state;
  }
  redirect(`/shaping/${stageId}/agree?saved=${values.decision === "AGREE" ? "agreed" : "changes"}`);
}
