import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { scoreTender, type ScoringInput } from "@/domain/scoring";
import { ContractTimeline } from "@/components/charts/contract-timeline";
import { bidVotesFrom, rankingBarsFrom } from "@/components/charts/data";
import { RankingChart } from "@/components/charts/ranking-chart";
import { bidVotesOf } from "@/components/charts/data";
import { CANVAS, SHAPES, TEXT, wrapText } from "@/components/charts/shapes";
import { VotesChart } from "@/components/charts/votes-chart";
import { YourMarksChart } from "@/components/charts/your-marks-chart";

// The charts are server-rendered SVG: what they draw is checked in the markup.
const input: ScoringInput = {
  rule: "EQUAL_VOTES",
  criteria: [
    { id: "q1", name: "Quality", weight: 50, kind: "QUALITY" },
    { id: "q2", name: "Working together", weight: 30, kind: "QUALITY" },
    { id: "p", name: "Price", weight: 20, kind: "PRICE" },
  ],
  bids: [
    { id: "A", label: "Bid A", pricePence: 100_000_000 },
    { id: "B", label: "Bid B", pricePence: 125_000_000 },
  ],
  members: [
    { id: "c1", role: "COMMISSIONER", status: "COUNTED" },
    { id: "c2", role: "COMMISSIONER", status: "COUNTED" },
    { id: "t1", role: "TECHNICIAN", status: "COUNTED" },
    { id: "t2", role: "TECHNICIAN", status: "COUNTED" },
  ],
  votes: [
    ...[
      ["c1", 4],
      ["c2", 3],
      ["t1", 4],
      ["t2", 5],
    ].map(([m, s]) => ({ memberId: m as string, bidId: "A", criterionId: "q1", score: s as number })),
    ...[
      ["c1", 3],
      ["c2", 3],
      ["t1", 1],
      ["t2", 4],
    ].map(([m, s]) => ({ memberId: m as string, bidId: "A", criterionId: "q2", score: s as number })),
    ...[
      ["c1", 5],
      ["c2", 4],
      ["t1", 3],
      ["t2", 3],
    ].map(([m, s]) => ({ memberId: m as string, bidId: "B", criterionId: "q1", score: s as number })),
    ...[
      ["c1", 4],
      ["c2", 4],
      ["t1", 3],
      ["t2", 3],
    ].map(([m, s]) => ({ memberId: m as string, bidId: "B", criterionId: "q2", score: s as number })),
  ],
};
const result = scoreTender(input);
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("the votes chart of one bid", () => {
  const a = bidVotesFrom(result, input.criteria).find((b) => b.bidId === "A")!;
  const html = renderToStaticMarkup(createElement(VotesChart, { bid: a, id: "votes-a" }));

  it("draws every counted vote, commissioners and young commissioners with different shapes", () => {
    // 2 commissioners × 2 quality criteria, plus one in the legend.
    expect(count(html, `d="${SHAPES.commissioner}"`)).toBe(4 + 1);
    expect(count(html, `d="${SHAPES.technician}"`)).toBe(4 + 1);
    expect(SHAPES.commissioner).not.toBe(SHAPES.technician);
  });

  it("draws the criterion score of every criterion, price included", () => {
    expect(count(html, `d="${SHAPES.score}"`)).toBe(3 + 1);
    expect(html).toContain(">4.00<");
    expect(html).toContain(">2.75<");
  });

  it("marks divergent criteria in words, not only in colour", () => {
    // A, Quality: 4, 3, 4, 5 → differ by 2; Working together: 3, 3, 1, 4 → differ by 3.
    expect(count(html, 'data-divergent="true"')).toBe(2);
    expect(html).toContain("differ by 2: discuss");
    expect(html).toContain("differ by 3: discuss");
  });

  it("has a text alternative that lists the votes", () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="votes-a-title votes-a-desc"');
    expect(html).toContain(
      "Working together: commissioners 3, 3; young commissioners 1, 4; criterion score 2.75; the votes are 3 apart, to discuss.",
    );
    expect(html).toContain("Price: scored by formula from the price, 5.00 out of 5.");
  });
});

describe("the ranking chart", () => {
  const html = renderToStaticMarkup(
    createElement(RankingChart, { bars: rankingBarsFrom(result, input.criteria), criteria: input.criteria, id: "ranking" }),
  );

  it("shows each total, split by criterion, with the points in words", () => {
    const [first, second] = result.bids;
    expect(html).toContain(`>${first!.totalDisplay}<`);
    expect(html).toContain(`>${second!.totalDisplay}<`);
    // Bid A: Quality 4 → 50 × 4 / 5 = 40 points.
    expect(html).toContain("Quality 40.00");
    // One segment per criterion per bid.
    expect(count(html, "<rect x=")).toBe(2 * 3);
  });
});

