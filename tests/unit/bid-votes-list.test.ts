import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BidVotesList } from "@/components/charts/bid-votes-list";
import type { BidVotes } from "@/components/charts/data";

// Issue 11: the governor's sign-off of a 50-bid tender drew every bid's votes
// chart (4.5 MB of HTML). The recommended bid's chart is drawn; any other
// bid's comes from a link (?votes=<bid>), like the summary's comments.
const bids: BidVotes[] = Array.from({ length: 50 }, (_, i) => ({
  bidId: `bid-${i}`,
  label: `Provider ${i}`,
  totalDisplay: `${90 - i}.00`,
  rows: [
    {
      id: "q",
      name: "Quality",
      weight: 100,
      kind: "QUALITY",
      votes: [
        { score: 4, group: "COMMISSIONER" },
        { score: 2, group: "TECHNICIAN" },
      ],
      commissionerMean: 4,
      technicianMean: 2,
      score: 3,
      scoreDisplay: "3.00",
      divergentBy: 2,
    },
  ],
}));

const render = (showVotesFor?: string) =>
  renderToStaticMarkup(
    createElement(BidVotesList, {
      bids,
      recommendedBidId: "bid-3",
      showVotesFor,
      path: "/establishment/sign-offs/d",
      idPrefix: "signoff-votes",
    }),
  );
const charts = (html: string) => [...html.matchAll(/<title id="signoff-votes-chart-([^"]+)-title"/g)].map((m) => m[1]);

describe("sign-off: every vote on each bid, on demand", () => {
  it("draws the recommended bid's chart and links to every other bid's", () => {
    const html = render();
    expect(charts(html)).toEqual(["bid-3"]);
    expect(html).toContain("Provider 7: 83.00");
    expect(html).toContain('href="/establishment/sign-offs/d?votes=bid-7#signoff-votes-bid-7"');
    expect(html).not.toContain("?votes=bid-3#");
  });

  it("draws another bid's chart too when asked in the URL", () => {
    expect(charts(render("bid-7"))).toEqual(["bid-3", "bid-7"]);
    expect(charts(render("no-such-bid"))).toEqual(["bid-3"]);
  });
});
