import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import type { FormState } from "@/server/action-result";
import { OUTCOME_LABEL, RepresentationThread, ReviewView, type RepresentationThreadData, type ReviewData } from "./representation-thread";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The award page's representations: every one with its thread; for the
 * commissioners running the tender during standstill, a request to clarify
 * each open one and the further decision on them all. Governors get the same
 * list read only (no actions passed).
 */
export function RepresentationsSection({
  data,
  askAction,
  decideAction,
}: {
  data: { representations: RepresentationThreadData[]; reviews: ReviewData[]; open: number };
  askAction?: (representationId: string) => Action;
  decideAction?: Action;
}) {
  return (
    <section aria-labelledby="representations" className="mb-10" data-testid="representations">
      <h2 id="representations" className="mb-2 text-2xl font-bold">
        Representations during standstill
      </h2>
      {data.representations.length === 0 ? (
        <p>No bidder has made a representation.</p>
      ) : (
        <>
          {data.open > 0 && (
            <p className="mb-4 border-l-4 border-amber-600 bg-white p-3 font-bold" role="status">
              {data.open === 1 ? "1 representation is open." : `${data.open} representations are open.`} The award cannot be confirmed until
              a further decision is recorded.
            </p>
          )}
          {data.representations.map((r) => (
            <div key={r.id}>
              <RepresentationThread representation={r} />
              {askAction && r.status !== "DECIDED" && (
                <ActionForm action={askAction(r.id)} idPrefix={`ask-${r.id}`} anchor={`ask-form-${r.id}`} className="mb-8">
                  <TextArea name="question" label={`Ask ${r.organisation.name} to explain or clarify (optional)`} rows={3} />
                  <SubmitButton variant="secondary">Send the question</SubmitButton>
                </ActionForm>
              )}
            </div>
          ))}
        </>
      )}
      {data.reviews.map((review) => (
        <ReviewView key={review.id} review={review} />
      ))}
      {decideAction && data.open > 0 && (
        <div className="mt-6 border-2 border-slate-900 bg-white p-4">
          <h3 className="mb-2 text-xl font-bold">Record a further decision</h3>
          <p className="mb-4">It closes every open representation. The providers, the governor and, if it changes, the panel are told.</p>
          <ActionForm action={decideAction} idPrefix="decide" anchor="decide-form">
            <RadioGroup
              name="outcome"
              legend="What happens next?"
              options={[
                {
                  value: "CONTINUE",
                  label: OUTCOME_LABEL.CONTINUE,
                  hint: "The providers are told. The award can be confirmed only after a further 5 working days.",
                },
                {
                  value: "BACK_TO_MODERATION",
                  label: OUTCOME_LABEL.BACK_TO_MODERATION,
                  hint: "The governor's sign-off is voided. After moderation the governor signs again.",
                },
                { value: "ABANDON", label: OUTCOME_LABEL.ABANDON, hint: "Every bidder is told, with your reasons." },
              ]}
            />
            <TextArea name="reasons" label="Your reasons" hint="The providers and the governor read these." rows={6} />
            <SubmitButton>Record the decision</SubmitButton>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
