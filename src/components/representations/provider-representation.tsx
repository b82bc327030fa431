import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { formatLondon } from "@/domain/london-time";
import type { FormState } from "@/server/action-result";
import { RepresentationThread, ReviewView, type RepresentationThreadData, type ReviewData } from "./representation-thread";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Below a provider's outcome letter: make a representation during standstill, follow it, answer the commissioner. */
export function ProviderRepresentation({
  view,
  makeAction,
  answerAction,
}: {
  view: {
    canSubmit: boolean;
    /** The bid to be awarded: not invited to make representations (its letter says what happens next). */
    successful: boolean;
    windowOpen: boolean;
    closesAt: Date;
    representation: (RepresentationThreadData & { review: ReviewData | null }) | null;
  };
  makeAction: Action;
  answerAction: Action | null;
}) {
  const { representation } = view;
  if (view.successful && !representation) return null;
  return (
    <section aria-labelledby="representation" className="mt-10 max-w-3xl print:hidden">
      <h2 id="representation" className="mb-2 text-2xl font-bold">
        Representations
      </h2>
      {representation ? (
        <>
          <RepresentationThread representation={representation} showProvider={false} />
          {representation.status === "CLARIFICATION_REQUESTED" && answerAction && (
            <ActionForm action={answerAction} idPrefix="answer" anchor="answer-form">
              <TextArea name="answer" label="Your answer to the commissioner" hint="Explain or clarify what they asked about." rows={6} />
              <SubmitButton>Send your answer</SubmitButton>
            </ActionForm>
          )}
          {representation.review && <ReviewView review={representation.review} />}
        </>
      ) : view.canSubmit ? (
        <>
          <p className="mb-4">
            If you think this decision is wrong, you can make a written representation under regulation 12 of the Provider Selection Regime
            until midnight at the end of <strong>{formatLondon(view.closesAt, "weekdayDate")}</strong>. Say what you think was wrong and
            why. The award will not be confirmed while the commissioner considers it. Other bidders do not see it.
          </p>
          <ActionForm action={makeAction} idPrefix="representation" anchor="representation-form" encType="multipart/form-data">
            <TextArea name="text" label="Your representation" hint="What do you think was wrong in the decision, and why?" rows={10} />
            <TextField
              name="attachments"
              label="Files (optional)"
              hint="Up to 5 PDF, DOCX or XLSX files, 10 MB in total."
              type="file"
              multiple
              accept=".pdf,.docx,.xlsx,application/pdf"
            />
            <SubmitButton>Send your representation</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p className="border-l-4 border-slate-600 bg-white p-3" data-testid="representations-closed">
          Representations are closed. They could be made until midnight at the end of {formatLondon(view.closesAt, "weekdayDate")}.
        </p>
      )}
    </section>
  );
}
