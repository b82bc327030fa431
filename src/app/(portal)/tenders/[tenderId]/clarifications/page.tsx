import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { requireActorForTender } from "@/server/auth/session";
import { listQuestionsForCommissioner } from "@/server/clarifications/queries";
import { getTenderForCommissioner } from "@/server/tenders/queries";
import { answerQuestionAction, revealAskerAction } from "../../actions";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Clarification questions", (actor) => getTenderForCommissioner(actor, tenderId));
}

export default async function ClarificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<{ published?: string }>;
}) {
  const [{ tenderId }, { published }] = await Promise.all([params, searchParams]);
  const actor = await requireActorForTender(tenderId);
  const tender = await readable(getTenderForCommissioner(actor, tenderId));
  const questions = await listQuestionsForCommissioner(actor, tender.id);
  const canAnswer = tender.canManage && tender.status === "PUBLISHED";
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      {published && (
        <Panel title="Answer published">Every provider can now read it. Providers with a bid or a question have been told.</Panel>
      )}
      <PageHeading caption={tender.title}>Clarification questions</PageHeading>
      <p className="mb-6">
        Answers are published to every provider without saying who asked. Only open the asker&apos;s name if you need it: that is recorded.
      </p>
      {questions.length === 0 ? (
        <p>No questions yet.</p>
      ) : (
        <ol className="space-y-6">
          {questions.map((q, i) => (
            <li key={q.id} className="border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold">Question {i + 1}</h2>
              <p className="mb-2 text-sm text-slate-600">Asked {formatLondon(q.createdAt, "dateTime")}</p>
              <p className="mb-4 whitespace-pre-line">{q.question}</p>
              {q.publishedAt ? (
                <p className="border-l-4 border-green-700 pl-3">
                  <strong>Published answer:</strong> {q.answer}
                </p>
              ) : canAnswer ? (
                <ActionForm
                  action={answerQuestionAction.bind(null, tender.id, q.id)}
                  idPrefix={`answer-${q.id}`}
                  anchor={`answer-form-${q.id}`}
                >
                  <TextArea name="answer" label={`Answer to question ${i + 1}`} rows={4} maxLength={5000} />
                  <SubmitButton>Publish answer to all providers</SubmitButton>
                </ActionForm>
              ) : (
                <p>Not answered.</p>
              )}
              {tender.canManage && (
                <div className="mt-4">
                  <ActionForm action={revealAskerAction.bind(null, q.id)} idPrefix={`reveal-${q.id}`} successMessage>
                    <SubmitButton variant="secondary" aria-label={`Show who asked question ${i + 1}`}>
                      Show who asked
                    </SubmitButton>
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
