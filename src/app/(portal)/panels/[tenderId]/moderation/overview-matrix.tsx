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
  return (
    <ScrollRegion label="Ranking (scrolls sideways)">
      <table className="w-full border-collapse text-left" data-testid="ranking">
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
            <tr key={b.bidId} className="border-b border-slate-300">
              <td className="py-2 pr-4">{b.rank ?? "–"}</td>
              <td className="py-2 pr-4">
                <Link href={`/panels/${tenderId}/moderation/${b.bidId}`}>{b.label}</Link>
                {b.tie && <strong className="ml-2 bg-amber-200 px-1">Tie: the panel must decide</strong>}
                {b.incomplete && <span className="ml-2">(not every criterion has a counted score yet)</span>}
              </td>
              <td className="py-2 pr-4 text-right font-mono text-lg">{b.totalDisplay ?? "–"}</td>
              {b.cells.map((cell) => (
                <td key={cell.criterionId} className={`py-2 pr-4 text-right font-mono ${cell.divergent ? "bg-amber-100" : ""}`}>
                  {cell.scoreDisplay ?? "–"}
                  {cell.divergent && (
                    <span className="block font-sans text-sm font-bold text-amber-900">
                      discuss <span className="sr-only">(scores differ by {cell.max! - cell.min!})</span>
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
