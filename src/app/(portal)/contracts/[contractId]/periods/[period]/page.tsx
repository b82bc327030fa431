import type { Metadata } from "next";
import Link from "next/link";
import { SignOffForm } from "@/components/awards/sign-off-form";
import { SignOffHistory } from "@/components/awards/sign-off-history";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea, TextField } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import {
  approvedBy,
  describeTarget,
  formatMeasureValue,
  meetsTarget,
  MEASURE_RATINGS,
  RATING_LABEL,
  REVIEW_STATE_LABEL,
  UNIT_LABEL,
} from "@/domain/contract-checks";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { MAX_RETURN_FILES } from "@/server/contract-checks/submit-return";
import { getPeriod } from "@/server/contract-checks/queries";
import { readable } from "@/server/page-guard";
import { answerActionAction, saveReviewAction, signReviewAction, submitReturnAction } from "../../actions";
import { PeriodStateTag, periodRange, plainDay, RatingTag } from "../../checks-ui";

export const metadata: Metadata = { title: "Reporting period" };

const DONE: Record<string, string> = {
  sent: "Your return has been sent",
  corrected: "Your correction has been sent",
  reviewed: "The review has been saved. Sign it when it is ready.",
  signed: "Your signature has been recorded",
  answered: "Your answer has been sent",
};

const EMPTY_ACTION_ROWS = 2;

