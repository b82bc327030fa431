import type { Metadata } from "next";
import Link from "next/link";
import { AwardSummaryView } from "@/components/awards/award-summary-view";
import { bidsShown } from "@/components/awards/overview-bids";
import { SignOffHistory } from "@/components/awards/sign-off-history";
import { NoticeLinks } from "@/components/notices/notice-links";
import { publishedNotices } from "@/server/notices/psr-notice";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { StatusTag } from "@/components/ui/status-tag";
import { formatLondon } from "@/domain/london-time";
import { standstillHasEnded } from "@/domain/working-days";
import { getAwardForCommissioner } from "@/server/awards/queries";
import { requireActorForTender } from "@/server/auth/session";
import { now } from "@/server/clock";
import { RepresentationsSection } from "@/components/representations/commissioner-representations";
import { confirmHeldBy, listRepresentations } from "@/server/representations/queries";
import { askClarificationAction, confirmAwardAction, decideRepresentationsAction, recommendAwardAction } from "./actions";
import { readable } from "@/server/page-guard";
import { recordTitle } from "../../../record-title";
import { stepTakenBy } from "@/server/tenders/step-taken";

export async function generateMetadata({ params }: { params: Promise<{ tenderId: string }> }): Promise<Metadata> {
  const { tenderId } = await params;
  return recordTitle("Award", async (actor) => (await getAwardForCommissioner(actor, tenderId)).tender);
}

const DONE: Record<string, string> = {
  recommended: "Recommendation sent to the governor for sign-off",
  awarded: "Award confirmed. The contract is in the register.",
  asked: "Your question has been sent to the provider.",
  continued: "Decision recorded: the award continues. The providers and the governor have been told.",
  reopened: "Decision recorded: the tender is back in moderation and the governor's sign-off is voided.",
  abandoned: "Decision recorded: the tender has been cancelled. Every bidder has been told.",
};

const STATUS: Record<string, string> = {
  PENDING_SIGNOFF: "Waiting for the governor",
  APPROVED: "Approved by the governor",
  CHANGES_REQUESTED: "Governor asked for changes",
  REJECTED: "Rejected by the governor",
  SUPERSEDED: "Replaced by a newer recommendation",
  REOPENED: "Sent back to moderation after representations",
};

