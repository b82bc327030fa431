"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { checkViewAction, withdrawQuoteAction } from "./actions";

/** Accept, set aside (with a reason), or flag as a disclosure: one answer's check. */
export function CheckViewForm({ stageId, viewId }: { stageId: string; viewId: string }) {
  return (
    <ActionForm action={checkViewAction.bind(null, stageId, viewId)} idPrefix={`v${viewId.slice(0, 8)}-`} anchor={`view-${viewId}`}>
      <RadioGroup
        name="decision"
        legend="What do you want to do with this answer?"
        options={[
          { value: "accept", label: "Accept it", hint: "The people shaping the service can read it." },
          { value: "setAside", label: "Set it aside", hint: "Nobody uses it: off topic, abusive, empty or names someone. Say why below." },
          {
            value: "disclosure",
            label: "Flag it as a disclosure",
            hint: "It tells you someone may be at risk of harm. Only you will be able to read it.",
          },
        ]}
      />
      <TextArea
        name="reason"
        label="Why are you setting it aside?"
        hint="Only if you set it aside. Kept in the audit trail."
        rows={2}
        maxLength={500}
      />
      <SubmitButton>Save this check</SubmitButton>
    </ActionForm>
  );
}

export function WithdrawQuoteForm({ stageId, viewId }: { stageId: string; viewId: string }) {
  return (
    <ActionForm action={withdrawQuoteAction.bind(null, stageId, viewId)} idPrefix={`q${viewId.slice(0, 8)}-`}>
      <SubmitButton variant="secondary">Withdraw this quote</SubmitButton>
    </ActionForm>
  );
}
