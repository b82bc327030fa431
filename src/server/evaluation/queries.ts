import "server-only";
import { cache } from "react";
import { PANEL_ROLES } from "@/domain/roles";
import { can } from "../policy";
import { effectiveStatus, tenderStage } from "@/domain/tender-lifecycle";
import { shapingUnderway } from "../tenders/queries";
import type { Actor } from "../auth/actor";
import type { PanelRole } from "@/generated/prisma/enums";
import { listBidsForEvaluation } from "../bids/queries";
import { db } from "../db";
import { Forbidden, NotFound } from "../errors";
import { assertConsented } from "../consent-gate";
import { checkQuorum } from "./quorum";
import { currentResults, memberStatus } from "./results";
import { isId } from "../ids";
import { themesByCriterion } from "../shaping/shaping-summary";

// Reads for panel members. Two rules live here, in the queries:
// blind scoring (nobody sees another member's scores until they have
// submitted all of their own, or moderation has started) and technicians'
// anonymity ("Young commissioner A" to everyone but the chair and themselves).

const AFTER_EVALUATION = ["MODERATION", "AWARD_PENDING_SIGNOFF", "STANDSTILL", "AWARDED"];

async function mySeat(actor: Actor, tenderId: string) {
  if (!isId(tenderId) || !can(actor, "panel.sit")) throw new NotFound("We could not find that panel.");
  await assertConsented(db, actor);
  const seat = await db.panelMember.findFirst({
    where: { tenderId, userId: actor.id, status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
    include: {
      conflictDeclarations: true,
      tender: {
        select: {
          id: true,
          title: true,
          reference: true,
          status: true,
          submissionDeadline: true,
          aggregationRule: true,
          anonymiseBids: true,
          contractTermMonths: true,
          establishment: { select: { name: true } },
          awardDecisions: { where: { status: "PENDING_SIGNOFF" }, select: { id: true }, take: 1 },
          shapingStage: { select: { status: true } },
        },
      },
    },
  });
  if (!seat) throw new NotFound("We could not find that panel.");
  return seat;
}

export function displayName(
  member: { id: string; role: string; anonymousLabel: string | null; user: { name: string } },
  viewer: { seatId: string; isChair: boolean },
): string {
  if (member.role !== "TECHNICIAN" || viewer.isChair || viewer.seatId === member.id) return member.user.name;
  return `Young commissioner ${member.anonymousLabel ?? "?"}`;
}

/**
 * "Bid A", "Bid B"… for a tender that scores anonymised bids, during
 * evaluation. Lettered in the order of the bids' random ids, not by name, so
 * the conflict list (by name) does not give the letters away.
 */
export function anonymousLabels(bidIds: string[]): Map<string, string> {
  const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String(i + 1));
  return new Map([...bidIds].sort().map((id, i) => [id, `Bid ${letter(i)}`]));
}

