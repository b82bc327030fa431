import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { StatusTag } from "@/components/ui/status-tag";
import { SummaryList } from "@/components/ui/summary-list";
import { formatCountdown, formatLondon } from "@/domain/london-time";
import { describeWholeLifePrice, formatPence } from "@/domain/money";
import { describeStage, validateForPublish } from "@/domain/tender-lifecycle";
import { requireActorForTender } from "@/server/auth/session";
import { now } from "@/server/clock";
import { getTenderForColleague, getTenderForCommissioner } from "@/server/tenders/queries";
import { stepTakenBy } from "@/server/tenders/step-taken";
import { openBidsAction, publishTenderAction } from "../actions";
import { readable } from "@/server/page-guard";
import { RULE_NAMES } from "@/domain/scoring";
import { recordTitle } from "../../record-title";
import { panelSeatName } from "@/domain/roles";
import { SHAPING_STATUS_LABELS } from "@/domain/shaping-stage";
import { describeGate } from "@/domain/co-production-gate";
import { getTenderGate } from "@/server/shaping/theme-queries";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Tender", (actor) => getTenderForColleague(actor, tenderId, now()));
}

const SAVED: Record<string, string> = {
  details: "Tender details saved",
  published: "Tender published. Providers can now see it, ask questions and send bids.",
  opened: "Bids opened. Evaluation has started.",
  cancelled: "Tender cancelled. Providers with a bid have been told.",
  retender: "Re-tender started as a draft, with the same criteria. Set the deadlines and build the panel.",
};

const ROUTES: Record<string, string> = {
  PSR_COMPETITIVE_PROCESS: "PSR competitive process",
  PSR_MOST_SUITABLE_PROVIDER: "PSR most suitable provider",
  PSR_DIRECT_AWARD_C: "PSR direct award process C",
};

