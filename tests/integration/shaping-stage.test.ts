// Opening a shaping stage, its people and its lifecycle (issue 24, gathering views).
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SHAPING_QUESTIONS } from "@/domain/shaping-stage";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { Conflict, Forbidden, NotFound } from "@/server/errors";
import { changeStage } from "@/server/shaping/change-stage";
import { inviteStageMember } from "@/server/shaping/invite-member";
import { openStage, STAGE_EXISTS } from "@/server/shaping/open-stage";
import { getStageOverview, listStagesForActor } from "@/server/shaping/queries";
import { respondToStageInvitation, stepBackFromStage } from "@/server/shaping/respond-to-invitation";
import { getTenderForCommissioner, listTendersForCommissioner } from "@/server/tenders/queries";
import { publishedTender } from "../fixtures/tender-builders";
import { fieldErrors } from "../fixtures/expect-invalid";
import { createActor } from "../fixtures/factories";
import { draftTender, SHAPING_NOW as NOW, shapingWorld } from "../fixtures/shaping-gather-builders";

const SET_UP = { purpose: "Health care that young people trust.", gatheringFrom: "2026-11-24", gatheringUntil: "2026-12-18" };

let commissioner: Actor;
let tenderId: string;

beforeEach(async () => {
  commissioner = await createActor("COMMISSIONER");
  ({ tenderId } = await draftTender(commissioner));
});

