import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextArea } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { ANSWER_MAX } from "@/domain/shaping-gather";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getMyAnswers, getStage } from "@/server/shaping/queries";
import { recordTitle } from "../../../record-title";
import { autosaveAnswerAction, saveAnswerAction } from "../../actions";
import { AnswerAutosave } from "./answer-autosave";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("Your answers", async (actor) => (await getStage(actor, stageId)).tender);
}

const CHECK = { WAITING: "Waiting to be checked", ACCEPTED: "Checked", SET_ASIDE: "Checked", DISCLOSURE: "Checked" } as const;

/** A young commissioner answers the questions, phone first: one card per question, each saved on its own. */
export default async function AnswerPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor("shaping");
  const stage = await readable(getMyAnswers(actor, stageId));
  const answered = stage.questions.filter((q) => q.answer).length;
  return (
    <div className="max-w-2xl">
      <PageHeading caption={stage.tender.title}>Your answers</PageHeading>
      {stage.open ? (
        <p className="mb-2">
          Say what you think. There are no wrong answers. Each answer is saved as you type, and you can change it until gathering closes. A
          facilitator reads it before anyone else does.
        </p>
      ) : (
        <p className="mb-2">Gathering views has closed, so your answers can no longer change. Thank you for what you said.</p>
      )}
      <p className="mb-6">
        You have answered <strong>{answered}</strong> of {stage.questions.length} questions.
      </p>
      <ol className="space-y-6">
        {stage.questions.map((q, i) => {
          const saved = q.answer ? `Saved at ${formatLondon(q.answer.updatedAt, "time")}` : "Not answered yet";
          return (
            <li key={q.id} className="border border-slate-300 bg-white p-4">
              <p className="mb-1 text-sm text-slate-700">
                Question {i + 1} of {stage.questions.length}
              </p>
              {stage.open ? (
                <ActionForm action={saveAnswerAction.bind(null, stage.id, q.id)} idPrefix={`q${i + 1}`} successMessage>
                  <TextArea
                    name="text"
                    label={q.text}
                    hint={`Up to ${ANSWER_MAX.toLocaleString("en-GB")} characters. To take an answer back, empty the box and save.`}
                    defaultValue={q.answer?.text ?? ""}
                    maxLength={ANSWER_MAX}
                  />
                  <Checkbox
                    name="quoteConsent"
                    label="You can use my words as a quote"
                    hint="Your name is never shown. Providers may read the quote in the tender."
                    defaultChecked={q.answer?.quoteConsent ?? false}
                  />
                  <AnswerAutosave save={autosaveAnswerAction.bind(null, stage.id, q.id)} initial={saved} />
                  {q.answer && <p className="mb-3 text-slate-700">{CHECK[q.answer.check]}</p>}
                  <SubmitButton aria-label={`Save answer ${i + 1}`}>Save answer</SubmitButton>
                </ActionForm>
              ) : (
                <>
                  <h2 className="mb-2 text-lg font-bold">{q.text}</h2>
                  <p className="whitespace-pre-line">{q.answer?.text ?? "You did not answer this question."}</p>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-8">
        <Link href={`/shaping/${stage.id}`}>Finished? Back to the overview</Link>. On a shared phone or computer, sign out when you are
        done.
      </p>
    </div>
  );
}
