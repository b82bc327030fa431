import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { BidResult } from "@/domain/scoring";

/**
 * The moderation overview: one row per bid in ranking order with its total and
 * each criterion's score; a score whose votes differ by 2 or more is marked
 * "discuss". Each bidder links to that bid's own page with the votes.
 */
export function OverviewMatrix({
  tenderId,
  bids,
  criteria,
}: {
  tenderId: string;
  bids: BidResult[];
  criteria: { id: string; name: string; weight: number; kind: string }[];
}) {
  // Slim rows: a 20-bid page has some 200 score cells and each is sent twice
  // (HTML and the React payload), so their look is set once on the table
  // (every cell's padding; the score columns right-aligned in a fixed-width
  // font; the "discuss" flag) rather than repeated on every cell.
  return (
    <ScrollRegion label="Ranking (scrolls sideways)">
      <table
        className="w-full border-collapse text-left [&_small]:block [&_small]:font-sans [&_small]:text-sm [&_small]:font-bold [&_small]:text-amber-900 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-300 [&_td]:py-2 [&_td]:pr-4 [&_td+td+td]:text-right [&_td+td+td]:tabular-nums"
        data-testid="ranking"
      >
        <thead>
          <tr className="border-b-2 border-slate-900 align-bottom">
            <th scope="col" className="py-2 pr-4">
              Rank
            </th>
            <th scope="col" className="py-2 pr-4">
              Bidder
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Total out of 100
            </th>
            {criteria.map((c) => (
              <th key={c.id} scope="col" className="min-w-24 py-2 pr-4 text-right text-sm font-bold">
                {c.name} <span className="font-normal">({c.weight}%)</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bids.map((b) => (
            <tr key={b.bidId}>
              <td>{b.rank ?? "–"}</td>
              <td>
                <Link href={`/panels/${tenderId}/moderation/${b.bidId}`}>{b.label}</Link>
                {b.tie && <strong className="ml-2 bg-amber-200 px-1">Tie: the panel must decide</strong>}
                {b.incomplete && <span className="ml-2">(not every criterion has a counted score yet)</span>}
              </td>
              <td className="text-lg">{b.totalDisplay ?? "–"}</td>
              {b.cells.map((cell, i) =>
                cell.divergent ? (
                  <td key={i} className="bg-amber-100">
                    {cell.scoreDisplay ?? "–"}
                    <small>
                      discuss <span className="sr-only">{`(scores differ by ${cell.max! - cell.min!})`}</span>
                    </small>
                  </td>
                ) : (
                  <td key={i}>{cell.scoreDisplay ?? "–"}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