describe("opening a shaping stage", () => {
  it("makes the stage in PLANNING with the four default questions and an audit event; the tender stays a draft, shown as Shaping", async () => {
    const { id } = await openStage(commissioner, tenderId, { ...SET_UP, purpose: "  Santé: what matters to you? 🙂  " }, NOW);
    const stage = await db.shapingStage.findUniqueOrThrow({ where: { id }, include: { questions: { orderBy: { position: "asc" } } } });
    expect(stage.status).toBe("PLANNING");
    expect(stage.purpose).toBe("Santé: what matters to you? 🙂");
    expect(stage.gatheringFrom.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(stage.gatheringUntil.toISOString()).toBe("2026-12-18T00:00:00.000Z");
    expect(stage.questions.map((q) => [q.position, q.text, q.easyRead])).toEqual(
      DEFAULT_SHAPING_QUESTIONS.map((q, i) => [i + 1, q.text, q.easyRead]),
    );
    expect(await db.auditEvent.count({ where: { action: "shaping.stage_opened", entityId: id, tenderId } })).toBe(1);
    const tender = await getTenderForCommissioner(commissioner, tenderId, NOW);
    expect(tender.status).toBe("DRAFT");
    expect(tender.stage).toBe("SHAPING");
    const shaping = await listTendersForCommissioner(commissioner, { status: "SHAPING" }, NOW);
    expect(shaping.map((t) => t.id)).toContain(tenderId);
    expect((await listTendersForCommissioner(commissioner, { status: "DRAFT" }, NOW)).map((t) => t.id)).not.toContain(tenderId);
  });

  it("refuses bad input by the field and writes nothing", async () => {
    expect(await fieldErrors(openStage(commissioner, tenderId, { purpose: "   ", gatheringFrom: "", gatheringUntil: "" }, NOW))).toEqual({
      purpose: "Say what the service is for and what you want to learn",
      gatheringFrom: "Enter the first day of gathering views",
      gatheringUntil: "Enter the last day of gathering views",
    });
    expect(
      await fieldErrors(openStage(commissioner, tenderId, { ...SET_UP, gatheringFrom: "2026-11-23", gatheringUntil: "2026-02-30" }, NOW)),
    ).toEqual({
      gatheringFrom: "The first day of gathering views cannot be in the past",
      gatheringUntil: "Enter a real date for the last day, like 2027-02-12",
    });
    expect(await fieldErrors(openStage(commissioner, tenderId, { ...SET_UP, gatheringUntil: "2026-11-23" }, NOW))).toEqual({
      gatheringUntil: "The last day must be the same as or after the first day",
    });
    expect(await fieldErrors(openStage(commissioner, tenderId, { ...SET_UP, purpose: "x".repeat(2_001) }, NOW))).toEqual({
      purpose: "The purpose must be 2,000 characters or fewer",
    });
    expect(await db.shapingStage.count({ where: { tenderId } })).toBe(0);
  });

  it("takes today in London: just after midnight BST on 1 June, 31 May is the past", async () => {
    const june = new Date("2027-05-31T23:30:00Z"); // 00:30 on 1 June in London
    const { tenderId: t } = await draftTender(commissioner, undefined, june);
    expect(
      await fieldErrors(openStage(commissioner, t, { ...SET_UP, gatheringFrom: "2027-05-31", gatheringUntil: "2027-06-30" }, june)),
    ).toEqual({
      gatheringFrom: "The first day of gathering views cannot be in the past",
    });
    await expect(
      openStage(commissioner, t, { ...SET_UP, gatheringFrom: "2027-06-01", gatheringUntil: "2027-06-01" }, june),
    ).resolves.toBeTruthy();
  });

  it("is for the commissioners running a draft tender only", async () => {
    const colleague = await createActor("COMMISSIONER");
    await expect(openStage(colleague, tenderId, SET_UP, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(openStage(await createActor("TECHNICIAN"), tenderId, SET_UP, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(openStage(commissioner, "not-an-id", SET_UP, NOW)).rejects.toBeInstanceOf(NotFound);
    const published = await publishedTender({ deadline: new Date("2026-12-18T17:00:00Z") });
    await expect(openStage(published.commissioner, published.id, SET_UP, NOW)).rejects.toBeInstanceOf(Conflict);
    expect(await db.shapingStage.count({ where: { tenderId: { in: [tenderId, published.id] } } })).toBe(0);
  });

  it("makes one stage when two opens arrive at once; the second is told the stage exists", async () => {
    const results = await Promise.allSettled([
      openStage(commissioner, tenderId, SET_UP, NOW),
      openStage(commissioner, tenderId, SET_UP, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Conflict);
    expect(refused.reason.message).toBe(STAGE_EXISTS);
    expect(await db.shapingStage.count({ where: { tenderId } })).toBe(1);
    expect(await db.shapingQuestion.count({ where: { stage: { tenderId } } })).toBe(4);
    expect(await db.auditEvent.count({ where: { action: "shaping.stage_opened", tenderId } })).toBe(1);
  });
});

describe("people", () => {
  it("invites a young commissioner, who accepts (with consent) and then reads the stage; declining and stepping back are kept", async () => {
    const { id: stageId } = await openStage(commissioner, tenderId, SET_UP, NOW);
    const tech = await createActor("TECHNICIAN");
    const { id } = await inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW);
    expect((await listStagesForActor(tech)).invitations.map((i) => i.id)).toEqual([id]);
    await expect(getStageOverview(tech, stageId, NOW)).rejects.toBeInstanceOf(NotFound);
    expect(await db.notification.count({ where: { userId: tech.id, href: "/shaping" } })).toBe(1);
    await respondToStageInvitation(tech, id, true, NOW);
    const seen = await getStageOverview(tech, stageId, NOW);
    expect(seen.viewer).toMatchObject({ contributes: true, manages: false });
    // Young commissioners read how many take part, never the names.
    expect(seen.members).toEqual([]);
    expect((await listStagesForActor(tech)).stages.map((s) => s.id)).toEqual([stageId]);
    await expect(respondToStageInvitation(tech, id, false, NOW)).rejects.toBeInstanceOf(Conflict);
    await stepBackFromStage(tech, stageId, NOW);
    await expect(getStageOverview(tech, stageId, NOW)).rejects.toBeInstanceOf(NotFound);
    expect(await db.auditEvent.count({ where: { entityId: id, action: { startsWith: "shaping." } } })).toBe(3);
    // Asked again after stepping back.
    await inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW);
    expect((await db.shapingMember.findUniqueOrThrow({ where: { id } })).status).toBe("INVITED");
  });

  it("a young commissioner without consent cannot accept, but can decline", async () => {
    const { id: stageId } = await openStage(commissioner, tenderId, SET_UP, NOW);
    const tech = await createActor("TECHNICIAN", { consented: false });
    const { id } = await inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW);
    await expect(respondToStageInvitation(tech, id, true, NOW)).rejects.toBeInstanceOf(Forbidden);
    await respondToStageInvitation(tech, id, false, NOW);
    expect((await db.shapingMember.findUniqueOrThrow({ where: { id } })).status).toBe("DECLINED");
  });

  it("refuses inviting the wrong people, twice, or as facilitator a young commissioner; only the invited person answers", async () => {
    const { id: stageId } = await openStage(commissioner, tenderId, SET_UP, NOW);
    const tech = await createActor("TECHNICIAN");
    expect(await fieldErrors(inviteStageMember(commissioner, stageId, {}, NOW))).toEqual({ userId: "Select who to invite" });
    const governor = await createActor("GOVERNOR");
    expect(await fieldErrors(inviteStageMember(commissioner, stageId, { userId: governor.id }, NOW))).toEqual({
      userId: "Select a commissioner or young commissioner from the list",
    });
    expect(await fieldErrors(inviteStageMember(commissioner, stageId, { userId: tech.id, facilitator: "yes" }, NOW))).toEqual({
      facilitator: "Only a commissioner can be a facilitator",
    });
    const { id } = await inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW);
    expect((await fieldErrors(inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW))).userId).toMatch(/already invited/);
    await expect(inviteStageMember(await createActor("COMMISSIONER"), stageId, { userId: tech.id }, NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(respondToStageInvitation(await createActor("TECHNICIAN"), id, true, NOW)).rejects.toBeInstanceOf(NotFound);
  });

  it("a commissioner marked facilitator facilitates once they accept", async () => {
    const { stageId, facilitator } = await shapingWorld();
    const seen = await getStageOverview(facilitator, stageId, NOW);
    expect(seen.viewer).toMatchObject({ facilitates: true, manages: false });
    expect(seen.members.length).toBeGreaterThan(0);
  });
});

describe("the stage's lifecycle", () => {
  it("opens gathering only with a question and an accepted young commissioner, then closes gathering and ranking, each audited", async () => {
    const { id: stageId } = await openStage(commissioner, tenderId, SET_UP, NOW);
    const refused = await changeStage(commissioner, stageId, { action: "openGathering" }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toMatch(/young commissioner must accept/);
    const tech = await createActor("TECHNICIAN");
    const { id } = await inviteStageMember(commissioner, stageId, { userId: tech.id }, NOW);
    await respondToStageInvitation(tech, id, true, NOW);
    await changeStage(commissioner, stageId, { action: "openGathering", version: 1 }, NOW);
    let stage = await db.shapingStage.findUniqueOrThrow({ where: { id: stageId } });
    expect([stage.status, stage.version, stage.gatheringOpenedAt?.toISOString()]).toEqual(["GATHERING", 2, NOW.toISOString()]);
    expect(await db.notification.count({ where: { userId: tech.id, href: `/shaping/${stageId}/answer` } })).toBe(1);
    await expect(changeStage(commissioner, stageId, { action: "openGathering" }, NOW)).rejects.toBeInstanceOf(Conflict);
    await expect(changeStage(commissioner, stageId, { action: "closeRanking" }, NOW)).rejects.toBeInstanceOf(Conflict);
    // A stale version: someone moved it meanwhile.
    await expect(changeStage(commissioner, stageId, { action: "closeGathering", version: 1 }, NOW)).rejects.toBeInstanceOf(Conflict);
    await changeStage(commissioner, stageId, { action: "closeGathering", version: 2 }, NOW);
    await changeStage(commissioner, stageId, { action: "closeRanking" }, NOW);
    stage = await db.shapingStage.findUniqueOrThrow({ where: { id: stageId } });
    expect(stage.status).toBe("CLOSED");
    const actions = (await db.auditEvent.findMany({ where: { entityId: stageId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["shaping.stage_opened", "shaping.gathering_opened", "shaping.gathering_closed", "shaping.ranking_closed"]);
    // Once the stage is done, the tender reads as a draft again.
    expect((await getTenderForCommissioner(commissioner, tenderId, NOW)).stage).toBe("DRAFT");
  });

  it("only the commissioners running the tender move it; an unknown step is not found; two at once move it once", async () => {
    const { stageId, facilitator, young, commissioner: runner } = await shapingWorld();
    await expect(changeStage(facilitator, stageId, { action: "openGathering" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(changeStage(young[0]!, stageId, { action: "openGathering" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(changeStage(runner, stageId, { action: "publish" }, NOW)).rejects.toBeInstanceOf(NotFound);
    const results = await Promise.allSettled([
      changeStage(runner, stageId, { action: "openGathering" }, NOW),
      changeStage(runner, stageId, { action: "openGathering" }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: stageId, action: "shaping.gathering_opened" } })).toBe(1);
  });

  it("a governor of the establishment reads the stage (results only, no names); another governor does not know it exists", async () => {
    const { stageId, establishmentId } = await shapingWorld();
    const governor = await createActor("GOVERNOR", { establishmentIds: [establishmentId] });
    const seen = await getStageOverview(governor, stageId, NOW);
    expect(seen.viewer).toMatchObject({ governs: true, manages: false, facilitates: false, contributes: false });
    expect(seen.members).toEqual([]);
    expect((await listStagesForActor(governor)).stages.map((s) => s.id)).toEqual([stageId]);
    const other = await createActor("GOVERNOR", { establishmentIds: [] });
    await expect(getStageOverview(other, stageId, NOW)).rejects.toBeInstanceOf(NotFound);
  });
});
