// The demo's Feltham re-tender arrives shaped with young people (issue 24): the stage closed, two focus groups of
// 17 young people, 11 anonymous answers, 6 ranked themes, requirements and criteria linked, the young
// commissioners agreed — so it publishes as it is.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor } from "@/server/auth/load-actor";
import { DEMO_TENDER_REFERENCE, seedDemo } from "@/server/demo/demo-scenario";
import { getSpecificationPage, getTenderGate } from "@/server/shaping/theme-queries";
import { publishTender } from "@/server/tenders/publish-tender";

describe("the demo's finished shaping stage", { timeout: 180_000 }, () => {
  it("is closed, ranked, linked and agreed; the tender publishes", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    await seedDemo({ password: "demo-pass-2026", now });
    const tender = await db.tender.findUniqueOrThrow({ where: { reference: DEMO_TENDER_REFERENCE }, include: { shapingStage: true } });
    const stage = tender.shapingStage!;
    expect(stage.status).toBe("CLOSED");
    const sessions = await db.shapingSession.findMany({ where: { stageId: stage.id } });
    expect(sessions.map((s) => s.participantCount).reduce((a, b) => a + b, 0)).toBe(17);
    expect(await db.oneTimeCode.count({ where: { stageId: stage.id, usedAt: { not: null } } })).toBe(11);
    expect(await db.shapingTheme.count({ where: { stageId: stage.id } })).toBe(6);
    expect(await db.shapingView.count({ where: { stageId: stage.id, check: "ACCEPTED", themes: { none: {} } } })).toBe(0);
    const priya = (await loadActor(tender.createdById))!;
    const spec = await getSpecificationPage(priya, stage.id);
    expect(spec.priorities).toHaveLength(6);
    expect(spec.unanswered).toEqual([]);
    expect((await getTenderGate(tender.id))!.gate).toMatchObject({ state: "AGREED", agree: 2, members: 2 });
    // Seeding again changes nothing.
    await seedDemo({ password: "demo-pass-2026", now });
    expect(await db.shapingStage.count({ where: { tenderId: tender.id } })).toBe(1);
    await publishTender(priya, tender.id, {}, now);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).status).toBe("PUBLISHED");
  });
});
