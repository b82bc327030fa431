import "server-only";
import { cache } from "react";
import { londonDateKey } from "@/domain/london-time";
import { shapingAllows, type ShapingStatus } from "@/domain/shaping-stage";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { authorize, can, panelCandidatesWhere, shapingStagesReadableWhere } from "../policy";
import { loadStage } from "./load-stage";

// Reads of shaping stages for the pages. Each takes the Actor: a stage the actor may not know of is "not found"
// (loadStage), and a list holds only what `shaping.read` allows (shapingStagesReadableWhere).

/** The stage with what the policy needs, once per request (the layout and the page both ask). */
export const getStage = cache(async function getStage(actor: Actor, stageId: string) {
  return loadStage(db, actor, stageId);
});

/** Everything the stage's overview page shows, cut to what this actor may see. */
export async function getStageOverview(actor: Actor, stageId: string, now: Date) {
  const stage = await getStage(actor, stageId);
  const manages = can(actor, "shaping.manage", stage);
  const facilitates = can(actor, "shaping.facilitate", stage);
  const contributes = can(actor, "shaping.contribute", stage);
  const readsViews = can(actor, "shaping.readViews", stage);
  const [detail, bySource, waiting, myAnswers, sessions] = await Promise.all([
    db.shapingStage.findUniqueOrThrow({
      where: { id: stage.id },
      select: {
        purpose: true,
        gatheringFrom: true,
        gatheringUntil: true,
        gatheringOpenedAt: true,
        gatheringClosedAt: true,
        rankingClosedAt: true,
        version: true,
        tender: { select: { establishment: { select: { name: true } } } },
        questions: { orderBy: { position: "asc" }, select: { id: true, position: true, text: true, easyRead: true } },
        members: {
          orderBy: [{ role: "asc" }, { invitedAt: "asc" }],
          select: { id: true, userId: true, role: true, status: true, isFacilitator: true, user: { select: { name: true } } },
        },
      },
    }),
    // Counts only (no text): the checked views any reader may count, and every view for the facilitators.
    db.shapingView.groupBy({
      by: ["source"],
      where: { stageId: stage.id, check: readsViews ? { in: facilitates ? ["WAITING", "ACCEPTED"] : ["ACCEPTED"] } : "ACCEPTED" },
      _count: { _all: true },
    }),
    facilitates ? db.shapingView.count({ where: { stageId: stage.id, check: "WAITING" } }) : Promise.resolve(0),
    contributes ? db.shapingView.count({ where: { stageId: stage.id, source: "MEMBER", authorId: actor.id } }) : Promise.resolve(0),
    db.shapingSession.aggregate({ where: { stageId: stage.id }, _count: { _all: true }, _sum: { participantCount: true } }),
  ]);
  const count = (source: "MEMBER" | "SESSION" | "CODE") => bySource.find((r) => r.source === source)?._count._all ?? 0;
  const accepted = (role: "TECHNICIAN" | "COMMISSIONER") => detail.members.filter((m) => m.role === role && m.status === "ACCEPTED").length;
  return {
    id: stage.id,
    status: stage.status as ShapingStatus,
    ...detail,
    tender: { ...stage.tender, establishmentName: detail.tender.establishment.name },
    // Names are for the people running the stage; everyone else reads how many take part.
    members: manages || facilitates ? detail.members : [],
    acceptedYoungCommissioners: accepted("TECHNICIAN"),
    acceptedCommissioners: accepted("COMMISSIONER"),
    facilitators: detail.members.filter((m) => m.status === "ACCEPTED" && m.isFacilitator).length,
    views: { member: count("MEMBER"), session: count("SESSION"), code: count("CODE") },
    sessions: { count: sessions._count._all, participants: sessions._sum.participantCount ?? 0 },
    waitingChecks: waiting,
    myAnswers,
    myMembership: stage.members.find((m) => m.userId === actor.id)?.status ?? null,
    today: londonDateKey(now),
    viewer: {
      manages,
      facilitates,
      contributes,
      governs: !manages && !facilitates && !can(actor, "shaping.rank", stage),
      invited: false,
    },
  };
}

