"use server";
import { redirect } from "next/navigation";
import { actionArguments, argumentsMatch, BoundId, BoundNumber, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { formAction, formFiles, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { answerAction } from "@/server/contract-checks/answer-action";
import { MAX_MEASURES } from "@/server/contract-checks/commitment-input";
import { MAX_ACTIONS } from "@/server/contract-checks/save-review";
import { saveCommitments } from "@/server/contract-checks/save-commitments";
import { saveReview } from "@/server/contract-checks/save-review";
import { signCommitments } from "@/server/contract-checks/sign-commitments";
import { signReview } from "@/server/contract-checks/sign-review";
import { submitReturn } from "@/server/contract-checks/submit-return";

// The contract's checks (issue 25): commitments, returns, reviews, answers.
// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  saveCommitmentsAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  signCommitmentsAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  submitReturnAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  saveReviewAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  signReviewAction: actionArguments(BoundId, BoundNumber, PreviousState, Form),
  answerActionAction: actionArguments(BoundId, BoundNumber, BoundId, PreviousState, Form),
};

/** The rows of a repeated group, `prefix.N.field`, in order (as many as the form can show). */
function rows(values: Record<string, string>, prefix: string, max: number, fields: string[]) {
  return Array.from({ length: max }, (_, i) => Object.fromEntries(fields.map((f) => [f, values[`${prefix}.${i}.${f}`]])));
}

const signOffValues = (values: Record<string, string>) => ({
  decision: values.decision ?? "",
  typedName: values.typedName ?? "",
  comment: values.comment ?? "",
  contentHash: values.contentHash ?? "",
});

export async function saveCommitmentsAction(
  contractId: string,
  basedOnVersion: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveCommitmentsAction, [contractId, basedOnVersion, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const measures = rows(values, "measures", MAX_MEASURES + 3, ["key", "name", "target", "unit", "direction", "frequency", "themeId"]);
  const state = await formAction(values, async () => {
    await saveCommitments(actor, contractId, { basedOnVersion, measures });
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/commitments?done=saved`);
}

export async function signCommitmentsAction(contractId: string, version: number, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.signCommitmentsAction, [contractId, version, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await signCommitments(actor, contractId, { ...signOffValues(values), version });
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/commitments?done=signed`);
}

export async function submitReturnAction(contractId: string, period: number, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.submitReturnAction, [contractId, period, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await submitReturn(actor, contractId, period, {
      values: Object.fromEntries(
        Object.entries(values)
          .filter(([k]) => k.startsWith("value."))
          .map(([k, v]) => [k.slice("value.".length), v]),
      ),
      narrative: values.narrative ?? "",
      correctionReason: values.kind === "correction" ? (values.correctionReason ?? "") : undefined,
      files: await formFiles(formData, "files"),
    });
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/periods/${period}?done=${values.kind === "correction" ? "corrected" : "sent"}`);
}

export async function saveReviewAction(contractId: string, period: number, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.saveReviewAction, [contractId, period, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const ratings: Record<string, { rating?: string; comment?: string }> = {};
  for (const [k, v] of Object.entries(values)) {
    const m = /^(rating|comment)\.(.+)$/.exec(k);
    if (m) ratings[m[2]!] = { ...ratings[m[2]!], [m[1]!]: v };
  }
  const state = await formAction(values, async () => {
    await saveReview(actor, contractId, period, {
      basedOnHash: values.basedOnHash ?? "",
      summary: values.summary ?? "",
      ratings,
      actions: rows(values, "actions", MAX_ACTIONS + 3, ["description", "owner", "dueDate"]),
    });
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/periods/${period}?done=reviewed#review`);
}

export async function signReviewAction(contractId: string, period: number, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.signReviewAction, [contractId, period, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await signReview(actor, contractId, period, signOffValues(values));
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/periods/${period}?done=signed#review`);
}

export async function answerActionAction(
  contractId: string,
  period: number,
  actionId: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.answerActionAction, [contractId, period, actionId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("contracts");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await answerAction(actor, contractId, actionId, { body: values.body ?? "" });
  });
  if (state.status === "error") return state;
  redirect(`/contracts/${contractId}/periods/${period}?done=answered#actions`);
}
