import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondonDay } from "@/domain/london-time";
import { stageNextSteps } from "@/domain/shaping-gather";
import { privateCount, SHAPING_STATUS_LABELS } from "@/domain/shaping-stage";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { readable } from "@/server/page-guard";
import { getStage, getStageOverview } from "@/server/shaping/queries";
import { recordTitle } from "../../record-title";
import { StageLifecycle } from "./stage-lifecycle";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { stepBackFromStageAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ stageId: string }> }): Promise<Metadata> {
  const { stageId } = await params;
  return recordTitle("Shaping", async (actor) => (await getStage(actor, stageId)).tender);
}

const SAVED: Record<string, string> = {
  opened: "Shaping stage started, with the four default questions. Check the questions and invite people.",
  joined: "Thank you for joining. You are now taking part in shaping this service.",
  gathering: "Gathering is open. The young commissioners taking part have been told they can answer.",
  gatheringClosed: "Gathering is closed. Now the themes are ranked.",
  rankingClosed: "Ranking is closed.",
};

const STATUS_EXPLAINED = {
  PLANNING: "Planning: the questions and people are being set up. Nobody can give views yet.",
  GATHERING: "Gathering views: young people are answering the questions, in the portal, in focus groups and on paper codes.",
  PRIORITISING: "Ranking themes: views are grouped into themes, and the people taking part rank them.",
  CLOSED: "Ranking closed: the commissioner writes the specification from the ranked themes.",
} as const;

const MEMBER_STATUS = { INVITED: "Invited, not replied yet", ACCEPTED: "Taking part", DECLINED: "Declined", STEPPED_BACK: "Stepped back" };

const dateKey = (d: Date) => d.toISOString().slice(0, 10);

