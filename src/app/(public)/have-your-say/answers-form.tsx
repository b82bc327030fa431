"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { sendAnswersAction } from "./actions";

const AGE_OPTIONS = [
  { value: "UNDER_15", label: "Under 15" },
  { value: "AGE_15_16", label: "15 or 16" },
  { value: "AGE_17", label: "17" },
  { value: "AGE_18_OR_OVER", label: "18 or over" },
  { value: "none", label: "I would rather not say" },
];

/** The easy-read questions a code opened: big boxes, plain words, every one optional but one. */
export function AnswersForm({ code, questions }: { code: string; questions: { easyRead: string; field: string }[] }) {
  return (
    <ActionForm action={sendAnswersAction}>
      <input type="hidden" name="code" value={code} />
      {questions.map((q, i) => (
        <TextArea
          key={q.field}
          name={q.field}
          label={
            <span className="text-xl">
              {i + 1}. {q.easyRead}
            </span>
          }
          hint={i === 0 ? "Write as much or as little as you like. You can leave a question empty." : undefined}
          rows={4}
          maxLength={2000}
          autoComplete="off"
          spellCheck
        />
      ))}
      <RadioGroup
        name="ageBand"
        legend={<span className="text-xl">How old are you?</span>}
        hint="You do not have to say."
        options={AGE_OPTIONS}
      />
      <RadioGroup
        name="quoteConsent"
        legend={<span className="text-xl">Can we use your words (without your name) in what we share?</span>}
        hint="For example, in a report about what young people told us. If you do not choose, we will not."
        options={[
          { value: "yes", label: "Yes, you can use my words" },
          { value: "no", label: "No, do not use my words" },
        ]}
      />
      <p className="mb-4 text-lg">When you press Send, your code is used up. Nobody will know the answers are yours.</p>
      <SubmitButton>Send my answers</SubmitButton>
    </ActionForm>
  );
}
