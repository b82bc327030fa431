// Issue 14: JSON columns are read through the zod schema kept next to the code
// that writes them, never cast. What the writers store parses; a stored value
// of another shape is a clear error naming the column and the field, and the
// page or use case that reads it stops instead of showing half of it.
import { beforeAll, describe, expect, it } from "vitest";
import { getAwardForCommissioner, getAwardSignOff } from "@/server/awards/queries";
import { recommendAward } from "@/server/awards/recommend-award";
import { parseAwardSummary } from "@/server/awards/award-summary";
import { parseBidVersionContent } from "@/server/bids/bid-version-content";
import { listBidsForEvaluation } from "@/server/bids/queries";
import { db } from "@/server/db";
import { StoredJsonError } from "@/server/stored-json";
import { frozenTender, type FrozenTender } from "../fixtures/award-builders";
import { OPENED } from "../fixtures/evaluation-builders";

let t: FrozenTender;
let awardDecisionId: string;

beforeAll(async () => {
  t = await frozenTender();
  ({ awardDecisionId } = await recommendAward(
    t.commissioner,
    t.id,
    { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you for your scores." },
    new Date("2026-12-21T12:00:00.000Z"),
  ));
});

describe("stored JSON columns", () => {
  it("parse as their writers stored them", async () => {
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    expect(parseAwardSummary(decision.summary).recommended.bidId).toBe(t.bids.a);
    const version = await db.bidVersion.findFirstOrThrow({ where: { bidId: t.bids.a } });
    expect(parseBidVersionContent(version.content)).toMatchObject({ pricePence: "100000000", organisationId: t.organisations.a });
  });

  it("an award summary of another shape is a clear error, not a half-read page", async () => {
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    const summary = decision.summary as { ranking: { total: string | number }[] };
    summary.ranking[0]!.total = 84;
    await db.awardDecision.update({ where: { id: awardDecisionId }, data: { summary } });

    const read = getAwardSignOff(t.governor, awardDecisionId);
    await expect(read).rejects.toThrow(StoredJsonError);
    await expect(read).rejects.toThrow(/^The stored AwardDecision\.summary does not have the expected shape: ranking\.0\.total: /);
    await expect(getAwardForCommissioner(t.commissioner, t.id)).rejects.toThrow(StoredJsonError);
    expect(() => parseAwardSummary({ schemaVersion: 2 })).toThrow(/schemaVersion/);
  });

  it("a bid version's content of another shape is a clear error", async () => {
    // Versions are append-only: a newer one of the wrong shape is what the panel would read.
    const version = await db.bidVersion.findFirstOrThrow({ where: { bidId: t.bids.b } });
    await db.bidVersion.create({
      data: { ...version, id: undefined, version: 2, content: { responses: "not a list", pricePence: null, attachments: [] } },
    });
    await expect(listBidsForEvaluation(t.commissioner, t.id, OPENED)).rejects.toThrow(
      /^The stored BidVersion\.content does not have the expected shape: tenderId: .*; organisationId: .*; responses: /,
    );
  });
});