/** A panel member's page for one tender: declarations, bids to score, progress; for the chair, everyone's progress. */
async function loadPanelWorkspace(actor: Actor, tenderId: string, now: Date) {
  const seat = await mySeat(actor, tenderId);
  const status = effectiveStatus(seat.tender.status, seat.tender.submissionDeadline, now);
  const evaluating = status === "EVALUATION" || AFTER_EVALUATION.includes(status);
  const bidders = evaluating
    ? await db.bid.findMany({
        where: { tenderId, status: "SUBMITTED" },
        select: { organisation: { select: { id: true, name: true } } },
        orderBy: { organisation: { name: "asc" } },
      })
    : [];
  const declaredIds = new Set(seat.conflictDeclarations.map((d) => d.organisationId));
  const declared = bidders.length > 0 && bidders.every((b) => declaredIds.has(b.organisation.id));
  const excluded = seat.conflictDeclarations.some((d) => d.hasConflict);
  const mayScore = declared && !excluded && seat.status === "ACCEPTED";
  const anonymised = seat.tender.anonymiseBids && status === "EVALUATION";
  const listed = mayScore ? await listBidsForEvaluation(actor, tenderId, now) : [];
  const labels = anonymised ? anonymousLabels(listed.map((b) => b.id)) : null;
  const bids = labels
    ? listed
        .map((b) => ({ ...b, organisation: { id: "", name: labels.get(b.id)! } }))
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))
    : listed;
  const criteria = await db.criterion.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, kind: true, weight: true },
  });
  const qualityCount = criteria.filter((c) => c.kind === "QUALITY").length;
  const myScores = await db.score.findMany({ where: { panelMemberId: seat.id }, select: { bidId: true, status: true } });
  const progress = bids.map((b, i) => ({
    ...b,
    // What the panel calls the bid: its letter when anonymised (the name is the letter too), else its place in the list.
    label: labels ? b.organisation.name : `Bid ${i + 1}`,
    submitted: myScores.filter((s) => s.bidId === b.id && s.status === "SUBMITTED").length >= qualityCount,
    started: myScores.some((s) => s.bidId === b.id),
  }));

  let chair: null | {
    members: { id: string; name: string; role: PanelRole; state: string; submitted: boolean; absent: boolean; conflict: boolean }[];
    quorum: ReturnType<typeof checkQuorum>;
  } = null;
  if (seat.isChair && evaluating) {
    const members = await db.panelMember.findMany({
      where: { tenderId, status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
      include: { conflictDeclarations: true, user: { select: { name: true } } },
      orderBy: [{ role: "asc" }, { anonymousLabel: "asc" }],
    });
    const rows = members.map((m) => ({
      id: m.id,
      name: m.user.name,
      role: m.role,
      status: memberStatus(m),
      submitted: m.scoresSubmittedAt !== null,
    }));
    chair = {
      quorum: checkQuorum(rows),
      members: members.map((m, i) => ({
        id: m.id,
        name: m.user.name,
        role: m.role,
        state: rows[i]!.status,
        submitted: rows[i]!.submitted,
        absent: m.markedAbsentAt !== null,
        conflict: m.conflictDeclarations.some((d) => d.hasConflict),
      })),
    };
  }
  return {
    seat: {
      id: seat.id,
      role: seat.role,
      status: seat.status,
      isChair: seat.isChair,
      anonymousLabel: seat.anonymousLabel,
      scoresSubmittedAt: seat.scoresSubmittedAt,
      markedAbsentAt: seat.markedAbsentAt,
    },
    tender: {
      ...seat.tender,
      effectiveStatus: status,
      stage: tenderStage(status, {
        awaitingSignOff: seat.tender.awardDecisions.length > 0,
        shaping: shapingUnderway(seat.tender.shapingStage),
      }),
    },
    bidders: bidders.map((b) => b.organisation),
    declared,
    excluded,
    mayScore,
    anonymised,
    bids: progress,
    criteria,
    chair,
  };
}

/** A panel member's page for one tender. Once per request (React cache): the page and its title share one load. */
export const getPanelWorkspace = cache(loadPanelWorkspace);

/** One bid to score: its submitted content next to the member's own scores, and nobody else's. */
export async function getScoringSheet(actor: Actor, tenderId: string, bidId: string, now: Date) {
  const workspace = await getPanelWorkspace(actor, tenderId, now);
  const bid = workspace.bids.find((b) => b.id === bidId);
  if (!bid) throw new NotFound("We could not find that bid.");
  const criteria = await db.criterion.findMany({ where: { tenderId }, orderBy: { position: "asc" } });
  const [mine, themes] = await Promise.all([
    db.score.findMany({
      where: { panelMemberId: workspace.seat.id, bidId },
      select: { criterionId: true, score: true, reason: true, status: true },
    }),
    // Beside each criterion, the themes young people raised that it answers (issue 24).
    themesByCriterion(db, tenderId),
  ]);
  return { workspace, bid, criteria, mine, themes };
}

/**
 * The seat and tender a moderation page needs, without loading any bid's content.
 * Once per request (React cache): the moderation page's title reads it too.
 */