export default async function TenderPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ tenderId }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActorForTender(tenderId);
  const at = now();
  // A colleague who does not run the tender reads what it is, where it is up to and whom to ask; nothing more.
  const glance = await readable(getTenderForColleague(actor, tenderId, at));
  if (!glance.runsIt) return <ColleagueView tender={glance} />;
  const tender = await readable(getTenderForCommissioner(actor, tenderId, at));
  const status = tender.effectiveStatus;
  const draft = status === "DRAFT";
  const editable = draft && tender.canManage;
  const totalWeight = tender.criteria.reduce((s, c) => s + c.weight, 0);
  const problems = draft
    ? validateForPublish({ ...tender, panel: tender.panelMembers.map((p) => ({ role: p.role, accepted: p.status === "ACCEPTED" })) }, at)
    : [];

  // Shaped with young people: publishing waits for the co-production gate (src/server/tenders/publish-tender.ts).
  const shaping = await getTenderGate(tender.id);
  if (editable && shaping && !shaping.gate.open) problems.push({ field: "shaping", message: describeGate(shaping.gate) });

  const openedBefore = saved === "alreadyOpened" ? await stepTakenBy(actor, tender.id, "tender.bids_opened") : null;

  const progress = describeStage(tender.stage);
  return (
    <>
      <p className="mb-4">
        <Link href="/tenders">Back to tenders</Link>
      </p>
      {saved && SAVED[saved] && <Panel title={SAVED[saved]}>{null}</Panel>}
      {saved === "alreadyOpened" && (
        <Panel
          title={`The bids were already opened${openedBefore ? ` by ${openedBefore.by} at ${formatLondon(openedBefore.at, "time")}` : ""}`}
        >
          Your click came a moment later, so nothing more was done. Evaluation has started.
        </Panel>
      )}
      <PageHeading caption={tender.reference}>{tender.title}</PageHeading>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StatusTag stage={tender.stage} />
        <span>{tender.establishment.name}</span>
      </div>
      <p className="mb-8 max-w-2xl" data-testid="whats-next">
        <strong>What happens next: </strong>
        {progress.whatsNext}
        {status === "PUBLISHED" && tender.submissionDeadline && ` (${formatCountdown(tender.submissionDeadline, at)}).`}
      </p>
      {status === "CANCELLED" && (
        <p className="mb-8 border-l-4 border-red-700 bg-white p-4">
          Cancelled {tender.cancelledAt && formatLondon(tender.cancelledAt, "dateTime")}. Reason: {tender.cancelReason}
        </p>
      )}

      {tender.shapingStage ? (
        <p className="mb-8 max-w-2xl border-l-4 border-lime-700 bg-white p-4" data-testid="shaping-link">
          <Link href={`/shaping/${tender.shapingStage.id}`} className="text-lg font-bold">
            Shaping with young people: {SHAPING_STATUS_LABELS[tender.shapingStage.status].toLowerCase()}
          </Link>
        </p>
      ) : (
        editable && (
          <section aria-labelledby="shape" className="mb-8 max-w-2xl border-l-4 border-lime-700 bg-white p-4">
            <h2 id="shape" className="mb-1 text-xl font-bold">
              <Link href={`/tenders/${tender.id}/shape`}>Shape this service with young people</Link>
            </h2>
            <p>Before you write the specification, gather young people&apos;s views and let them rank what matters most.</p>
          </section>
        )
      )}

      <section aria-labelledby="details" className="mb-10">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 id="details" className="text-2xl font-bold">
            Details
          </h2>
          {editable && <Link href={`/tenders/${tender.id}/edit`}>Change details</Link>}
        </div>
        <SummaryList
          rows={[
            ["Summary", tender.summary],
            ["Establishment", tender.establishment.name],
            [
              "Estimated value",
              tender.estimatedValuePence === null
                ? "Not set"
                : describeWholeLifePrice(tender.estimatedValuePence, tender.contractTermMonths),
            ],
            [
              "Contract",
              `${tender.contractStartDate ? `Starts ${formatLondon(tender.contractStartDate, "date")}` : "Start not set"}, ${tender.contractTermMonths ? `${tender.contractTermMonths} months` : "term not set"}`,
            ],
            ["Procurement route", ROUTES[tender.procurementRoute] ?? tender.procurementRoute],
            ["How votes are combined", RULE_NAMES[tender.aggregationRule].summary],
            ["Bids during scoring", tender.anonymiseBids ? "Anonymised (Bid A, Bid B…) until moderation" : "Shown with the bidders' names"],
            [
              "Young commissioners' hourly rate",
              tender.technicianHourlyRatePence === null ? "Not set" : formatPence(tender.technicianHourlyRatePence),
            ],
            ["Clarification deadline", tender.clarificationDeadline ? formatLondon(tender.clarificationDeadline, "dateTime") : "Not set"],
            ["Submission deadline", tender.submissionDeadline ? formatLondon(tender.submissionDeadline, "dateTime") : "Not set"],
          ]}
        />
      </section>

      <section aria-labelledby="criteria" className="mb-10">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 id="criteria" className="text-2xl font-bold">
            Criteria
          </h2>
          {editable && <Link href={`/tenders/${tender.id}/criteria`}>Edit criteria</Link>}
        </div>
        {tender.criteria.length === 0 ? (
          <p>No criteria yet.</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-6">
            {tender.criteria.map((c) => (
              <li key={c.id}>
                {c.name}: <strong>{c.weight}%</strong> {c.kind === "PRICE" && "(scored on price)"}
              </li>
            ))}
          </ol>
        )}
        <p className="mt-2">Total weight: {totalWeight}%</p>
      </section>

      {shaping && (
        <p className="mb-10">
          Shaped with young people: <Link href={`/shaping/${shaping.stageId}/priorities`}>What young people said matters most</Link>
        </p>
      )}

      <section aria-labelledby="panel" className="mb-10">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 id="panel" className="text-2xl font-bold">
            Panel
          </h2>
          {editable && <Link href={`/tenders/${tender.id}/panel`}>Manage the panel</Link>}
        </div>
        <ul className="space-y-1">
          {tender.panelMembers.map((p) => (
            <li key={p.id}>
              {p.user.name} — {panelSeatName(p.role, p.anonymousLabel)}
              {p.isChair && " (chair)"}: {p.status.toLowerCase().replace("_", " ")}
            </li>
          ))}
        </ul>
      </section>

      {editable && (
        <section aria-labelledby="publish" className="mb-10 max-w-2xl">
          <h2 id="publish" className="mb-2 text-2xl font-bold">
            Publish
          </h2>
          {problems.length > 0 ? (
            <>
              <p className="mb-2">Before you can publish:</p>
              <ul className="mb-4 list-disc pl-6">
                {problems.map((p) => (
                  <li key={p.field + p.message}>{p.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mb-4">Everything is ready. Once published, providers can see the tender and the details can no longer change.</p>
          )}
          {shaping && editable && (
            <p className="mb-4" data-testid="co-production-gate">
              {shaping.gate.open && <>{describeGate(shaping.gate)} </>}
              <Link href={`/shaping/${shaping.stageId}/specification`}>The specification and the young commissioners&apos; agreement</Link>
            </p>
          )}
          <ActionForm action={publishTenderAction.bind(null, tender.id)}>
            <input type="hidden" name="version" value={tender.version} />
            <SubmitButton>Publish tender</SubmitButton>
          </ActionForm>
        </section>
      )}

      {status === "CLOSED" && tender.canManage && (
        <section aria-labelledby="open" className="mb-10 max-w-2xl">
          <h2 id="open" className="mb-2 text-2xl font-bold">
            Open the bids
          </h2>
          <p className="mb-4">The deadline has passed. Opening the bids is recorded and starts evaluation.</p>
          <ActionForm action={openBidsAction.bind(null, tender.id)}>
            <SubmitButton>Open bids</SubmitButton>
          </ActionForm>
        </section>
      )}

      {["EVALUATION", "MODERATION"].includes(status) && (
        <p className="mb-4">
          <Link href={`/panels/${tender.id}`}>Evaluation and moderation</Link>
        </p>
      )}
      {["AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"].includes(status) && (
        <p className="mb-4">
          <Link href={`/tenders/${tender.id}/award`} className="text-xl font-bold">
            {tender.stage === "RANKING_FROZEN"
              ? "Recommend the award"
              : tender.stage === "AWARD_PENDING_SIGNOFF"
                ? "Award recommendation and governor sign-off"
                : status === "STANDSTILL"
                  ? "Standstill, letters and confirming the award"
                  : "Award and contract"}
          </Link>
        </p>
      )}
      {status !== "DRAFT" && (
        <p className="mb-4">
          <Link href={`/tenders/${tender.id}/clarifications`}>Clarification questions ({tender._count.clarificationQuestions})</Link>
        </p>
      )}

      {tender.canManage && (
        <p className="mb-4">
          <Link href={`/tenders/${tender.id}/audit`}>Audit trail: who did what, when</Link>
        </p>
      )}

      {tender.canManage && !["AWARDED", "CANCELLED"].includes(status) && (
        <p>
          <Link href={`/tenders/${tender.id}/cancel`} className="text-red-700">
            Cancel this tender
          </Link>
        </p>
      )}
    </>
  );
}

/** The page for a commissioner who does not run the tender (policy "tender.readDetails"). */
function ColleagueView({ tender }: { tender: Awaited<ReturnType<typeof getTenderForColleague>> }) {
  return (
    <>
      <p className="mb-4">
        <Link href="/tenders">Back to tenders</Link>
      </p>
      <PageHeading caption={tender.reference}>{tender.title}</PageHeading>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StatusTag stage={tender.stage} />
        <span>{tender.establishment}</span>
      </div>
      <p className="mb-6 max-w-2xl" data-testid="whats-next">
        <strong>What happens next: </strong>
        {describeStage(tender.stage).whatsNext}
      </p>
      <SummaryList rows={[["Run by", tender.runBy.join(", ")]]} />
      <p className="mt-6 max-w-2xl" data-testid="not-running">
        You do not run this tender, so its details, clarification questions and award are not shown to you. If you need to know more, ask
        the commissioners running it.
      </p>
    </>
  );
}
