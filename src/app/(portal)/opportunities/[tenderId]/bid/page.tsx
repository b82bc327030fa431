import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { describeWholeLifePrice, penceToPoundsInput, WHOLE_LIFE_PRICE } from "@/domain/money";
import { requireActor } from "@/server/auth/session";
import { getMyBid } from "@/server/bids/queries";
import { requestNow } from "@/server/clock";
import { recordTitle } from "../../../record-title";
import { getTenderForProvider } from "@/server/tenders/queries";
import { attachmentAction, bidAction } from "../actions";
import { readable } from "@/server/page-guard";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Your bid", (actor) => getTenderForProvider(actor, tenderId, requestNow()));
}

const DONE: Record<string, string> = {
  saved: "Draft saved. It has not been sent.",
  submitted: "Bid submitted. A receipt has been emailed to everyone in your organisation.",
  withdrawn: "Bid withdrawn. You can submit it again before the deadline.",
  uploaded: "File attached to your bid.",
  removed: "File removed from your bid.",
};

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default async function BidPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ tenderId }, { done }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("opportunities");
  const at = requestNow();
  const tender = await readable(getTenderForProvider(actor, tenderId, at));
  const bid = await readable(getMyBid(actor, tender.id));
  const open = tender.effectiveStatus === "PUBLISHED";
  const latest = bid?.versions[0];
  const unsentChanges = bid?.unsentChanges ?? false;
  const text = (criterionId: string) => bid?.responses.find((r) => r.criterionId === criterionId)?.text ?? "";
  const priceCriterion = tender.criteria.find((c) => c.kind === "PRICE");

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/opportunities/${tender.id}`}>Back to the tender notice</Link>
      </p>
      {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
      <PageHeading caption={`${tender.reference} · ${tender.title}`}>Your bid</PageHeading>
      <p className="mb-2">
        Status:{" "}
        <strong data-testid="bid-status">
          {!bid
            ? "Not started"
            : bid.status === "SUBMITTED"
              ? `Submitted (version ${latest?.version})`
              : bid.status === "WITHDRAWN"
                ? "Withdrawn"
                : "Draft, not sent"}
        </strong>
      </p>
      {tender.submissionDeadline &&
        (open ? (
          <p className="mb-6">
            You can change, submit or withdraw it until <strong>{formatLondon(tender.submissionDeadline, "dateTime")}</strong> (UK time). It
            is sealed: nobody outside your organisation can read it before then.
          </p>
        ) : (
          <p className="mb-6" data-testid="bids-closed">
            Bids closed <strong>{formatLondon(tender.submissionDeadline, "dateTime")}</strong> (UK time).{" "}
            {bid?.status === "SUBMITTED"
              ? "Your submitted bid will be evaluated by the panel. You will get an outcome letter when the evaluation is complete."
              : "Your bid was not submitted before the deadline, so it will not be evaluated."}
          </p>
        ))}
      {unsentChanges && (
        <p className="mb-6 border-l-4 border-amber-600 bg-amber-50 p-3">
          You have changes that have not been submitted. The panel will see your submitted version from{" "}
          {formatLondon(latest!.submittedAt, "dateTime")} unless you submit again.
        </p>
      )}

      {open ? (
        <ActionForm action={bidAction.bind(null, tender.id)} idPrefix="bid">
          <input type="hidden" name="version" value={bid?.version ?? ""} />
          {tender.criteria
            .filter((c) => c.kind === "QUALITY")
            .map((c) => (
              <TextArea
                key={c.id}
                name={`response.${c.id}`}
                label={`${c.name} (${c.weight}%)`}
                hint={`${c.plainLanguageDescription || c.description}${c.wordLimit ? ` Up to ${c.wordLimit.toLocaleString("en-GB")} words.` : ""}`}
                defaultValue={text(c.id)}
                rows={8}
              />
            ))}
          {priceCriterion && (
            <TextField
              name="price"
              label={`Your price (£) for ${priceCriterion.name} (${priceCriterion.weight}%)`}
              hint={`${WHOLE_LIFE_PRICE}${tender.contractTermMonths ? ` The contract term is ${tender.contractTermMonths} months.` : ""} In pounds, for example 1,250,000.`}
              inputMode="decimal"
              defaultValue={penceToPoundsInput(bid?.pricePence)}
            />
          )}
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="intent" value="submit">
              Submit bid
            </SubmitButton>
            <SubmitButton name="intent" value="save" variant="secondary">
              Save draft
            </SubmitButton>
            {bid?.status === "SUBMITTED" && (
              <SubmitButton name="intent" value="withdraw" variant="warning">
                Withdraw bid
              </SubmitButton>
            )}
          </div>
        </ActionForm>
      ) : (
        <p className="mb-6">Bids can no longer be changed.</p>
      )}

      <section id="attachments" aria-labelledby="files" className="mt-10">
        <h2 id="files" className="mb-2 text-2xl font-bold">
          Attachments
        </h2>
        <p className="mb-4">
          PDF, Word (DOCX) or Excel (XLSX), up to 10 MB each and 10 files. Files are sealed like the rest of the bid, and count once you
          submit.
        </p>
        {bid && bid.attachments.length > 0 ? (
          <ul className="mb-6 divide-y divide-slate-300 border-y border-slate-300">
            {bid.attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>
                  <a href={`/api/bids/attachments/${a.id}`}>{a.filename}</a> ({kb(a.sizeBytes)})
                </span>
                {open && (
                  <ActionForm action={attachmentAction.bind(null, tender.id)} idPrefix={`remove-${a.id}`}>
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <SubmitButton variant="secondary" aria-label={`Remove ${a.filename}`}>
                      Remove
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-6">No files attached.</p>
        )}
        {open && (
          <ActionForm action={attachmentAction.bind(null, tender.id)} idPrefix="upload" encType="multipart/form-data">
            <input type="hidden" name="intent" value="upload" />
            <TextField name="file" label="Upload a file" type="file" accept=".pdf,.docx,.xlsx,application/pdf" />
            <SelectField
              name="criterionId"
              label="Which part of your bid is it for? (optional)"
              options={[
                { value: "", label: "The whole bid" },
                ...tender.criteria.filter((c) => c.kind === "QUALITY").map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
            <SubmitButton variant="secondary">Upload file</SubmitButton>
          </ActionForm>
        )}
      </section>

      {bid && bid.versions.length > 0 && (
        <section aria-labelledby="receipts" className="mt-10">
          <h2 id="receipts" className="mb-2 text-2xl font-bold">
            Submission receipts
          </h2>
          <p className="mb-4">Each receipt is a SHA-256 fingerprint of exactly what was submitted.</p>
          <ul className="space-y-3">
            {bid.versions.map((v) => (
              <li key={v.version} className="border border-slate-300 bg-white p-3">
                <p>
                  <strong>Version {v.version}</strong> submitted {formatLondon(v.submittedAt, "dateTime")} by {v.submittedBy.name}
                  {v.version === latest?.version && bid.status === "SUBMITTED" && " (this is the version the panel will see)"}
                </p>
                <p className="break-all font-mono text-sm" data-testid={`receipt-${v.version}`}>
                  {v.contentHash}
                </p>
              </li>
            ))}
          </ul>
          {bid.pricePence !== null && (
            <p className="mt-4">Price in your working copy: {describeWholeLifePrice(bid.pricePence, tender.contractTermMonths)}</p>
          )}
        </section>
      )}
    </div>
  );
}
