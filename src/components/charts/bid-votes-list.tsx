import Link from "next/link";
import { withParam } from "@/components/awards/overview-bids";
import type { BidVotes } from "./data";
import { VotesChart } from "./votes-chart";

/**
 * Every counted vote on each bid, details on demand: the recommended bid's
 * chart is drawn, and any other bid's from a link (?votes=<bid>), as the award
 * summary does with comments (?said=). A 50-bid sign-off page drew 50 charts
 * (4.5 MB of HTML, seconds per request); it now draws one or two.
 */
export function BidVotesList({
  bids,
  recommendedBidId,
  showVotesFor,
  path,
  idPrefix,
}: {
  bids: BidVotes[];
  recommendedBidId: string;
  showVotesFor?: string;
  path: string;
  idPrefix: string;
}) {
  return (
    <ul className="space-y-4">
      {bids.map((bid) => {
        const shown = bid.bidId === recommendedBidId || bid.bidId === showVotesFor;
        return (
          <li key={bid.bidId} id={`${idPrefix}-${bid.bidId}`}>
            <h3 className="mb-2 text-xl font-bold">
              {bid.label}: {bid.totalDisplay}
              {!shown && (
                <>
                  {" "}
                  <Link href={`${withParam(path, "votes", bid.bidId)}#${idPrefix}-${bid.bidId}`} className="text-base font-normal">
                    See every vote<span className="sr-only"> on {bid.label}</span>
                  </Link>
                </>
              )}
            </h3>
            {shown && <VotesChart bid={bid} id={`${idPrefix}-chart-${bid.bidId}`} />}
          </li>
        );
      })}
    </ul>
  );
}