export const moderationSeat = cache(async function moderationSeat(actor: Actor, tenderId: string, now: Date) {
  const seat = await mySeat(actor, tenderId);
  if (seat.status === "STEPPED_BACK")
    throw new Forbidden("You have stepped back from this panel, so its moderation is no longer shown to you.");
  // A declared conflict of interest excludes the member from the whole tender's evaluation (policy: evaluatesTenderWhere).
  if (seat.conflictDeclarations.some((d) => d.hasConflict))
    throw new Forbidden("You declared a conflict of interest on this tender, so its moderation is not shown to you.");
  const status = effectiveStatus(seat.tender.status, seat.tender.submissionDeadline, now);
  return {
    seat: { id: seat.id, role: seat.role, status: seat.status, isChair: seat.isChair, scoresSubmittedAt: seat.scoresSubmittedAt },
    tender: { ...seat.tender, effectiveStatus: status },
  };
});

/**
 * Moderation, overview first: the ranking with every criterion score and its
 * divergence flag per bid (no votes or reasons: those are on each bid's own
 * page, getModerationBid). Before moderation, only visible to a member who has
 * submitted all their scores; otherwise `visible: false` and nothing else.
 */
export async function getModerationView(actor: Actor, tenderId: string, now: Date) {
  const workspace = await moderationSeat(actor, tenderId, now);
  const status = workspace.tender.effectiveStatus;
  const othersVisible = AFTER_EVALUATION.includes(status) || (status === "EVALUATION" && workspace.seat.scoresSubmittedAt !== null);
  if (!othersVisible) return { workspace, visible: false as const };
  const computed = await currentResults(tenderId);
  const { panelMembers, criteria } = computed;
  const labels =
    workspace.tender.anonymiseBids && status === "EVALUATION" ? anonymousLabels(computed.result.bids.map((b) => b.bidId)) : null;
  const result = labels
    ? { ...computed.result, bids: computed.result.bids.map((b) => ({ ...b, label: labels.get(b.bidId)! })) }
    : computed.result;
  const viewer = { seatId: workspace.seat.id, isChair: workspace.seat.isChair };
  const names = new Map(panelMembers.map((m) => [m.id, displayName(m, viewer)]));
  const columns = panelMembers
    .filter((m) => memberStatus(m) === "COUNTED" || memberStatus(m) === "ABSENT")
    // Commissioners first, then young commissioners (the order of PANEL_ROLES), each by name.
    .sort(
      (a, b) => PANEL_ROLES.indexOf(a.role) - PANEL_ROLES.indexOf(b.role) || (names.get(a.id) ?? "").localeCompare(names.get(b.id) ?? ""),
    )
    .map((m) => ({ id: m.id, name: names.get(m.id)!, role: m.role, mine: m.id === workspace.seat.id }));
  return {
    workspace,
    visible: true as const,
    result,
    criteria,
    columns,
    notCounted: {
      excluded: result.notCounted.excluded.map((id) => names.get(id)!),
      withdrawn: result.notCounted.withdrawn.map((id) => names.get(id)!),
      absent: result.notCounted.absent.map((id) => names.get(id)!),
    },
  };
}

/**
 * One bid in moderation, on demand: every counted member's score, reason and
 * revisions per criterion, next to the bid's place in the ranking. Same
 * visibility as the overview; a bid not in this tender's results is NotFound.
 */
export async function getModerationBid(actor: Actor, tenderId: string, bidId: string, now: Date) {
  const view = await getModerationView(actor, tenderId, now);
  if (!view.visible) return { ...view, bid: null, scores: [] };
  const index = view.result.bids.findIndex((b) => b.bidId === bidId);
  if (index < 0) throw new NotFound("We could not find that bid.");
  const scores = await db.score.findMany({
    where: { status: "SUBMITTED", bidId, bid: { tenderId, status: "SUBMITTED" } },
    select: {
      id: true,
      panelMemberId: true,
      bidId: true,
      criterionId: true,
      score: true,
      reason: true,
      revisions: { orderBy: { revisedAt: "asc" }, select: { previousScore: true, newScore: true, revisionReason: true, revisedAt: true } },
    },
  });
  return {
    ...view,
    bid: view.result.bids[index]!,
    previous: view.result.bids[index - 1] ?? null,
    next: view.result.bids[index + 1] ?? null,
    scores,
  };
}