/** A shaping stage at a glance: where it is up to, its purpose, dates, people, questions, how many views, and what to do next. */
export default async function StagePage({
  params,
  searchParams,
}: {
  params: Promise<{ stageId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ stageId }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("shaping");
  const stage = await readable(getStageOverview(actor, stageId, now()));
  const steps = stageNextSteps(stage.viewer, {
    status: stage.status,
    questions: stage.questions.length,
    acceptedYoungCommissioners: stage.acceptedYoungCommissioners,
    myAnswers: stage.myAnswers,
    waitingChecks: stage.waitingChecks,
  });
  const { viewer } = stage;
  return (
    <>
      {saved && SAVED[saved] && <Panel title={SAVED[saved]}>{null}</Panel>}
      <PageHeading caption={stage.tender.reference}>Shaping: {stage.tender.title}</PageHeading>
      <p className="mb-6 max-w-2xl" data-testid="shaping-status">
        <strong>{SHAPING_STATUS_LABELS[stage.status]}.</strong> {STATUS_EXPLAINED[stage.status].replace(/^[^:]+: /, "")}
      </p>

      {steps.length > 0 && (
        <section aria-labelledby="next" className="mb-8 max-w-2xl border-l-4 border-nhs-blue bg-white p-4">
          <h2 id="next" className="mb-2 text-xl font-bold">
            What to do next
          </h2>
          <ul className="list-disc space-y-1 pl-6" data-testid="next-steps">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {viewer.contributes && stage.status === "GATHERING" && (
            <p className="mt-3">
              <Link href={`/shaping/${stage.id}/answer`} className="text-lg font-bold">
                Answer the questions
              </Link>
            </p>
          )}
          {viewer.facilitates && stage.status === "GATHERING" && (
            <p className="mt-3">
              <Link href={`/shaping/${stage.id}/sessions/new`} className="text-lg font-bold">
                Record a focus group or workshop
              </Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="about" className="mb-8">
        <h2 id="about" className="mb-2 text-2xl font-bold">
          About this stage
        </h2>
        <SummaryList
          rows={[
            [
              "Purpose",
              <span key="p" className="whitespace-pre-line">
                {stage.purpose}
              </span>,
            ],
            ["Gathering views", `${formatLondonDay(dateKey(stage.gatheringFrom))} to ${formatLondonDay(dateKey(stage.gatheringUntil))}`],
            ["Establishment", stage.tender.establishmentName],
          ]}
        />
      </section>

      <section aria-labelledby="views" className="mb-8">
        <h2 id="views" className="mb-2 text-2xl font-bold">
          Views so far
        </h2>
        <SummaryList
          rows={[
            ["Young commissioners' answers", String(stage.views.member)],
            [
              "Focus groups and workshops",
              `${stage.sessions.count} session${stage.sessions.count === 1 ? "" : "s"} with ${stage.sessions.participants} young people: ${stage.views.session} view${stage.views.session === 1 ? "" : "s"}`,
            ],
            ["Anonymous answers (one-time codes)", privateCount(stage.views.code)],
          ]}
        />
        <p className="mt-2 max-w-2xl text-slate-700">
          {viewer.facilitates
            ? "Counts include answers waiting for a facilitator's check."
            : "Counts are of answers a facilitator has checked. Small numbers of anonymous answers show as “fewer than 5”."}
        </p>
      </section>

      <section aria-labelledby="people" className="mb-8">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 id="people" className="text-2xl font-bold">
            People
          </h2>
          {viewer.manages && <Link href={`/shaping/${stage.id}/people`}>Invite and manage people</Link>}
        </div>
        <p className="mb-2">
          Taking part: {stage.acceptedYoungCommissioners} young commissioner{stage.acceptedYoungCommissioners === 1 ? "" : "s"},{" "}
          {stage.acceptedCommissioners} commissioner{stage.acceptedCommissioners === 1 ? "" : "s"} ({stage.facilitators} facilitator
          {stage.facilitators === 1 ? "" : "s"}), and the commissioners running the tender.
        </p>
        {stage.members.length > 0 && (
          <ul className="list-disc space-y-1 pl-6" data-testid="stage-people">
            {stage.members.map((m) => (
              <li key={m.id}>
                {m.user.name} (
                {m.role === "TECHNICIAN" ? "young commissioner" : m.isFacilitator ? "commissioner, facilitator" : "commissioner"}):{" "}
                {MEMBER_STATUS[m.status].toLowerCase()}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="questions" className="mb-8">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 id="questions" className="text-2xl font-bold">
            Questions
          </h2>
          {viewer.manages && stage.status === "PLANNING" && <Link href={`/shaping/${stage.id}/questions`}>Change the questions</Link>}
        </div>
        <ol className="list-decimal space-y-2 pl-6">
          {stage.questions.map((q) => (
            <li key={q.id}>
              {q.text}
              {q.easyRead !== q.text && <span className="block text-slate-700">Easy read: {q.easyRead}</span>}
            </li>
          ))}
        </ol>
      </section>

      {viewer.manages && (
        <StageLifecycle
          stageId={stage.id}
          status={stage.status}
          version={stage.version}
          questions={stage.questions.length}
          acceptedYoungCommissioners={stage.acceptedYoungCommissioners}
        />
      )}

      {stage.myMembership === "ACCEPTED" && !viewer.manages && (
        <section aria-labelledby="step-back" className="mb-8 max-w-2xl">
          <h2 id="step-back" className="mb-2 text-xl font-bold">
            Stepping back
          </h2>
          <p className="mb-3">You can stop taking part at any time. What you already said stays with this stage.</p>
          <ActionForm action={stepBackFromStageAction.bind(null, stage.id)} idPrefix="step-back">
            <SubmitButton variant="secondary">Step back from shaping this service</SubmitButton>
          </ActionForm>
        </section>
      )}

      {viewer.manages && (
        <p className="mt-8">
          <Link href={`/tenders/${stage.tender.id}`}>The tender: details, criteria and panel</Link>
        </p>
      )}
    </>
  );
}
