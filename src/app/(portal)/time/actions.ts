"use server";
import { actionArguments, argumentsMatch, BoundId, Form, PreviousState, malformedRequest } from "@/server/action-arguments";
import { redirect } from "next/navigation";
import { formAction, formValues, type FormState } from "@/server/action-result";
import { requireActor } from "@/server/auth/session";
import { deleteTimeEntry } from "@/server/technicians/delete-time-entry";
import { editTimeEntry } from "@/server/technicians/edit-time-entry";
import { logTime } from "@/server/technicians/log-time";
import { markPaid } from "@/server/technicians/mark-paid";
import { reviewTimeEntry } from "@/server/technicians/review-time-entry";
import type { TimeEntryInput } from "@/server/technicians/time-entry-input";

// Each action's arguments, checked first (src/server/action-arguments.ts).
const ARGUMENTS = {
  logTimeAction: actionArguments(PreviousState, Form),
  editTimeEntryAction: actionArguments(BoundId, PreviousState, Form),
  deleteTimeEntryAction: actionArguments(BoundId, PreviousState, Form),
  reviewTimeEntryAction: actionArguments(BoundId, PreviousState, Form),
  markPaidAction: actionArguments(PreviousState, Form),
};

// Thin server actions for paid time: read the Actor, hand the form to the use
// case, map errors once (formAction), then redirect back to the list.

function entryInput(values: Record<string, string>): TimeEntryInput {
  return {
    tenderId: values.tenderId ?? "",
    // The GOV.UK date input's three boxes; the use case checks them (time-entry-input.ts).
    workedOn: { day: values["workedOn.day"] ?? "", month: values["workedOn.month"] ?? "", year: values["workedOn.year"] ?? "" },
    hours: values.hours ?? "",
    minutes: values.minutes ?? "",
    activity: values.activity ?? "",
    note: values.note ?? "",
  };
}

export async function logTimeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.logTimeAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("time");
  const values = formValues(formData);
  const state = await formAction(values, async () => {
    await logTime(actor, entryInput(values));
  });
  if (state.status === "error") return state;
  redirect("/time?logged=1");
}

export async function editTimeEntryAction(entryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.editTimeEntryAction, [entryId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("time");
  const values = formValues(formData);
  const state = await formAction(values, () => editTimeEntry(actor, entryId, entryInput(values)));
  if (state.status === "error") return state;
  redirect("/time?changed=1");
}

export async function deleteTimeEntryAction(entryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.deleteTimeEntryAction, [entryId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("time");
  const state = await formAction(formValues(formData), () => deleteTimeEntry(actor, entryId));
  if (state.status === "error") return state;
  redirect("/time?deleted=1");
}

export async function reviewTimeEntryAction(entryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.reviewTimeEntryAction, [entryId, _prev, formData])) return malformedRequest();
  const actor = await requireActor("time");
  const values = formValues(formData);
  const state = await formAction(values, () =>
    reviewTimeEntry(actor, entryId, { decision: values.decision ?? "", note: values.note ?? "" }),
  );
  if (state.status === "error") return state;
  redirect(values.decision === "approve" ? "/time?approved=1" : "/time?returned=1");
}

export async function markPaidAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!argumentsMatch(ARGUMENTS.markPaidAction, [_prev, formData])) return malformedRequest();
  const actor = await requireActor("time");
  // Checkboxes repeat one name, which formValues keeps only once.
  const ids = formData.getAll("entryIds").filter((v): v is string => typeof v === "string");
  let count = 0;
  const state = await formAction({ entryIds: ids.join(",") }, async () => {
    count = (await markPaid(actor, ids)).count;
  });
  if (state.status === "error") return state;
  redirect(`/time?paid=${count}`);
}
