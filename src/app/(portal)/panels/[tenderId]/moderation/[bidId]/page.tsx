import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { bidVotesOf } from "@/components/charts/data";
import { VotesChart } from "@/components/charts/votes-chart";
import { PageHeading, Panel } from "@/components/ui/page-heading";
import { requireActor } from "@/server/auth/session";
import { now } from "@/server/clock";
import { getModerationBid } from "@/server/evaluation/queries";
import { readable } from "@/server/page-guard";
import { NotCountedList, RuleNote } from "../moderation-parts";
import { BidVotes } from "./bid-votes";

export const metadata: Metadata = { title: "Moderation: one bid" };

// One bid in moderation: everyone's score and reason per criterion (divergent
// criteria first), revisions, and the member's own revise forms.
export default async function ModerationBidPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenderId: string; bidId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const [{ tenderId, bidId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor("panels");
  const view = await readable(getModerationBid(actor, tenderId, bidId, now()));
  const w = view.workspace;
  if (!view.visible || !view.bid) notFound();
  const { bid, criteria, columns, scores } = view;
  const moderation = w.tender.effectiveStatus === "MODERATION";
  const base = `/panels/${w.tender.id}/moderation`;

  return (
    <>
      <nav aria-label="Bids" className="mb-4 flex flex-wrap gap-x-6 gap-y-1">
        <Link href={base}>All bids (ranking)</Link>
        {view.previous && <Link href={`${base}/${view.previous.bidId}`}>Previous bid: {view.previous.label}</Link>}
        {view.next && <Link href={`${base}/${view.next.bidId}`}>Next bid: {view.next.label}</Link>}
      </nav>
      {query.revised && <Panel title="Your score has been revised. The original is kept.">{null}</Panel>}
      <PageHeading caption={`${w.tender.title}: ${moderation ? "moderation" : "scores and results"}`}>{bid.label}</PageHeading>
      <p className="mb-4 text-xl" data-testid="bid-total">
        Total: <strong className="tabular-nums">{bid.totalDisplay ?? "incomplete"}</strong>
        {bid.rank !== null && <> · rank {bid.rank}</>}
        {bid.tie && <strong className="ml-2 bg-amber-200 px-1">Tie: the panel must decide</strong>}
      </p>
      <RuleNote description={view.result.ruleDescription} />
      <NotCountedList notCounted={view.notCounted} />
      <div className="max-w-2xl">
        <VotesChart bid={bidVotesOf(bid, criteria, w.seat.id)} id={`votes-${bid.bidId}`} />
      </div>
      {bid.cells
        .filter((c) => c.kind === "PRICE")
        .map((cell) => {
          const c = criteria.find((x) => x.id === cell.criterionId)!;
          return (
            <p key={cell.criterionId} className="mb-4 max-w-3xl border border-slate-300 bg-white p-4" data-testid="price-score">
              <strong>
                {c.name} ({c.weight}%):
              </strong>{" "}
              <strong className="tabular-nums">{cell.scoreDisplay ?? "–"}</strong> out of 5, worked out from the price (lowest compliant
              price ÷ this bid&apos;s price × 5), not voted on.
            </p>
          );
        })}
      <BidVotes
        tenderId={w.tender.id}
        bid={bid}
        criteria={criteria}
        columns={columns}
        scores={scores}
        moderation={moderation}
        revising={query.revise}
      />
    </>
  );
}
