import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusTag } from "@/components/ui/status-tag";
import { SummaryList } from "@/components/ui/summary-list";
import { formatCountdown, formatLondon } from "@/domain/london-time";
import { describeWholeLifePrice, WHOLE_LIFE_PRICE } from "@/domain/money";
import { isBeforeDeadline } from "@/domain/tender-lifecycle";
import { requireActor } from "@/server/auth/session";
import { getMyBid } from "@/server/bids/queries";
import { listMyQuestions, listPublishedClarifications } from "@/server/clarifications/queries";
import { requestNow } from "@/server/clock";
import { recordTitle } from "../../record-title";
import { getTenderForProvider } from "@/server/tenders/queries";
import { askQuestionAction } from "./actions";
import { readable } from "@/server/page-guard";
import { RULE_NAMES } from "@/domain/scoring";
import { YoungPeopleToldUs } from "@/components/shaping/young-people-told-us";
import { getNoticeShaping } from "@/server/shaping/summary-queries";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Tender notice", (actor) => getTenderForProvider(actor, tenderId, requestNow()));
}

export default async function TenderNoticePage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActor("opportunities");
  const at = requestNow();
  const tender = await readable(getTenderForProvider(actor, tenderId, at));
  const [clarifications, myQuestions, bid, shaping] = await Promise.all([
    listPublishedClarifications(tender.id),
    listMyQuestions(actor, tender.id),
    getMyBid(actor, tender.id),
    getNoticeShaping(actor, tender.id),
  ]);
  const open = tender.effectiveStatus === "PUBLISHED";
  const canAsk = open && tender.clarificationDeadline !== null && isBeforeDeadline(tender.clarificationDeadline, at);
  return (
    <>
      <p className="mb-4">
        <Link href="/opportunities">Back to open tenders</Link>
      </p>
      <PageHeading caption={tender.reference}>{tender.title}</PageHeading>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StatusTag stage={tender.stage} />
        <span>{tender.establishment.name}</span>
      </div>
      {tender.submissionDeadline && (
        <div className="mb-8 border-l-4 border-nhs-blue bg-white p-4">
          <p className="text-lg">
            <strong>Bids close {formatLondon(tender.submissionDeadline, "dateTime")}</strong> (UK time)
          </p>
          <p>{sentenceStart(formatCountdown(tender.submissionDeadline, at))}</p>
          {open && (
            <p className="mt-2">
              <Link href={`/opportunities/${tender.id}/bid`} className="font-bold">
                {bid ? "Go to your bid" : "Start a bid"}
              </Link>
              {bid && ` (${bid.status === "SUBMITTED" ? "submitted" : bid.status === "WITHDRAWN" ? "withdrawn" : "draft, not sent yet"})`}
            </p>
          )}
          {!open && bid && (
            <p className="mt-2">
              <Link href={`/opportunities/${tender.id}/bid`}>See your bid and receipts</Link>
            </p>
          )}
        </div>
      )}
      {tender.effectiveStatus === "CANCELLED" && <p className="mb-6 font-bold">This tender was cancelled. Reason: {tender.cancelReason}</p>}

      <section aria-labelledby="about" className="mb-10">
        <h2 id="about" className="mb-2 text-2xl font-bold">
          About the service
        </h2>
        <p className="mb-4 max-w-2xl text-lg">{tender.summary}</p>
        {tender.description && <p className="mb-4 max-w-2xl whitespace-pre-line">{tender.description}</p>}
        <SummaryList
          rows={[
            ["Establishment", tender.establishment.name],
            [
              "Estimated value",
              tender.estimatedValuePence === null
                ? "Not stated"
                : describeWholeLifePrice(tender.estimatedValuePence, tender.contractTermMonths),
            ],
            [
              "Contract",
              `${tender.contractStartDate ? `Starts ${formatLondon(tender.contractStartDate, "date")}` : "Start to be confirmed"}${tender.contractTermMonths ? `, ${tender.contractTermMonths} months` : ""}`,
            ],
            [
              "Clarification questions until",
              tender.clarificationDeadline ? formatLondon(tender.clarificationDeadline, "dateTime") : "Not set",
            ],
            ["How the panel's votes are combined", RULE_NAMES[tender.aggregationRule].summary],
          ]}
        />
      </section>

      {shaping && <YoungPeopleToldUs shaping={shaping} />}

      <section aria-labelledby="criteria" className="mb-10">
        <h2 id="criteria" className="mb-2 text-2xl font-bold">
          How bids are scored
        </h2>
        <p className="mb-4 max-w-2xl">
          A panel of commissioners and young commissioners with lived experience scores each answer from 0 to 5. Their votes count equally.
        </p>
        <ol className="space-y-4">
          {tender.criteria.map((c) => (
            <li key={c.id} className="border border-slate-300 bg-white p-4">
              <h3 className="text-xl font-bold">
                {c.name} — {c.weight}%
              </h3>
              <p className="mt-1">{c.description || c.plainLanguageDescription}</p>
              <p className="mt-1 text-slate-700">
                {c.kind === "PRICE"
                  ? `${WHOLE_LIFE_PRICE} Scored by formula: lowest price ÷ your price × 5.`
                  : c.wordLimit
                    ? `Word limit: ${c.wordLimit.toLocaleString("en-GB")}.`
                    : "No word limit."}
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="clarifications" className="mb-10 max-w-3xl">
        <h2 id="clarifications" className="mb-2 text-2xl font-bold">
          Clarification questions and answers
        </h2>
        {clarifications.length === 0 ? (
          <p className="mb-4">No answers published yet.</p>
        ) : (
          <ul className="mb-6 space-y-4">
            {clarifications.map((c) => (
              <li key={c.id} className="border-l-4 border-slate-400 bg-white p-4">
                <p className="font-bold">Q: {c.question}</p>
                <p className="mt-1">A: {c.answer}</p>
                <p className="mt-1 text-sm text-slate-600">Published {c.publishedAt && formatLondon(c.publishedAt, "dateTime")}</p>
              </li>
            ))}
          </ul>
        )}
        {myQuestions.some((q) => !q.publishedAt) && (
          <p className="mb-4">
            Your organisation has {myQuestions.filter((q) => !q.publishedAt).length} question(s) waiting for an answer.
          </p>
        )}
        {canAsk ? (
          <ActionForm action={askQuestionAction.bind(null, tender.id)} anchor="ask-question-form" successMessage>
            <TextArea
              name="question"
              label="Ask a question"
              hint="The answer will be published to every provider. Your organisation's name will not be shown."
              rows={4}
              maxLength={2000}
            />
            <SubmitButton>Send question</SubmitButton>
          </ActionForm>
        ) : (
          open && <p>The deadline for questions has passed.</p>
        )}
      </section>
    </>
  );
}

/** "less than a minute left" opens its own line here: capitalised like a sentence. */
function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
