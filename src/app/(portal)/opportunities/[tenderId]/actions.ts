"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { removeAttachment, uploadAttachment } from "@/server/bids/attachments";
import { saveBidDraft } from "@/server/bids/save-bid";
import { submitBid } from "@/server/bids/submit-bid";
import { withdrawBid } from "@/server/bids/withdraw-bid";
import { askQuestion } from "@/server/clarifications/ask-question";
import { Invalid } from "@/server/errors";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  askQuestionAction: actionArguments(BoundId, PreviousState, Form),
  bidAction: actionArguments(BoundId, PreviousState, Form),
  attachmentAction: actionArguments(BoundId, PreviousState, Form),
};

export async function askQuestionAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.askQuestionAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("opportunities");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await askQuestion(actor, tenderId, { question: values.question ?? "" });
  });
  if (state.status === "error") return state;
  return {
    status: "success",
    message: "Question sent. When NHS England answers, the answer is published to every provider without saying who asked.",
  };
}

/** One form, three buttons: save a draft, submit, or withdraw. */
export async function bidAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.bidAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("opportunities");
  const values = formValues(formData);
  const intent = values.intent;
  const responses = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith("response."))
      .map(([k, v]) => [k.slice("response.".length), v]),
  );
  const version = values.version && /^\d+$/.test(values.version) ? Number(values.version) : undefined;
  const state = await formAction(values, async () => {
    if (intent === "withdraw") await withdrawBid(actor, tenderId);
    else if (intent === "submit") await submitBid(actor, tenderId, { responses, price: values.price, version });
    else await saveBidDraft(actor, tenderId, { responses, price: values.price, version });
  });
  if (state.status === "error") return state;
  redirect(`/opportunities/${tenderId}/bid?done=${intent === "submit" ? "submitted" : intent === "withdraw" ? "withdrawn" : "saved"}`);
}

export async function attachmentAction(tenderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.attachmentAction, [tenderId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("opportunities");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    if (values.intent === "remove") {
      await removeAttachment(actor, tenderId, values.attachmentId ?? "");
      return;
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new Invalid({ file: "Choose a file to upload" });
    await uploadAttachment(actor, tenderId, {
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      criterionId: values.criterionId || null,
    });
  });
  if (state.status === "error") return state;
  redirect(`/opportunities/${tenderId}/bid?done=${values.intent === "remove" ? "removed" : "uploaded"}#attachments`);
}
