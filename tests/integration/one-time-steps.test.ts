// "Freeze the ranking" and "Confirm the award" pressed twice at the same
// moment (two sessions, two commissioners): the tender row lock lets one
// through, the other waits, then is told it was already done, by whom and when.
// tests/cluster/two-instances.test.ts presses the same buttons on two servers.
import { describe, expect, it } from "vitest";
import { confirmAward } from "@/server/awards/confirm-award";
import { decideAward } from "@/server/awards/decide-award";
import { recommendAward } from "@/server/awards/recommend-award";
import { db } from "@/server/db";
import type { Conflict } from "@/server/errors";
import { freezeRanking, startModeration } from "@/server/evaluation/moderation";
import { stepTakenBy } from "@/server/tenders/step-taken";
import { frozenTender, MODERATED, scoreAs } from "../fixtures/award-builders";
import { openedTender } from "../fixtures/evaluation-builders";

const APPROVED = new Date("2026-12-22T10:00:00.000Z");
const AFTER_STANDSTILL = new Date("2027-01-08T09:00:00.000Z");

describe("freezing the ranking twice at once", () => {
  it("freezes once; the other press is refused with a clear message and learns who froze it and when", async () => {
    const t = await openedTender();
    for (const m of [t.commissioner, t.commissioner2, ...t.technicians]) await scoreAs(t, m, [4, 4], [3, 3]);
    await startModeration(t.commissioner, t.id, MODERATED);
    const results = await Promise.allSettled([freezeRanking(t.commissioner, t.id), freezeRanking(t.commissioner, t.id)]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Conflict).code).toBe("RANKING_ALREADY_FROZEN");
    expect(await db.auditEvent.count({ where: { tenderId: t.id, action: "moderation.ranking_frozen" } })).toBe(1);
    expect((await db.tender.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("AWARD_PENDING_SIGNOFF");

    const event = await db.auditEvent.findFirstOrThrow({ where: { tenderId: t.id, action: "moderation.ranking_frozen" } });
    expect(await stepTakenBy(t.commissioner, t.id, "moderation.ranking_frozen")).toEqual({ by: "you (in another window)", at: event.at });
    expect(await stepTakenBy(t.commissioner2, t.id, "moderation.ranking_frozen")).toEqual({ by: t.commissioner.name, at: event.at });
  });

  it("a freeze in moderation still says what is wrong when there is nothing to freeze yet", async () => {
    const t = await openedTender();
    await expect(freezeRanking(t.commissioner, t.id)).rejects.toThrow("Freezing the ranking is not possible: this tender is evaluation.");
    expect(await stepTakenBy(t.commissioner, t.id, "moderation.ranking_frozen")).toBeNull();
  });
});

describe("confirming the award twice at once", () => {
  it("makes one contract, one audit event and one set of emails; the other commissioner is told who confirmed it", async () => {
    const t = await frozenTender();
    const { awardDecisionId } = await recommendAward(
      t.commissioner,
      t.id,
      { bidId: t.bids.a, justification: "", noteToYoungCommissioners: "Thank you." },
      new Date(APPROVED.getTime() - 3_600_000),
    );
    const { contentHash } = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await decideAward(
      t.governor,
      awardDecisionId,
      { decision: "APPROVED", typedName: t.governor.name, comment: "", contentHash },
      APPROVED,
    );
    const emailsBefore = await db.outboxMessage.count();

    const results = await Promise.allSettled([
      confirmAward(t.commissioner, t.id, AFTER_STANDSTILL),
      confirmAward(t.commissioner2, t.id, AFTER_STANDSTILL),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Conflict).code).toBe("AWARD_ALREADY_CONFIRMED");
    expect(await db.contract.count({ where: { tenderId: t.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { tenderId: t.id, action: "award.confirmed" } })).toBe(1);
    const winners = await db.user.count({ where: { organisationId: t.organisations.a, role: "PROVIDER" } });
    expect(await db.outboxMessage.count({ where: { template: "contract-awarded" } })).toBe(winners);
    // Winners and the young commissioners, each once.
    expect(await db.outboxMessage.count()).toBe(emailsBefore + winners + t.technicians.length);

    const event = await db.auditEvent.findFirstOrThrow({ where: { tenderId: t.id, action: "award.confirmed" } });
    const winner = results[0]!.status === "fulfilled" ? t.commissioner : t.commissioner2;
    const loser = winner === t.commissioner ? t.commissioner2 : t.commissioner;
    expect(await stepTakenBy(loser, t.id, "award.confirmed")).toEqual({ by: winner.name, at: event.at });
  });
});
