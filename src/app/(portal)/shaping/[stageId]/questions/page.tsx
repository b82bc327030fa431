import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { EASY_READ_MAX, MAX_QUESTIONS, QUESTION_TEXT_MAX } from "@/domain/shaping-gather";
import { shapingAllows } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getStage, getStageOverview } from "@/server/shaping/queries";
import { recordTitle } from "../../../record-title";
import { questionAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("Shaping questions", async (actor) => (await getStage(actor, stageId)).tender);
}

/** The stage's questions: each in two wordings (as asked, and easy read), changed, added, removed and reordered while planning. */
export default async function StageQuestionsPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor("shaping");
  const stage = await readable(getStageOverview(actor, stageId, now()));
  if (!stage.viewer.manages) forbidden();
  const editable = shapingAllows.editQuestions(stage.status);
  const count = stage.questions.length;
  return (
    <div className="max-w-3xl">
      <PageHeading caption={stage.tender.title}>Questions</PageHeading>
      <p className="mb-6">
        {editable
          ? `Young commissioners answer these in the portal, you ask them in focus groups, and young people without an account read the easy-read wording. You can have 1 to ${MAX_QUESTIONS} questions. They cannot change once gathering opens.`
          : "Gathering has opened, so the questions are fixed: every view answers the question it was asked."}
      </p>
      <ol className="mb-10 space-y-6">
        {stage.questions.map((q, i) => (
          <li key={`${q.id}-${q.position}`} className="border border-slate-300 bg-white p-4">
            <h2 className="mb-3 text-xl font-bold">Question {i + 1}</h2>
            {editable ? (
              <>
                <ActionForm action={questionAction.bind(null, stage.id)} idPrefix={`q-${q.id}`} successMessage>
                  <input type="hidden" name="command" value="save" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <TextField
                    name="text"
                    label="As asked"
                    hint={`Up to ${QUESTION_TEXT_MAX} characters.`}
                    defaultValue={q.text}
                    maxLength={QUESTION_TEXT_MAX}
                  />
                  <TextField
                    name="easyRead"
                    label="Easy read"
                    hint={`Short words, one idea, for the anonymous form. Up to ${EASY_READ_MAX} characters.`}
                    defaultValue={q.easyRead}
                    maxLength={EASY_READ_MAX}
                  />
                  <SubmitButton aria-label={`Save question ${i + 1}`}>Save</SubmitButton>
                </ActionForm>
                <div className="mt-3 flex flex-wrap gap-3">
                  {i > 0 && (
                    <QuestionButton stageId={stage.id} questionId={q.id} command="up" label={`Move question ${i + 1} up`} text="Move up" />
                  )}
                  {i < count - 1 && (
                    <QuestionButton
                      stageId={stage.id}
                      questionId={q.id}
                      command="down"
                      label={`Move question ${i + 1} down`}
                      text="Move down"
                    />
                  )}
                  {count > 1 && (
                    <QuestionButton
                      stageId={stage.id}
                      questionId={q.id}
                      command="remove"
                      label={`Remove question ${i + 1}`}
                      text="Remove"
                    />
                  )}
                </div>
              </>
            ) : (
              <>
                <p>{q.text}</p>
                <p className="text-slate-700">Easy read: {q.easyRead}</p>
              </>
            )}
          </li>
        ))}
      </ol>
      {editable &&
        (count < MAX_QUESTIONS ? (
          <section aria-labelledby="add">
            <h2 id="add" className="mb-4 text-2xl font-bold">
              Add a question
            </h2>
            <ActionForm action={questionAction.bind(null, stage.id)} idPrefix="add" successMessage>
              <input type="hidden" name="command" value="add" />
              <TextField name="text" label="As asked" hint={`Up to ${QUESTION_TEXT_MAX} characters.`} maxLength={QUESTION_TEXT_MAX} />
              <TextField
                name="easyRead"
                label="Easy read"
                hint={`Short words, one idea. Up to ${EASY_READ_MAX} characters.`}
                maxLength={EASY_READ_MAX}
              />
              <SubmitButton>Add question</SubmitButton>
            </ActionForm>
          </section>
        ) : (
          <p>This stage has {MAX_QUESTIONS} questions, the most it can have.</p>
        ))}
    </div>
  );
}

function QuestionButton({
  stageId,
  questionId,
  command,
  label,
  text,
}: {
  stageId: string;
  questionId: string;
  command: string;
  label: string;
  text: string;
}) {
  return (
    <ActionForm action={questionAction.bind(null, stageId)} idPrefix={`${command}-${questionId}`}>
      <input type="hidden" name="command" value={command} />
      <input type="hidden" name="questionId" value={questionId} />
      <SubmitButton variant={command === "remove" ? "warning" : "secondary"} aria-label={label}>
        {text}
      </SubmitButton>
    </ActionForm>
  );
}
