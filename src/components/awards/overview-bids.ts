// Overview first, details on demand: a 50-bid award summary shows the top of
// the ranking and the recommended bid; the whole ranking (its table, chart,
// comments and votes) is one link away (?bids=all). Every figure shown is
// the frozen summary's own; only how many rows are drawn changes.
import type { AwardSummary } from "@/server/awards/award-summary";

/** How many of the top-ranked bids the overview shows. */
export const TOP_BIDS = 5;

export interface BidsShown {
  /** The bids drawn, or null for every bid. */
  ids: ReadonlySet<string> | null;
  /** How many bids the summary ranks. */
  total: number;
  /** The page with every bid (`?bids=all`), or null when every bid is already shown. */
  allHref: string | null;
  /** The page as it is now, to add a further detail to (`?said=`, `?votes=`). */
  base: string;
}

/**
 * Which bids an overview draws: the top TOP_BIDS, the recommended bid, and any
 * bid asked for by a detail link (`?said=` / `?votes=`); every bid with
 * `?bids=all` or when there are few.
 */
export function bidsShown(summary: AwardSummary, path: string, query: { bids?: string; said?: string; votes?: string }): BidsShown {
  const total = summary.ranking.length;
  const all = query.bids === "all" || total <= TOP_BIDS + 1;
  if (all) return { ids: null, total, allHref: null, base: query.bids === "all" ? `${path}?bids=all` : path };
  const ids = new Set(summary.ranking.slice(0, TOP_BIDS).map((r) => r.bidId));
  for (const asked of [summary.recommended.bidId, query.said, query.votes])
    if (asked && summary.ranking.some((r) => r.bidId === asked)) ids.add(asked);
  return { ids, total, allHref: `${path}?bids=all`, base: path };
}

/** `base` with one more query parameter. */
export function withParam(base: string, name: string, value: string): string {
  return `${base}${base.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

export const isShown = (shown: BidsShown | undefined, bidId: string) => !shown?.ids || shown.ids.has(bidId);
