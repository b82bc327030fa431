import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea, TextField } from "@/components/ui/field";
import type { FormState } from "@/server/action-result";
import { NAME_RULE } from "@/domain/signature-name";

/**
 * Approve (typing your full name), ask for changes, or reject (with a comment).
 * The hidden content hash ties the decision to exactly what was on the page.
 */
export function SignOffForm({
  action,
  contentHash,
  signerName,
  what,
  choices = ["APPROVED", "CHANGES_REQUESTED", "REJECTED"],
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  contentHash: string;
  signerName: string;
  what: string;
  choices?: readonly ("APPROVED" | "CHANGES_REQUESTED" | "REJECTED")[];
}) {
  const options = {
    APPROVED: { value: "APPROVED", label: "Approve", hint: `I have read ${what} and approve it.` },
    CHANGES_REQUESTED: { value: "CHANGES_REQUESTED", label: "Ask for changes", hint: "Say what needs to change in the comment." },
    REJECTED: { value: "REJECTED", label: "Reject", hint: "Give your reason in the comment." },
  };
  return (
    <ActionForm action={action} idPrefix="signoff" anchor="signoff-form">
      <input type="hidden" name="contentHash" value={contentHash} />
      <RadioGroup name="decision" legend="Your decision" options={choices.map((c) => options[c])} />
      <TextField
        name="typedName"
        label="To approve, type your full name as your signature"
        hint={`Type it as it appears on your account: ${signerName}. ${NAME_RULE}`}
        autoComplete="name"
      />
      <TextArea
        name="comment"
        label={choices.length === 1 ? "Comment (optional)" : "Comment"}
        hint={
          choices.length === 1
            ? "Anything the other signer should know."
            : "Needed if you ask for changes or reject. Optional if you approve."
        }
        rows={4}
      />
      <SubmitButton>Send my decision</SubmitButton>
    </ActionForm>
  );
}