export type StageOverview = Awaited<ReturnType<typeof getStageOverview>>;

/** The stages the actor takes part in or governs, newest first, and the invitations waiting for their answer. */
export async function listStagesForActor(actor: Actor) {
  const [stages, invitations] = await Promise.all([
    db.shapingStage.findMany({
      where: shapingStagesReadableWhere(actor),
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 100,
      select: {
        id: true,
        status: true,
        gatheringFrom: true,
        gatheringUntil: true,
        tender: { select: { id: true, title: true, reference: true, establishment: { select: { name: true } } } },
      },
    }),
    db.shapingMember.findMany({
      where: { userId: actor.id, status: "INVITED", stage: { status: { not: "CLOSED" }, tender: { status: "DRAFT" } } },
      orderBy: { invitedAt: "desc" },
      take: 50,
      select: {
        id: true,
        role: true,
        isFacilitator: true,
        invitedBy: { select: { name: true } },
        stage: {
          select: {
            id: true,
            purpose: true,
            gatheringFrom: true,
            gatheringUntil: true,
            tender: { select: { title: true, establishment: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  return { stages, invitations };
}

/** The people a commissioner may invite to a stage: enabled commissioners and young commissioners not invited or taking part already. */
export async function listStageCandidates(actor: Actor, stageId: string) {
  const stage = await getStage(actor, stageId);
  if (!can(actor, "shaping.manage", stage)) return [];
  return db.user.findMany({
    where: {
      ...panelCandidatesWhere(),
      id: { not: stage.tender.createdById },
      shapingMemberships: { none: { stageId: stage.id, status: { in: ["INVITED", "ACCEPTED"] } } },
    },
    select: { id: true, name: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    take: 500,
  });
}

/** A young commissioner's own answers, question by question (they always read their own, checked or not). */
export async function getMyAnswers(actor: Actor, stageId: string) {
  const stage = await getStage(actor, stageId);
  authorize(actor, "shaping.contribute", stage);
  const questions = await db.shapingQuestion.findMany({
    where: { stageId: stage.id },
    orderBy: { position: "asc" },
    select: {
      id: true,
      text: true,
      easyRead: true,
      views: { where: { authorId: actor.id, source: "MEMBER" }, select: { text: true, quoteConsent: true, check: true, updatedAt: true } },
    },
  });
  return {
    id: stage.id,
    status: stage.status,
    tender: stage.tender,
    open: shapingAllows.gatherViews(stage.status),
    questions: questions.map(({ views, ...q }) => ({ ...q, answer: views[0] ?? null })),
  };
}

/** The focus groups and workshops recorded on a stage, newest first, with what was said: for its facilitators. */
export async function getStageSessions(actor: Actor, stageId: string, now: Date) {
  const stage = await getStage(actor, stageId);
  authorize(actor, "shaping.facilitate", stage);
  const [detail, sessions] = await Promise.all([
    db.shapingStage.findUniqueOrThrow({
      where: { id: stage.id },
      select: {
        gatheringFrom: true,
        gatheringUntil: true,
        questions: { orderBy: { position: "asc" }, select: { id: true, position: true, text: true } },
      },
    }),
    db.shapingSession.findMany({
      where: { stageId: stage.id },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      take: 200,
      select: {
        id: true,
        kind: true,
        heldOn: true,
        setting: true,
        participantCount: true,
        ageBands: true,
        recordedBy: { select: { name: true } },
        views: { orderBy: { createdAt: "asc" }, select: { id: true, questionId: true, text: true } },
      },
    }),
  ]);
  return {
    id: stage.id,
    status: stage.status,
    tender: stage.tender,
    open: shapingAllows.gatherViews(stage.status),
    today: londonDateKey(now),
    ...detail,
    sessions,
  };
}
