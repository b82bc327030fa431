import type { Metadata } from "next";
import { TableHead } from "@/components/ui/table-head";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { StatusTag } from "@/components/ui/status-tag";
import { requireActor } from "@/server/auth/session";
import { requestNow } from "@/server/clock";
import { getPanelWorkspace } from "@/server/evaluation/queries";
import { chairAction, declareConflictsAction } from "./actions";
import { readable } from "@/server/page-guard";
import { PANEL_ROLE_NAMES } from "@/domain/roles";
import type { TenderStage } from "@/domain/tender-lifecycle";
import { recordTitle } from "../../record-title";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Your panel", async (actor) => (await getPanelWorkspace(actor, tenderId, requestNow())).tender);
}

export default async function PanelWorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<{ declared?: string; scored?: string }>;
}) {
  const [{ tenderId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("panels");
  const w = await readable(getPanelWorkspace(actor, tenderId, requestNow()));
  const technician = w.seat.role === "TECHNICIAN";
  const status = w.tender.effectiveStatus;
  const allSubmitted = w.bids.length > 0 && w.bids.every((b) => b.submitted);

  return (
    <>
      <p className="mb-4">
        <Link href="/panels">Back to my panels</Link>
      </p>
      {query.declared && <Panel title="Thank you">Your answers are saved.</Panel>}
      {query.scored && status === "EVALUATION" && (
        <Panel title="Scores sent">Your scores for that bid are saved. Nobody else can see them until moderation.</Panel>
      )}
      <PageHeading caption={`${w.tender.reference} · ${w.tender.establishment.name}`}>{w.tender.title}</PageHeading>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StatusTag stage={w.tender.stage} />
        {technician && <span>You are Young commissioner {w.seat.anonymousLabel} on this panel.</span>}
        {w.seat.isChair && <span>You chair this panel.</span>}
      </div>

      {w.seat.status === "ACCEPTED" && !["AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED", "CANCELLED"].includes(status) && (
        <p className="mb-8 border-l-4 border-nhs-blue bg-white p-3">
          You can stop being on this panel at any time. You do not have to say why.{" "}
          <Link href={`/panels/${w.tender.id}/step-back`} className="font-bold">
            Step back from this panel
          </Link>
        </p>
      )}
      {w.seat.status === "STEPPED_BACK" && <p className="mb-8">You have stepped back from this panel. Thank you for your help.</p>}

      <p className="mb-8 max-w-2xl text-lg" data-testid="stage-guidance">
        {stageGuidance(w.tender.stage, technician)}
      </p>

      {status === "EVALUATION" && w.seat.status === "ACCEPTED" && !w.declared && (
        <section aria-labelledby="conflicts" className="mb-10 max-w-2xl">
          <h2 id="conflicts" className="mb-2 text-2xl font-bold">
            Before you read the bids
          </h2>
          <p className="mb-4">
            {technician
              ? "Tell us if you know anyone at these organisations, or have worked for them. If you do, someone else will score the bids. That is fine and nobody will mind."
              : "Declare any conflict of interest with each bidding organisation. A conflict excludes you from scoring this tender."}
          </p>
          <ActionForm
            action={declareConflictsAction.bind(
              null,
              w.tender.id,
              w.bidders.map((b) => b.id),
            )}
          >
            {w.bidders.map((b) => (
              <div key={b.id} className="mb-4 border border-slate-300 bg-white p-4">
                <RadioGroup
                  name={`conflict.${b.id}`}
                  legend={b.name}
                  options={[
                    { value: "no", label: technician ? "No, I have no link to them" : "No conflict of interest" },
                    {
                      value: "yes",
                      label: technician ? "Yes, I know someone there or have worked with them" : "I have a conflict of interest",
                    },
                  ]}
                />
                <TextArea name={`details.${b.id}`} label="If yes, what is the link?" rows={2} />
              </div>
            ))}
            <SubmitButton>Save my answers</SubmitButton>
          </ActionForm>
        </section>
      )}

      {w.excluded && (
        <p className="mb-8 max-w-2xl border-l-4 border-amber-600 bg-amber-50 p-3">
          You said you have a link to one of the bidders, so you will not score this tender. Thank you for being honest. You can still come
          to the moderation meeting if the chair asks.
        </p>
      )}

      {w.mayScore && (
        <section aria-labelledby="bids" className="mb-10">
          <h2 id="bids" className="mb-2 text-2xl font-bold">
            {status !== "EVALUATION" ? "The bids you scored" : technician ? "Bids to read and score" : "Bids to score"}
          </h2>
          {status === "EVALUATION" && (
            <p className="mb-4 max-w-2xl">
              {technician
                ? "Nobody sees your scores until you have sent all of them, and you will not see anyone else's before then."
                : "Other members' scores stay hidden until you have submitted all of yours."}
            </p>
          )}
          <ul className="divide-y divide-slate-300 border-y border-slate-300">
            {w.bids.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span>
                  <strong>{b.label}</strong>
                  {!w.anonymised && `: ${b.organisation.name}`}
                </span>
                <span className="flex items-center gap-4">
                  <span>{b.submitted ? "Sent" : b.started ? "Started, not sent" : "Not started"}</span>
                  {!b.submitted && status === "EVALUATION" && (
                    <Link href={`/panels/${w.tender.id}/bids/${b.id}`} className="font-bold">
                      Score {w.anonymised ? b.label : b.label.toLowerCase()}
                    </Link>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {allSubmitted && (
            <p className="mt-4">
              You have sent all your scores. <Link href={`/panels/${w.tender.id}/moderation`}>See everyone&apos;s scores side by side</Link>
            </p>
          )}
        </section>
      )}

      {w.seat.status !== "STEPPED_BACK" && ["MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(status) && (
        <p className="mb-8 text-lg">
          <Link href={`/panels/${w.tender.id}/moderation`} className="font-bold">
            {status === "MODERATION" ? "Go to moderation: everyone's scores side by side" : "See the results"}
          </Link>
        </p>
      )}
      {["STANDSTILL", "AWARDED"].includes(status) && (
        <p className="mb-8 text-lg">
          <Link href={`/panels/${w.tender.id}/outcome`} className="font-bold">
            You said, we did: what happened and how your scores were used
          </Link>
        </p>
      )}

      {w.chair && status === "EVALUATION" && (
        <section aria-labelledby="chair" className="mb-10">
          <h2 id="chair" className="mb-2 text-2xl font-bold">
            Chair: evaluation progress
          </h2>
          <table className="mb-4 w-full border-collapse text-left">
            <TableHead columns={["Member", "Progress", { label: "Actions", visuallyHidden: true }]} />
            <tbody>
              {w.chair.members.map((m) => (
                <tr key={m.id} className="border-b border-slate-300">
                  <td className="py-2 pr-4">
                    {m.name} ({PANEL_ROLE_NAMES[m.role].one})
                  </td>
                  <td className="py-2 pr-4">
                    {m.conflict
                      ? "Declared a conflict: excluded"
                      : m.state === "WITHDRAWN"
                        ? "Stepped back"
                        : m.submitted
                          ? "All scores submitted"
                          : m.absent
                            ? "Marked absent"
                            : "Still scoring"}
                  </td>
                  <td className="py-2">
                    {!m.submitted && !m.conflict && m.state !== "WITHDRAWN" && m.id !== w.seat.id && (
                      <ActionForm action={chairAction.bind(null, w.tender.id)} idPrefix={`absent-${m.id}`}>
                        <input type="hidden" name="panelMemberId" value={m.id} />
                        <input type="hidden" name="command" value={m.absent ? "present" : "absent"} />
                        <SubmitButton variant="secondary" aria-label={`${m.absent ? "Not absent:" : "Mark absent:"} ${m.name}`}>
                          {m.absent ? "Not absent" : "Mark absent"}
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!w.chair.quorum.met && w.chair.quorum.waitingFor.length > 0 && (
            <p className="mb-4">Still to submit: {w.chair.quorum.waitingFor.map((m) => m.name).join(", ")}.</p>
          )}
          <ActionForm action={chairAction.bind(null, w.tender.id)} idPrefix="moderate">
            <input type="hidden" name="command" value="moderate" />
            <SubmitButton>Start moderation</SubmitButton>
          </ActionForm>
        </section>
      )}
    </>
  );
}

/** What is happening now on this tender, for a panel member, in one or two plain sentences: it follows the stage. */
function stageGuidance(stage: TenderStage, technician: boolean): string {
  switch (stage) {
    case "DRAFT":
    case "SHAPING":
    case "CLOSED":
      return "The bids are not open yet. We will tell you when there is something to read.";
    case "PUBLISHED":
      return "The bids are not open yet. Providers are still writing them. We will tell you when there is something to read.";
    case "EVALUATION":
      return technician ? "Now: read each bid and score it on your own." : "Now: score each bid independently, on your own.";
    case "MODERATION":
      return "Now: moderation. The panel looks at everyone's scores side by side and talks about the ones that differ. You can change your own score if you say why.";
    case "RANKING_FROZEN":
      return "Scoring is finished and the panel's ranking is fixed. The commissioner is writing up who should get the contract; then the governor checks it.";
    case "AWARD_PENDING_SIGNOFF":
      return "Scoring is finished. The governor of the establishment is checking the panel's choice before anything is awarded.";
    case "STANDSTILL":
      return "Scoring is finished. The bidders have been told the result. During the standstill they can question it before the contract is awarded.";
    case "AWARDED":
      return "Scoring is finished and the contract has been awarded.";
    case "CANCELLED":
      return "This tender was cancelled. There is nothing more to do on it.";
  }
}