describe("the young commissioner's own marks", () => {
  it("shows their mark and the panel's on each criterion", () => {
    const html = renderToStaticMarkup(
      createElement(YourMarksChart, {
        id: "mine",
        provider: "Bid A",
        rows: [
          { name: "Quality", mine: 5, panel: "4.00" },
          { name: "Working together", mine: null, panel: "2.75" },
        ],
      }),
    );
    expect(html).toContain("Quality: you gave 5, the panel gave 4.00. Working together: you gave no score, the panel gave 2.75.");
    expect(count(html, `d="${SHAPES.you}"`)).toBe(1 + 1);
  });
});

describe("the contracts timeline", () => {
  it("draws one bar per contract under its establishment, with today", () => {
    const contract = (id: string, start: string, end: string, expiring = false) => ({
      id,
      title: `Contract ${id}`,
      provider: "Thameside",
      start,
      end,
      statusLabel: expiring ? "Expiring within 12 months" : "Active",
      expiring,
      ended: false,
    });
    const html = renderToStaticMarkup(
      createElement(ContractTimeline, {
        id: "timeline",
        today: "2026-11-25",
        establishments: [
          {
            name: "HMYOI Feltham",
            contracts: [contract("1", "2024-03-01", "2027-02-28", true), contract("2", "2026-12-01", "2029-11-30")],
          },
          { name: "HMYOI Cookham Wood", contracts: [contract("3", "2025-04-01", "2028-03-31")] },
        ],
      }),
    );
    expect(count(html, "data-contract=")).toBe(3);
    expect(html).toContain("HMYOI Feltham: Contract 1 (Thameside) from 1 March 2024 to 28 February 2027, expiring within 12 months");
    expect(html).toContain("Today");
    expect(html).toContain("url(#timeline-hatch)");
    // Issue 27: every bar names its provider (the hatched one had none); today's line is drawn before the names, which
    // have a white outline, so it never runs over them.
    expect(count(html, ">Contract 1: Thameside<")).toBe(1);
    expect(count(html, ": Thameside<")).toBe(3);
    expect(html.indexOf('stroke="#d5281b"')).toBeLessThan(html.indexOf(">HMYOI Feltham<"));
    expect(html).toMatch(/paint-order="stroke"[^>]*>HMYOI Feltham</);
  });

  it("draws a contract that has not started yet as an outline", () => {
    const html = renderToStaticMarkup(
      createElement(ContractTimeline, {
        id: "t",
        today: "2026-11-25",
        establishments: [
          {
            name: "HMYOI Feltham",
            contracts: [
              {
                id: "future",
                title: "Physio",
                provider: "Harbour",
                start: "2027-01-01",
                end: "2029-12-31",
                statusLabel: "Not started yet",
                expiring: false,
                ended: false,
                notStarted: true,
              },
            ],
          },
        ],
      }),
    );
    expect(html).toContain('stroke-dasharray="6 3"');
    expect(html).toContain("(Not started yet)");
  });
});

describe("charts on a phone (issue 27)", () => {
  const a = result.bids.find((b) => b.bidId === "A")!;
  const charts = {
    votes: renderToStaticMarkup(createElement(VotesChart, { bid: bidVotesOf(a, input.criteria), id: "v" })),
    ranking: renderToStaticMarkup(
      createElement(RankingChart, { bars: rankingBarsFrom(result, input.criteria), criteria: input.criteria, id: "r" }),
    ),
    mine: renderToStaticMarkup(
      createElement(YourMarksChart, { id: "m", provider: "Bid A", rows: [{ name: "Quality", mine: 5, panel: "4.00" }] }),
    ),
  };

  it("draws on the narrow canvas with no text smaller than the body's size", () => {
    for (const [name, html] of Object.entries(charts)) {
      expect(html, name).toContain(`viewBox="0 0 ${CANVAS} `);
      const sizes = [...html.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
      expect(sizes.length, name).toBeGreaterThan(0);
      expect(Math.min(...sizes), name).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it("marks the reader's own votes in the picture and in its words", () => {
    const html = renderToStaticMarkup(createElement(VotesChart, { bid: bidVotesOf(a, input.criteria, "t1"), id: "v" }));
    // t1 voted on both quality criteria of bid A: 4 and 1.
    expect(count(html, "data-you")).toBe(2);
    expect(html).toContain("Your vote: 4");
    expect(html).toContain("young commissioners 1 (your vote), 4;");
    expect(html).toContain("Stars: your own votes.");
    // Nobody's vote is marked for a reader with no votes (a governor).
    expect(count(charts.votes, "data-you")).toBe(0);
  });

  it("wraps long names at spaces", () => {
    expect(wrapText("Safeguarding and working with the establishment (20%)", 30)).toEqual([
      "Safeguarding and working with",
      "the establishment (20%)",
    ]);
    expect(wrapText("Supercalifragilistic", 10)).toEqual(["Supercali…"]);
  });
});
