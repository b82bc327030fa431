import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AwardSummaryView } from "@/components/awards/award-summary-view";
import { bidsShown, TOP_BIDS } from "@/components/awards/overview-bids";
import type { AwardSummary } from "@/server/awards/award-summary";

// Issue 11: a 50-bid award summary was one huge page, because every young
// commissioner's comment on every bid was in it. The recommended bid's
// comments are shown; any other bid's come from a link (?said=<bid>).
const bids = Array.from({ length: 50 }, (_, i) => ({ bidId: `bid-${i}`, provider: `Provider ${i}` }));
const summary = {
  schemaVersion: 1,
  tender: {
    id: "t",
    reference: "REF",
    title: "Health services",
    summary: "S",
    establishment: { id: "e", name: "HMYOI Feltham" },
    estimatedValuePence: "100000",
    contractStartDate: null,
    contractTermMonths: 36,
    procurementRoute: "PSR_COMPETITIVE_PROCESS",
  },
  rule: "EQUAL_VOTES",
  ruleDescription: "Every vote counts the same.",
  criteria: [{ id: "q", name: "Quality", weight: 100, kind: "QUALITY" }],
  ranking: bids.map((b, i) => ({
    ...b,
    organisationId: `o${i}`,
    rank: i + 1,
    tie: false,
    total: "50.00",
    totalExact: "50",
    pricePence: null,
    criteria: [{ criterionId: "q", score: "2.50", scoreExact: "5/2", voteCount: 2 }],
  })),
  recommended: { bidId: "bid-0", provider: "Provider 0", rank: 1, total: "50.00", topRanked: true },
  justification: null,
  noteToYoungCommissioners: null,
  youngCommissionersSaid: bids.map((b) => ({
    ...b,
    comments: [{ label: "Young commissioner A", criterion: "Quality", score: 3, reason: `Reason about ${b.provider}.` }],
  })),
  panelReasons: [],
  panel: { commissioners: 1, youngCommissioners: 2, notCounted: { excluded: 0, withdrawn: 0, absent: 0 } },
  recommendedBy: "Commissioner",
  recommendedAt: "2026-11-25T12:00:00.000Z",
  rankingFrozenAt: null,
} satisfies AwardSummary;

const render = (showCommentsFor?: string) =>
  renderToStaticMarkup(createElement(AwardSummaryView, { summary, path: "/tenders/t/award", showCommentsFor }));

describe("award summary: what the young commissioners said", () => {
  it("shows the recommended bid's comments and links to every other bid's", () => {
    const html = render();
    expect(html).toContain("Reason about Provider 0.");
    expect(html).not.toContain("Reason about Provider 7.");
    expect(html).toContain('href="/tenders/t/award?said=bid-7#said-bid-7"');
  });

  it("shows another bid's comments when asked in the URL", () => {
    const html = render("bid-7");
    expect(html).toContain("Reason about Provider 7.");
    expect(html).not.toContain("Reason about Provider 8.");
  });
});

// The governor's sign-off: overview first. The top of the ranking and the
// recommended bid are drawn; every bid comes from a link (?bids=all).
describe("award summary as an overview (the governor's sign-off)", () => {
  const path = "/establishment/sign-offs/d";
  const rows = (html: string) => [...html.matchAll(/<th scope="row"[^>]*>(Provider \d+)/g)].map((m) => m[1]);
  const overview = (query: { bids?: string; said?: string; votes?: string }, s: AwardSummary = summary) =>
    renderToStaticMarkup(
      createElement(AwardSummaryView, { summary: s, path, showCommentsFor: query.said, shown: bidsShown(s, path, query) }),
    );

  it("ranks the top of 50 bids, says so, and links to all of them", () => {
    const html = overview({});
    expect(TOP_BIDS).toBe(5);
    expect(rows(html)).toEqual(bids.slice(0, 5).map((b) => b.provider));
    expect(html).toContain("Showing 5 of 50 bids: the top 5.");
    expect(html).toContain(`href="${path}?bids=all#results"`);
    expect(html).toContain("See all 50 ranked bids");
    // The comments list follows the same bids.
    expect(html).toContain(`href="${path}?said=bid-3#said-bid-3"`);
    expect(html).not.toContain("?said=bid-7#");
  });

  it("always shows the recommended bid, also when it ranked lower", () => {
    const lower = { ...summary, recommended: { bidId: "bid-30", provider: "Provider 30", rank: 31, total: "50.00", topRanked: false } };
    const html = overview({}, lower);
    expect(rows(html)).toEqual([...bids.slice(0, 5).map((b) => b.provider), "Provider 30"]);
    expect(html).toContain("Reason about Provider 30.");
  });

  it("draws every bid with ?bids=all, and its detail links keep every bid", () => {
    const html = overview({ bids: "all" });
    expect(rows(html)).toEqual(bids.map((b) => b.provider));
    expect(html).toContain(`href="${path}?bids=all&amp;said=bid-42#said-bid-42"`);
    expect(html).toContain(`href="${path}#results"`);
    expect(html).not.toContain("See all 50 ranked bids");
  });

  it("adds a lower bid opened from the full ranking", () => {
    const html = overview({ said: "bid-42" });
    expect(rows(html)).toContain("Provider 42");
    expect(html).toContain("Reason about Provider 42.");
  });

  it("draws a short ranking whole, with no link", () => {
    const short = { ...summary, ranking: summary.ranking.slice(0, 6), youngCommissionersSaid: summary.youngCommissionersSaid.slice(0, 6) };
    const html = overview({}, short);
    expect(rows(html)).toHaveLength(6);
    expect(html).not.toContain("bids-shown");
  });
});
