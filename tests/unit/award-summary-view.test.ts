import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AwardSummaryView } from "@/components/awards/award-summary-view";
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
