import Link from "next/link";
import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { SummaryList } from "@/components/ui/summary-list";
import { formatLondon } from "@/domain/london-time";
import { describeWholeLifePrice, lowerFirst, WHOLE_LIFE_PRICE } from "@/domain/money";
import type { AwardSummary } from "@/server/awards/award-summary";
import { ShapingInAwardView } from "@/components/shaping/shaping-in-award";
import { isShown, TOP_BIDS, withParam, type BidsShown } from "./overview-bids";

const ROUTES: Record<string, string> = {
  PSR_COMPETITIVE_PROCESS: "Provider Selection Regime: competitive process",
  PSR_MOST_SUITABLE_PROVIDER: "Provider Selection Regime: most suitable provider",
  PSR_DIRECT_AWARD_C: "Provider Selection Regime: direct award process C",
};

function dateOnly(key: string | null): string {
  return key ? formatLondon(new Date(`${key}T12:00:00Z`)) : "Not set";
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The recommendation as the governor signs it: what service, which provider,
 * value and term, the ranked results and the rule, what the young
 * commissioners said (anonymised), and the justification when the top bid
 * was not chosen. Rendered only from the frozen summary. With `shown`, only
 * those bids' rows and comments are drawn, with a link to every bid
 * (overview-bids.ts).
 */
export function AwardSummaryView({
  summary,
  path,
  showCommentsFor,
  shown,
  heading = "What you are asked to approve",
  shapingPrintHref,
}: {
  summary: AwardSummary;
  path: string;
  showCommentsFor?: string;
  shown?: BidsShown;
  /** The first section's heading: the governor is asked to approve only while the decision is theirs (issue 27). */
  heading?: string;
  /** The printable "You said, we did" of the tender's shaping stage, for those who may print it. */
  shapingPrintHref?: string;
}) {
  const t = summary.tender;
  const base = shown?.base ?? path;
  const ranking = summary.ranking.filter((r) => isShown(shown, r.bidId));
  const quality = summary.criteria.filter((c) => c.kind === "QUALITY");
  const price = summary.ranking.find((r) => r.bidId === summary.recommended.bidId)?.pricePence ?? null;
  return (
    <>
      <Section id="what" title={heading}>
        <p className="mb-4 max-w-3xl text-lg">
          Award <strong>{t.title}</strong> for {t.establishment.name} to{" "}
          <strong data-testid="recommended-provider">{summary.recommended.provider}</strong>, which scored{" "}
          <strong className="tabular-nums">{summary.recommended.total}</strong> out of 100 and ranked {summary.recommended.rank} of{" "}
          {summary.ranking.length}.
        </p>
        <SummaryList
          rows={[
            ["Service", t.summary],
            ["Recommended provider", summary.recommended.provider],
            ["Estimated value", t.estimatedValuePence ? describeWholeLifePrice(t.estimatedValuePence, t.contractTermMonths) : "Not set"],
            ["Price offered", price ? describeWholeLifePrice(price, t.contractTermMonths) : "No price criterion"],
            ["Contract start", dateOnly(t.contractStartDate)],
            ["Term", t.contractTermMonths ? `${t.contractTermMonths} months` : "Not set"],
            ["Procurement route", ROUTES[t.procurementRoute] ?? t.procurementRoute],
            ["Recommended by", `${summary.recommendedBy}, ${formatLondon(new Date(summary.recommendedAt), "dateTime")}`],
          ]}
        />
        <p className="mt-2 max-w-3xl text-slate-700" data-testid="price-meaning">
          Prices are {lowerFirst(WHOLE_LIFE_PRICE)} The figure a year, in brackets, is that price ÷ the term in months × 12.
        </p>
      </Section>

      {!summary.recommended.topRanked && (
        <div className="mb-8 max-w-3xl border-l-8 border-amber-600 bg-amber-50 p-4" data-testid="justification">
          <h2 className="text-xl font-bold">
            {summary.recommended.rank === 1 ? "The top total is tied: the panel's decision" : "Why the top-ranked bid was not chosen"}
          </h2>
          <p className="mt-2 whitespace-pre-line">{summary.justification}</p>
        </div>
      )}

      {summary.shaping && (
        <ShapingInAwardView shaping={summary.shaping} provider={summary.recommended.provider} printHref={shapingPrintHref} />
      )}

      <Section id="results" title="Results">
        <p className="mb-3 max-w-3xl border-l-4 border-nhs-blue bg-white p-3">
          <strong>How votes were combined: </strong>
          {summary.ruleDescription}
        </p>
        <ScrollRegion label="Ranked bids (scrolls sideways)">
          <table className="w-full border-collapse text-left" data-testid="summary-ranking">
            <caption className="sr-only">Ranked bids with their score for each criterion</caption>
            <thead>
              <tr className="border-b-2 border-slate-900">
                <th scope="col" className="py-2 pr-3">
                  Rank
                </th>
                <th scope="col" className="py-2 pr-3">
                  Provider
                </th>
                {summary.criteria.map((c) => (
                  <th key={c.id} scope="col" className="py-2 pr-3 text-right">
                    {c.name} <span className="font-normal">({c.weight}%)</span>
                  </th>
                ))}
                <th scope="col" className="py-2 pr-3 text-right">
                  Total out of 100
                </th>
              </tr>
            </thead>
            <tbody>
              {ranking.map((r) => (
                <tr key={r.bidId} className={`border-b border-slate-300 ${r.bidId === summary.recommended.bidId ? "bg-green-50" : ""}`}>
                  <td className="py-2 pr-3">
                    {r.rank}
                    {r.tie ? " (tied)" : ""}
                  </td>
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {r.provider}
                    {r.bidId === summary.recommended.bidId && <strong className="ml-2">Recommended</strong>}
                  </th>
                  {summary.criteria.map((c) => (
                    <td key={c.id} className="py-2 pr-3 text-right tabular-nums">
                      {r.criteria.find((x) => x.criterionId === c.id)?.score ?? "–"}
                    </td>
                  ))}
                  <td className="py-2 pr-3 text-right tabular-nums text-lg font-bold">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {shown && <AllBidsLink shown={shown} path={path} />}
        <p className="mt-2 text-slate-700">
          Criterion scores are out of 5. Counted: {summary.panel.commissioners} commissioner{summary.panel.commissioners === 1 ? "" : "s"}{" "}
          and {summary.panel.youngCommissioners} young commissioner{summary.panel.youngCommissioners === 1 ? "" : "s"}.
          {summary.panel.notCounted.excluded + summary.panel.notCounted.withdrawn + summary.panel.notCounted.absent > 0 &&
            ` Not counted: ${summary.panel.notCounted.excluded} with a conflict of interest, ${summary.panel.notCounted.withdrawn} stepped back, ${summary.panel.notCounted.absent} absent.`}{" "}
          Totals are worked out exactly and rounded once to 2 decimal places.
        </p>
      </Section>

      <Section id="young-commissioners" title="What the young commissioners said">
        {/* Details on demand: the recommended bid's comments are shown; any other
            bid's open from a link (?said=<bid>), so a 50-bid summary stays small. */}
        <ul className="space-y-3">
          {summary.youngCommissionersSaid
            .filter((bid) => isShown(shown, bid.bidId))
            .map((bid) => {
              const open = bid.bidId === summary.recommended.bidId || bid.bidId === showCommentsFor;
              const count = `${bid.comments.length} comment${bid.comments.length === 1 ? "" : "s"}`;
              return (
                <li key={bid.bidId} className="border border-slate-300 bg-white p-3">
                  <p className="font-bold">
                    {bid.provider}{" "}
                    {open || bid.comments.length === 0 ? (
                      <span className="font-normal">({count})</span>
                    ) : (
                      <Link href={`${withParam(base, "said", bid.bidId)}#said-${bid.bidId}`} className="font-normal">
                        Read the {count}
                        <span className="sr-only"> on {bid.provider}</span>
                      </Link>
                    )}
                  </p>
                  {open && bid.comments.length === 0 && <p className="mt-2">No counted young commissioner scored this bid.</p>}
                  {open && bid.comments.length > 0 && (
                    <ul className="mt-2 space-y-2" id={`said-${bid.bidId}`}>
                      {bid.comments.map((c, i) => (
                        <li key={i} className="border-l-4 border-slate-300 pl-2">
                          <span className="font-bold">{c.label}</span>, {c.criterion}: <span className="tabular-nums">{c.score}</span> out
                          of 5<span className="block">{c.reason}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
        </ul>
        {quality.length === 0 && <p>This tender had no quality criteria.</p>}
      </Section>
    </>
  );
}

/** Under an overview's ranking: how many bids it shows, and a link to all of them (or back to the top). */
export function AllBidsLink({ shown, path }: { shown: BidsShown; path: string }) {
  if (shown.allHref)
    return (
      <p className="mt-2" data-testid="bids-shown">
        Showing {shown.ids?.size ?? shown.total} of {shown.total} bids: the top {TOP_BIDS}
        {(shown.ids?.size ?? 0) > TOP_BIDS ? " and the recommended bid or the one you opened" : ""}.{" "}
        <Link href={`${shown.allHref}#results`} className="font-bold">
          See all {shown.total} ranked bids
        </Link>
      </p>
    );
  if (shown.base !== path)
    return (
      <p className="mt-2" data-testid="bids-shown">
        Showing all {shown.total} bids. <Link href={`${path}#results`}>Show only the top of the ranking</Link>
      </p>
    );
  return null;
}