export default async function PeriodPage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string; period: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ contractId, period: periodParam }, { done }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("contracts");
  const p = await readable(getPeriod(actor, contractId, /^\d{1,4}$/.test(periodParam) ? Number(periodParam) : -1, requestNow()));
  const { period, latestReturn: r, review } = p;
  const bind = <A extends unknown[], R>(f: (contractId: string, period: number, ...rest: A) => R) =>
    f.bind(null, contractId, period.number);
  const valueOf = (measureId: string) => r?.values.find((v) => v.measureId === measureId);
  const showReturnForm = p.may.submit && (p.may.correct || review === null || review.state !== "SIGNED");
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/contracts/${contractId}`}>Back to the contract</Link>
      </p>
      {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
      <PageHeading caption={`${p.contract.title} · ${p.contract.organisation.name}`}>
        Period {period.number}: {periodRange(period.start, period.end)}
      </PageHeading>
      <p className="mb-6 text-lg">
        <PeriodStateTag state={period.state} /> The return is due by the end of {plainDay(period.due)}.
      </p>

      <section aria-labelledby="return" className="mb-10">
        <h2 id="return" className="mb-3 text-2xl font-bold">
          The provider’s return
        </h2>
        {!r ? (
          <p>No return has been sent for this period yet.</p>
        ) : (
          <>
            <p className="mb-3 text-slate-700">
              Version {r.version}, sent by {r.submittedBy.name} on {formatLondon(r.submittedAt, "dateTime")}
              {r.correctionReason ? ". A correction after the review was signed." : "."}
            </p>
            {r.correctionReason && (
              <p className="mb-3 border-l-4 border-amber-600 bg-white p-3 whitespace-pre-line">What was corrected: {r.correctionReason}</p>
            )}
            <ul className="mb-4 space-y-2" data-testid="return-values">
              {r.values
                .toSorted((a, b) => a.measure.position - b.measure.position)
                .map((v) => {
                  const met = meetsTarget(v.measure, v.value);
                  return (
                    <li key={v.measureId} className={`border-l-4 bg-white p-3 ${met ? "border-green-700" : "border-red-700"}`}>
                      <strong className="block">{v.measure.name}</strong>
                      <span className="block text-lg">
                        {formatMeasureValue(v.measure.unit, v.value)} (target: {describeTarget(v.measure).toLowerCase()}):{" "}
                        <strong>{met ? "meets the target" : "misses the target"}</strong>
                      </span>
                    </li>
                  );
                })}
            </ul>
            <h3 className="mb-1 text-xl font-bold">How the period went</h3>
            <p className="mb-4 whitespace-pre-line break-words">{r.narrative}</p>
            {r.files.length > 0 && (
              <>
                <h3 className="mb-1 text-xl font-bold">Files</h3>
                <ul className="mb-4 list-disc pl-6">
                  {r.files.map((f) => (
                    <li key={f.id}>
                      <a href={`/api/contracts/${contractId}/return-files/${f.id}`}>{f.filename}</a> ({Math.ceil(f.sizeBytes / 1024)} KB)
                    </li>
                  ))}
                </ul>
              </>
            )}
            {p.returns.length > 1 && (
              <p className="text-slate-700">
                Earlier versions:{" "}
                {p.returns
                  .slice(1)
                  .map((old) => `version ${old.version} (${formatLondon(old.submittedAt, "dateTime")})`)
                  .join(", ")}
                .
              </p>
            )}
          </>
        )}
      </section>

      {showReturnForm && (
        <section aria-labelledby="send" className="mb-10">
          <h2 id="send" className="mb-3 text-2xl font-bold">
            {p.may.correct ? "Correct your return" : r ? "Send a new version of your return" : "Send your return"}
          </h2>
          {p.may.correct && (
            <p className="mb-4">
              The review of this return has been signed, so it stays as it is. A correction is kept beside it, with what you corrected and
              why.
            </p>
          )}
          <ActionForm action={bind(submitReturnAction)} idPrefix="return" anchor="return-form" encType="multipart/form-data">
            {p.may.correct && <input type="hidden" name="kind" value="correction" />}
            {p.measuresDue.map((m) =>
              m.unit === "YES_NO" ? (
                <RadioGroup
                  key={m.id}
                  name={`value.${m.id}`}
                  legend={m.name}
                  hint={`Target: ${describeTarget(m).toLowerCase()}.`}
                  defaultValue={valueOf(m.id) ? (valueOf(m.id)!.value === 1 ? "yes" : "no") : undefined}
                  options={[
                    { value: "yes", label: "Yes" },
                    { value: "no", label: "No" },
                  ]}
                />
              ) : (
                <TextField
                  key={m.id}
                  name={`value.${m.id}`}
                  label={m.name}
                  hint={`${UNIT_LABEL[m.unit]}. Target: ${describeTarget(m).toLowerCase()}.`}
                  inputMode="decimal"
                  defaultValue={valueOf(m.id) ? String(valueOf(m.id)!.value) : undefined}
                />
              ),
            )}
            <TextArea
              name="narrative"
              label="How the service went in this period"
              hint="What went well, what did not, and why. Do not name young people."
              rows={6}
              defaultValue={r?.narrative}
            />
            {p.may.correct && <TextArea name="correctionReason" label="What you are correcting, and why" rows={3} />}
            <div className="mb-6">
              <label htmlFor="return-files" className="block text-lg font-bold">
                Files (optional)
              </label>
              <p id="return-files-hint" className="text-slate-600">
                Up to {MAX_RETURN_FILES} PDF, DOCX or XLSX files, each 10 MB or smaller.
              </p>
              <input
                id="return-files"
                name="files"
                type="file"
                multiple
                accept=".pdf,.docx,.xlsx"
                aria-describedby="return-files-hint"
                className="mt-1 block w-full text-lg"
              />
            </div>
            <SubmitButton>{p.may.correct ? "Send the correction" : "Send the return"}</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="review" className="mb-10">
        <h2 id="review" className="mb-3 text-2xl font-bold">
          The review
        </h2>
        {p.reviewInProgress && <p>The commissioner is reviewing this return. You can read the review once it is signed.</p>}
        {!review && !p.reviewInProgress && <p>This return has not been reviewed yet.</p>}
        {review && (
          <>
            <p
              className={`mb-4 border-l-8 p-3 text-lg font-bold ${review.state === "SIGNED" ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
              data-testid="review-state"
            >
              {REVIEW_STATE_LABEL[review.state]}
            </p>
            {p.reviewIsStale && (
              <p className="mb-4 border-l-4 border-red-700 bg-white p-3 font-bold">
                The provider sent a newer return after this review was written. Update the review before it is signed.
              </p>
            )}
            <p className="mb-3 text-slate-700">
              Written by {review.updatedBy.name}, last changed {formatLondon(review.updatedAt, "dateTime")}
            </p>
            <ul className="mb-4 space-y-2" data-testid="ratings">
              {review.ratings
                .toSorted((a, b) => a.measure.position - b.measure.position)
                .map((x) => (
                  <li key={x.measureId} className="bg-white p-3">
                    <strong className="block">{x.measure.name}</strong>
                    <RatingTag rating={x.rating} />
                    {x.comment && <span className="mt-1 block whitespace-pre-line">{x.comment}</span>}
                  </li>
                ))}
            </ul>
            <h3 className="mb-1 text-xl font-bold">Summary</h3>
            <p className="mb-4 whitespace-pre-line break-words">{review.summary}</p>
            <h3 id="actions" className="mb-2 text-xl font-bold">
              Actions agreed
            </h3>
            {review.actions.length === 0 ? (
              <p className="mb-4">No actions.</p>
            ) : (
              <ol className="mb-4 space-y-4" data-testid="actions">
                {review.actions.map((a) => (
                  <li key={a.id} className="border-l-4 border-blue-800 bg-white p-3">
                    <strong className="block">{a.description}</strong>
                    <span className="block">
                      Owner: {a.owner}. By {plainDay(a.dueDate.toISOString().slice(0, 10))}.
                    </span>
                    {a.answers.map((ans) => (
                      <p key={ans.id} className="mt-2 border-l-4 border-slate-400 pl-3 whitespace-pre-line">
                        <span className="font-bold">
                          {ans.answeredBy.name} answered on {formatLondon(ans.answeredAt, "dateTime")}:
                        </span>{" "}
                        {ans.body}
                      </p>
                    ))}
                    {p.may.answer && (
                      <div className="mt-3">
                        <ActionForm
                          action={bind(answerActionAction).bind(null, a.id)}
                          idPrefix={`answer-${a.position}`}
                          anchor={`answer-${a.position}`}
                        >
                          <TextArea
                            name="body"
                            label={`Your answer to action ${a.position}`}
                            hint="What you did, or will do, and when."
                            rows={3}
                          />
                          <SubmitButton variant="secondary">Send the answer</SubmitButton>
                        </ActionForm>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <h3 className="mb-2 text-xl font-bold">Signatures</h3>
            <SignOffHistory signOffs={review.signOffs} />
          </>
        )}
      </section>

      {p.may.signAsCommissioner && review && !approvedBy(review, "COMMISSIONER") && !p.reviewIsStale && (
        <section aria-labelledby="sign" className="mb-10">
          <h2 id="sign" className="mb-3 text-2xl font-bold">
            Sign the review
          </h2>
          <p className="mb-4">Signing asks the establishment’s governor to co-sign. Changing the review afterwards voids the signatures.</p>
          <SignOffForm
            action={bind(signReviewAction)}
            contentHash={review.contentHash}
            signerName={actor.name}
            what="this review"
            choices={["APPROVED"]}
          />
        </section>
      )}

      {p.may.cosign && review && (
        <section aria-labelledby="cosign" className="mb-10">
          <h2 id="cosign" className="mb-3 text-2xl font-bold">
            Co-sign for {p.contract.establishment.name}
          </h2>
          <p className="mb-4">Your signature is bound to the review as you see it now. If it changes, your signature no longer counts.</p>
          <SignOffForm
            action={bind(signReviewAction)}
            contentHash={review.contentHash}
            signerName={actor.name}
            what="this review"
            choices={["APPROVED", "CHANGES_REQUESTED"]}
          />
        </section>
      )}

      {p.may.review && r && (
        <section aria-labelledby="write-review" className="mb-10">
          <h2 id="write-review" className="mb-3 text-2xl font-bold">
            {review ? "Change the review" : "Review this return"}
          </h2>
          {review && <p className="mb-4">Saving a change voids the signatures on the review: it is signed again.</p>}
          <ActionForm action={bind(saveReviewAction)} idPrefix="review" anchor="review-form">
            <input type="hidden" name="basedOnHash" value={review?.contentHash ?? ""} />
            {r.values
              .toSorted((a, b) => a.measure.position - b.measure.position)
              .map((v) => {
                const rating = review?.ratings.find((x) => x.measureId === v.measureId);
                return (
                  <fieldset key={v.measureId} className="mb-6 border-2 border-slate-300 p-4">
                    <legend className="px-1 text-lg font-bold">{v.measure.name}</legend>
                    <p className="mb-3">
                      Reported {formatMeasureValue(v.measure.unit, v.value)}; target {describeTarget(v.measure).toLowerCase()}.
                    </p>
                    <RadioGroup
                      name={`rating.${v.measureId}`}
                      legend="Rating"
                      defaultValue={rating?.rating}
                      options={MEASURE_RATINGS.map((x) => ({ value: x, label: RATING_LABEL[x] }))}
                    />
                    <TextArea name={`comment.${v.measureId}`} label="Why (needed unless met)" rows={2} defaultValue={rating?.comment} />
                  </fieldset>
                );
              })}
            <TextArea name="summary" label="Summary of the review" rows={5} defaultValue={review?.summary} />
            <h3 className="mb-2 text-xl font-bold">Actions agreed</h3>
            <p className="mb-4">For each action: what will be done, who owns it, and by when. Leave a row empty to leave it out.</p>
            {Array.from({ length: (review?.actions.length ?? 0) + EMPTY_ACTION_ROWS }, (_, i) => {
              const a = review?.actions[i];
              return (
                <fieldset key={i} className="mb-6 border-2 border-slate-300 p-4">
                  <legend className="px-1 text-lg font-bold">Action {i + 1}</legend>
                  <TextArea name={`actions.${i}.description`} label="What will be done" rows={2} defaultValue={a?.description} />
                  <TextField name={`actions.${i}.owner`} label="Who owns it" defaultValue={a?.owner} maxLength={200} />
                  <TextField
                    name={`actions.${i}.dueDate`}
                    label="By when"
                    hint="For example, 2027-09-30"
                    type="date"
                    defaultValue={a ? a.dueDate.toISOString().slice(0, 10) : undefined}
                  />
                </fieldset>
              );
            })}
            <SubmitButton>{review ? "Save the changes" : "Save the review"}</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