export default async function AwardPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string }>;
  searchParams: Promise<{ done?: string; said?: string; bids?: string }>;
}) {
  const [{ tenderId }, { done, said, bids }] = await Promise.all([params, searchParams]);
  const actor = await requireActorForTender(tenderId);
  const at = now();
  const { tender, canManage, governors, liveResult, decisions } = await readable(getAwardForCommissioner(actor, tenderId));
  const current = decisions[0];
  const pending = current?.status === "PENDING_SIGNOFF" ? current : null;
  const approved = decisions.find((d) => d.status === "APPROVED");
  const ranked = liveResult?.bids.filter((b) => !b.incomplete) ?? [];
  // Representations are about the approved decision (or the one sent back to moderation because of them).
  const reviewed = approved ?? decisions.find((d) => d.status === "REOPENED");
  const representations = reviewed ? await listRepresentations(actor, reviewed.id) : null;
  const hold = approved && tender.status === "STANDSTILL" ? await confirmHeldBy(approved.id, at) : null;
  const confirmedBefore = done === "alreadyAwarded" ? await stepTakenBy(actor, tender.id, "award.confirmed") : null;

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href={`/tenders/${tender.id}`}>Back to the tender</Link>
      </p>
      {done && DONE[done] && <Panel title={DONE[done]}>{null}</Panel>}
      {confirmedBefore && (
        <Panel title={`The award was already confirmed by ${confirmedBefore.by} at ${formatLondon(confirmedBefore.at, "time")}`}>
          Your click came a moment later, so nothing more was done: there is one contract, and the bidders were told once.
        </Panel>
      )}
      <PageHeading caption={tender.reference}>Award: {tender.title}</PageHeading>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StatusTag stage={tender.stage} />
        <span>{tender.establishment.name}</span>
      </div>

      {tender.status === "MODERATION" && (
        <p className="mb-6 border-l-4 border-amber-600 bg-white p-3">
          The tender is back in moderation after the governor&apos;s decision.{" "}
          <Link href={`/panels/${tender.id}/moderation`}>Go to moderation</Link>; once the chair freezes the ranking again, recommend again
          here.
        </p>
      )}

      {governors.length === 0 && ["AWARD_PENDING_SIGNOFF", "MODERATION"].includes(tender.status) && (
        <p className="mb-6 border-l-8 border-red-700 bg-white p-3 font-bold" role="alert">
          No governor is linked to {tender.establishment.name}, so nobody can sign this off. Ask an administrator to invite the
          establishment&apos;s governor.
        </p>
      )}

      {tender.status === "AWARD_PENDING_SIGNOFF" && pending && (
        <p className="mb-6 border-l-4 border-nhs-blue bg-white p-3" role="status">
          Sent to {governors.join(" and ") || "the governor"} on {formatLondon(pending.createdAt, "dateTime")}. Waiting for their sign-off.
        </p>
      )}

      {tender.status === "AWARD_PENDING_SIGNOFF" && canManage && (
        <section aria-labelledby="recommend" className="mb-10">
          <h2 id="recommend" className="mb-2 text-2xl font-bold">
            {pending ? "Replace the recommendation" : "Recommend the award"}
          </h2>
          <p className="mb-4">
            The ranking was frozen {tender.rankingFrozenAt ? formatLondon(tender.rankingFrozenAt, "dateTime") : ""}. Normally you recommend
            the top-ranked bid. Choosing another, or choosing between tied bids, needs a written justification that the governor will read.
          </p>
          <ActionForm action={recommendAwardAction.bind(null, tender.id)} idPrefix="recommend">
            <RadioGroup
              name="bidId"
              legend="Which bid do you recommend?"
              defaultValue={pending?.summary.recommended.bidId ?? (ranked[0] && !ranked[0].tie ? ranked[0].bidId : undefined)}
              options={ranked.map((b) => ({
                value: b.bidId,
                label: `${b.label}: ${b.totalDisplay} (rank ${b.rank}${b.tie ? ", tied" : ""})`,
              }))}
            />
            <TextArea
              name="justification"
              label="Justification (needed if this is not the top-ranked bid)"
              rows={4}
              defaultValue={pending?.justification ?? undefined}
            />
            <TextArea
              name="noteToYoungCommissioners"
              label="Note to the young commissioners"
              hint="In plain words: what was decided and how their scores and comments helped. They read it after the award."
              rows={4}
              defaultValue={pending?.summary.noteToYoungCommissioners ?? undefined}
            />
            <SubmitButton>{pending ? "Replace and send to the governor" : "Send to the governor for sign-off"}</SubmitButton>
          </ActionForm>
        </section>
      )}

      {approved && approved.standstill && (
        <section aria-labelledby="standstill" className="mb-10">
          <h2 id="standstill" className="mb-2 text-2xl font-bold">
            Standstill and outcome letters
          </h2>
          <p className="mb-1 font-bold" data-testid="standstill">
            {approved.standstill.sentence}
          </p>
          <p className="mb-3">
            Under regulation 12 of the Provider Selection Regime the standstill begins the day after the notice; the 8 working days are
            counted after that day. Weekends and bank holidays in England and Wales are not counted.
          </p>
          {approved.legacyLetterStandstillEndsAt &&
            approved.legacyLetterStandstillEndsAt.getTime() !== approved.standstill.endsAt.getTime() && (
              <p className="mb-3 border-l-4 border-amber-600 bg-white p-3" data-testid="standstill-corrected">
                Corrected: the letters sent said the standstill ends at the end of{" "}
                {formatLondon(approved.legacyLetterStandstillEndsAt, "dateTime")}, one working day short. The standstill now ends at the
                date above; the bidders have been told.
              </p>
            )}
          <h3 className="mb-2 text-xl font-bold">Letters sent to every bidder</h3>
          <ul className="mb-4 list-disc pl-6">
            {approved.summary.ranking.map((r) => (
              <li key={r.bidId}>
                <Link href={`/letters/${approved.id}/${r.bidId}`}>Letter to {r.provider}</Link>
              </li>
            ))}
          </ul>
          {tender.status === "STANDSTILL" &&
            canManage &&
            (hold ? (
              <p className="font-bold" data-testid="confirm-held">
                {hold}
              </p>
            ) : standstillHasEnded(approved.standstill.endsAt, at) ? (
              <ActionForm action={confirmAwardAction.bind(null, tender.id)} idPrefix="confirm">
                <p className="mb-3">
                  Standstill has ended. Confirm the award to {approved.summary.recommended.provider} and create the contract.
                </p>
                <SubmitButton>Confirm the award</SubmitButton>
              </ActionForm>
            ) : (
              <p>You can confirm the award once standstill has ended.</p>
            ))}
          {tender.contract && (
            <p className="mt-3 text-lg">
              <Link href={`/contracts/${tender.contract.id}`}>See the contract in the register</Link>
            </p>
          )}
        </section>
      )}

      {representations && (
        <RepresentationsSection
          data={representations}
          askAction={tender.status === "STANDSTILL" && canManage ? (id) => askClarificationAction.bind(null, tender.id, id) : undefined}
          decideAction={tender.status === "STANDSTILL" && canManage ? decideRepresentationsAction.bind(null, tender.id) : undefined}
        />
      )}

      {current && (
        <section aria-labelledby="latest" className="mb-10">
          <h2 id="latest" className="mb-4 text-2xl font-bold">
            The recommendation the governor {current.status === "PENDING_SIGNOFF" ? "is reading" : "read"}
          </h2>
          {/* Overview first: the top of the ranking and the recommended bid; every bid from a link (?bids=all). */}
          <AwardSummaryView
            summary={current.summary}
            path={`/tenders/${tenderId}/award`}
            showCommentsFor={said}
            shown={bidsShown(current.summary, `/tenders/${tenderId}/award`, { bids, said })}
            heading={current.status === "PENDING_SIGNOFF" ? "What the governor is asked to approve" : "What was recommended"}
            shapingPrintHref={tender.shapingStage && canManage ? `/shaping/${tender.shapingStage.id}/you-said-we-did` : undefined}
          />
        </section>
      )}

      {decisions.length > 0 && (
        <section aria-labelledby="history" className="mb-10">
          <h2 id="history" className="mb-4 text-2xl font-bold">
            Recommendations and sign-offs
          </h2>
          <ol className="space-y-6">
            {decisions.map((d) => (
              <li key={d.id}>
                <h3 className="text-xl font-bold">
                  {d.summary.recommended.provider}: {STATUS[d.status]}
                </h3>
                <p className="mb-2 text-slate-700">
                  Recommended by {d.recommendedBy.name}, {formatLondon(d.createdAt, "dateTime")}.{" "}
                  <span className="break-all font-mono text-sm">SHA-256 {d.contentHash}</span>
                </p>
                <NoticeLinks awardDecisionId={d.id} kinds={publishedNotices(d)} />
                <SignOffHistory signOffs={d.signOffs} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
