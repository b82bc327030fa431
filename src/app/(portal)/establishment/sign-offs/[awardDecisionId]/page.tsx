import type { Metadata } from "next";
import Link from "next/link";
import { AwardSummaryView } from "@/components/awards/award-summary-view";
import { bidsShown, isShown } from "@/components/awards/overview-bids";
import { SignOffForm } from "@/components/awards/sign-off-form";
import { SignOffHistory } from "@/components/awards/sign-off-history";
import { NoticeLinks } from "@/components/notices/notice-links";
import { publishedNotices } from "@/server/notices/psr-notice";
import { bidVotesFrom, rankingBarsFrom } from "@/components/charts/data";
import { RankingChart } from "@/components/charts/ranking-chart";
import { BidVotesList } from "@/components/charts/bid-votes-list";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { formatLondon } from "@/domain/london-time";
import { getAwardSignOff } from "@/server/awards/queries";
import { requireActor } from "@/server/auth/session";
import { decideAwardAction } from "../../actions";
import { readable } from "@/server/page-guard";
import { RepresentationsSection } from "@/components/representations/commissioner-representations";
import { listRepresentations } from "@/server/representations/queries";
import { recordTitle } from "../../../record-title";
import { describeGate } from "@/domain/co-production-gate";
import { getTenderGate } from "@/server/shaping/theme-queries";

export async function generateMetadata({ params }: { params: Promise<{ awardDecisionId: string }> }): Promise<Metadata> {
  const { awardDecisionId } = await params;
  return recordTitle("Award sign-off", async (actor) => (await getAwardSignOff(actor, awardDecisionId)).summary.tender);
}

const STATUS_TEXT: Record<string, string> = {
  APPROVED: "You approved this award. Standstill has started.",
  CHANGES_REQUESTED: "Changes were asked for. The panel is looking at it again.",
  REJECTED: "This recommendation was rejected.",
  SUPERSEDED: "The commissioner has replaced this recommendation with a newer one.",
  REOPENED: "After representations during standstill, the commissioner sent this award back to moderation. Your approval no longer stands.",
};

export default async function AwardSignOffPage({
  params,
  searchParams,
}: {
  params: Promise<{ awardDecisionId: string }>;
  searchParams: Promise<{ decided?: string; said?: string; votes?: string; bids?: string }>;
}) {
  const [{ awardDecisionId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("establishment");
  const request = await readable(getAwardSignOff(actor, awardDecisionId));
  const pending = request.status === "PENDING_SIGNOFF" && request.tender.status === "AWARD_PENDING_SIGNOFF";
  // Read only: what bidders said during standstill and the commissioner's further decisions.
  const representations =
    request.status === "APPROVED" || request.status === "REOPENED" ? await listRepresentations(actor, request.id) : null;
  // Overview first: the top of the ranking and the recommended bid; every bid from a link (?bids=all).
  const path = `/establishment/sign-offs/${awardDecisionId}`;
  const shown = bidsShown(request.summary, path, query);
  // Shaped with young people: how the co-production gate was passed, and the commissioner's reason if it was not.
  const shaping = await getTenderGate(request.summary.tender.id);
  const votes = request.votes && { ...request.votes, bids: request.votes.bids.filter((b) => isShown(shown, b.bidId)) };
  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/establishment">Back to my establishment</Link>
      </p>
      {query.decided && (
        <Panel title="Your decision has been recorded">
          {STATUS_TEXT[request.status] ?? null}
          {request.status === "APPROVED" && request.standstill && (
            <span className="block" data-testid="standstill">
              {request.standstill.sentence}
            </span>
          )}
        </Panel>
      )}
      <PageHeading caption={`Co-commissioning sign-off · ${request.summary.tender.reference}`}>{request.summary.tender.title}</PageHeading>
      {!pending && !query.decided && (
        <p className="mb-6 border-l-4 border-slate-600 bg-white p-3 font-bold" role="status">
          {STATUS_TEXT[request.status] ?? "This recommendation is no longer waiting for a decision."}
          {request.status === "APPROVED" && request.standstill && (
            <span className="block" data-testid="standstill">
              {request.standstill.sentence}
            </span>
          )}
        </p>
      )}
      {representations && <RepresentationsSection data={representations} />}
      <AwardSummaryView
        summary={request.summary}
        path={path}
        showCommentsFor={query.said}
        shown={shown}
        heading={pending ? "What you are asked to approve" : "What was recommended"}
        shapingPrintHref={request.shapingStageId ? `/shaping/${request.shapingStageId}/you-said-we-did` : undefined}
      />
      {shaping && (
        <section aria-labelledby="co-production" className="mb-8 max-w-2xl" data-testid="co-production">
          <h2 id="co-production" className="mb-2 text-2xl font-bold">
            The young commissioners&apos; agreement to the specification
          </h2>
          <p>{describeGate(shaping.gate)}</p>
          {shaping.override && (
            <p className="mt-2 border-l-4 border-red-700 bg-white p-3">
              {shaping.override.by} recorded on {formatLondon(shaping.override.at, "dateTime")} why the tender went ahead without their
              agreement: “{shaping.override.reason}”
            </p>
          )}
        </section>
      )}
      {votes && (
        <section aria-labelledby="pictures" className="mb-8 max-w-2xl">
          <h2 id="pictures" className="mb-3 text-2xl font-bold">
            The scores in pictures
          </h2>
          <p className="mb-4">
            The same figures as the table above, for the same bids: the totals split by criterion, then every counted vote on the
            recommended bid (and on any other bid you choose).
          </p>
          <RankingChart bars={rankingBarsFrom(votes, request.summary.criteria)} criteria={request.summary.criteria} id="signoff-ranking" />
          <BidVotesList
            bids={bidVotesFrom(votes, request.summary.criteria)}
            recommendedBidId={request.summary.recommended.bidId}
            showVotesFor={query.votes}
            path={shown.base}
            idPrefix="signoff-votes"
          />
        </section>
      )}

      {request.earlier.length > 0 && (
        <section aria-labelledby="earlier" className="mb-8">
          <h2 id="earlier" className="mb-3 text-2xl font-bold">
            Earlier recommendations for this tender
          </h2>
          <ul className="space-y-2">
            {request.earlier.map((e) => (
              <li key={e.id}>
                {formatLondon(e.createdAt, "dateTime")}: {e.recommendedBid.organisation.name} ({e.status.toLowerCase().replace(/_/g, " ")})
                {e.signOffs.map(
                  (s) =>
                    s.comment && (
                      <span key={s.id} className="block text-slate-700">
                        Comment: {s.comment}
                      </span>
                    ),
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="decision" className="mb-8">
        <h2 id="decision" className="mb-3 text-2xl font-bold">
          {pending ? "Your decision" : "Decisions"}
        </h2>
        {pending ? (
          <>
            <p className="mb-4 max-w-2xl">
              Approving sends every bidder their outcome letter. The standstill begins the next day and ends at midnight at the end of the
              8th working day after that. Asking for changes sends it back to the panel. Your decision is bound to exactly what is on this
              page.
            </p>
            <SignOffForm
              action={decideAwardAction.bind(null, request.id)}
              contentHash={request.contentHash}
              signerName={actor.name}
              what="the recommendation above"
            />
          </>
        ) : (
          <>
            <NoticeLinks awardDecisionId={request.id} kinds={publishedNotices(request)} />
            <SignOffHistory signOffs={request.signOffs} />
          </>
        )}
        <p className="mt-4 break-all text-sm text-slate-700">
          Content hash of this recommendation (SHA-256): <span className="font-mono">{request.contentHash}</span>
        </p>
      </section>
    </div>
  );
}
