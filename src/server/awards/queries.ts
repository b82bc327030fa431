import "server-only";
import { cache } from "react";
import { tenderStage } from "@/domain/tender-lifecycle";
import { runsTender, can, establishmentGovernorsWhere, establishmentScopeWhere, tendersRunByWhere } from "../policy";
import { refuseTenderDetails } from "../tenders/queries";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { currentResults } from "../evaluation/results";
import { parseAwardSummary, storedSummaries, type AwardSummary } from "./award-summary";
import { buildOutcomeLetter } from "./outcome-letter";
import { standstillView } from "./standstill-view";
import { isId } from "../ids";
import { panelReview } from "../representations/queries";
import { checkpointOfEvent, checkpointsOfEvents, formatCheckpoint } from "../audit-trail/checkpoint";
import { conflictsStatement, decisionMakersSentence } from "@/domain/psr-notices";
import { declaredConflicts } from "../notices/psr-notice";

// Reads for awards. Governors see only decisions of their own establishments
// (the establishment is in every `where`); providers only their own letter;
// evaluators never appear by name outside the panel.

const signOffSelect = {
  id: true,
  decision: true,
  typedName: true,
  comment: true,
  contentHash: true,
  signedAt: true,
  voidedAt: true,
  signerRole: true,
  signer: { select: { name: true } },
} as const;

/** The award page of the commissioners running the tender: the frozen ranking, every recommendation and the governor's decisions. */
async function loadAwardForCommissioner(actor: Actor, tenderId: string) {
  if (!can(actor, "award.read") || !isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findFirst({
    where: { AND: [{ id: tenderId }, tendersRunByWhere(actor)] },
    select: {
      id: true,
      title: true,
      reference: true,
      status: true,
      createdById: true,
      rankingFrozenAt: true,
      establishment: { select: { id: true, name: true } },
      panelMembers: { select: { userId: true, role: true, status: true } },
      contract: { select: { id: true } },
      shapingStage: { select: { id: true } },
      awardDecisions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          status: true,
          createdAt: true,
          contentHash: true,
          justification: true,
          standstillStartsOn: true,
          standstillEndsAt: true,
          legacyLetterStandstillEndsAt: true,
          awardedAt: true,
          recommendedBy: { select: { name: true } },
          signOffs: { orderBy: { signedAt: "asc" }, select: signOffSelect },
        },
      },
    },
  });
  if (!tender) return refuseTenderDetails(actor, tenderId);
  const governors = await db.user.findMany({
    where: establishmentGovernorsWhere(tender.establishment.id),
    select: { name: true },
  });
  const live = tender.status === "AWARD_PENDING_SIGNOFF" ? (await currentResults(tenderId)).result : null;
  const summaries = await storedSummaries(db, tender.awardDecisions);
  const checkpoints = await checkpointsOfEvents(
    db,
    "SignOff",
    tender.awardDecisions.flatMap((d) => d.signOffs.map((s) => s.id)),
  );
  return {
    tender: {
      ...tender,
      // An award's tender is past its draft: never being shaped.
      stage: tenderStage(tender.status, {
        awaitingSignOff: tender.awardDecisions.some((d) => d.status === "PENDING_SIGNOFF"),
        shaping: false,
      }),
    },
    canManage: runsTender(actor, tender),
    governors: governors.map((g) => g.name),
    liveResult: live,
    decisions: tender.awardDecisions.map((d) => ({
      ...d,
      signOffs: d.signOffs.map((s) => ({ ...s, checkpoint: checkpoints.get(s.id) ?? null })),
      summary: summaries.get(d.id)!,
      standstill: standstillView(d),
    })),
  };
}

/** The award page's data. Once per request (React cache): the page and its title share one load. */
export const getAwardForCommissioner = cache(loadAwardForCommissioner);

/** Sign-off requests waiting for this governor, across their establishments. */
export async function listPendingAwardSignOffs(actor: Actor) {
  if (!can(actor, "award.listSignOffs")) return [];
  return db.awardDecision.findMany({
    where: { status: "PENDING_SIGNOFF", tender: { status: "AWARD_PENDING_SIGNOFF", establishmentId: { in: actor.establishmentIds } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      tender: { select: { id: true, title: true, reference: true, establishment: { select: { name: true } } } },
      recommendedBid: { select: { organisation: { select: { name: true } } } },
    },
  });
}

/** One award decision as its governor reads it, with the tender's earlier decisions for context. */
async function loadAwardSignOff(actor: Actor, awardDecisionId: string) {
  const notFound = new NotFound("We could not find that sign-off request.");
  if (!can(actor, "award.listSignOffs") || !isId(awardDecisionId)) throw notFound;
  const decision = await db.awardDecision.findFirst({
    where: { id: awardDecisionId, tender: { establishmentId: { in: actor.establishmentIds } } },
    select: {
      id: true,
      status: true,
      contentHash: true,
      createdAt: true,
      standstillStartsOn: true,
      standstillEndsAt: true,
      awardedAt: true,
      tender: { select: { id: true, status: true, title: true } },
      signOffs: { orderBy: { signedAt: "asc" }, select: signOffSelect },
    },
  });
  if (!decision) throw notFound;
  const earlier = await db.awardDecision.findMany({
    where: { tenderId: decision.tender.id, id: { not: decision.id }, createdAt: { lt: decision.createdAt } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      recommendedBid: { select: { organisation: { select: { name: true } } } },
      signOffs: { select: signOffSelect },
    },
  });
  const summary = (await storedSummaries(db, [decision])).get(decision.id)!;
  const checkpoints = await checkpointsOfEvents(
    db,
    "SignOff",
    decision.signOffs.map((s) => s.id),
  );
  const shapingStage = await db.shapingStage.findUnique({ where: { tenderId: decision.tender.id }, select: { id: true } });
  return {
    ...decision,
    signOffs: decision.signOffs.map((s) => ({ ...s, checkpoint: checkpoints.get(s.id) ?? null })),
    summary,
    standstill: standstillView(decision),
    earlier,
    votes: await votesBehind(summary),
    // The printable "You said, we did" for the wing (the governor may print it: policy "shaping.printSummary").
    shapingStageId: shapingStage?.id ?? null,
  };
}

/** The governor's sign-off page's data. Once per request (React cache): the page and its title share one load. */
export const getAwardSignOff = cache(loadAwardSignOff);

/**
 * The counted votes behind a frozen summary, for the governor's charts (roles
 * only, never who voted). Only when they still give exactly the totals the
 * governor is asked to sign; otherwise null and the page shows the summary alone.
 */
async function votesBehind(summary: AwardSummary) {
  const { result } = await currentResults(summary.tender.id);
  const frozen = new Map(summary.ranking.map((r) => [r.bidId, r.totalExact]));
  const bids = result.bids.filter((b) => frozen.has(b.bidId));
  if (bids.length !== frozen.size || bids.some((b) => b.total?.toString() !== frozen.get(b.bidId))) return null;
  return {
    ...result,
    bids: bids.map((b) => ({
      ...b,
      label: summary.ranking.find((r) => r.bidId === b.bidId)!.provider,
      cells: b.cells.map((c) => ({ ...c, votes: c.votes.map((v) => ({ ...v, memberId: "" })) })),
    })),
  };
}

/**
 * An outcome letter. Letters exist once the governor has approved. A provider
 * reads only their own organisation's; commissioners read any; a governor
 * reads those of their establishments. It never holds another bidder's scores
 * or an evaluator's name.
 */
/** Once per request (React cache): the letter page and its title read it. */
export const getOutcomeLetter = cache(async function getOutcomeLetter(actor: Actor, awardDecisionId: string, bidId?: string) {
  const notFound = new NotFound("We could not find that letter.");
  if (!isId(awardDecisionId) || (bidId !== undefined && !isId(bidId))) throw notFound;
  const establishments = establishmentScopeWhere(actor);
  const scope = establishments ? { tender: establishments } : can(actor, "letter.readAsBidder") ? {} : null;
  if (!scope) throw notFound;
  const decision = await db.awardDecision.findFirst({
    where: { id: awardDecisionId, status: { in: ["APPROVED", "REOPENED"] }, ...scope },
    select: {
      id: true,
      status: true,
      summary: true,
      standstillStartsOn: true,
      standstillEndsAt: true,
      legacyLetterStandstillEndsAt: true,
      awardedAt: true,
      tenderId: true,
      recommendedBy: { select: { name: true } },
      tender: { select: { establishment: { select: { name: true } } } },
      // The approval that issued the letters; a reopened decision's approval is void but issued them all the same.
      signOffs: {
        where: { decision: "APPROVED", signerRole: "GOVERNOR" },
        orderBy: { signedAt: "asc" },
        select: { id: true, signedAt: true, signerName: true, signer: { select: { name: true } } },
      },
    },
  });
  const standstill = decision && standstillView(decision);
  if (!decision || !standstill) throw notFound;
  const summary = parseAwardSummary(decision.summary);
  let bid;
  if (can(actor, "letter.readAsBidder")) {
    bid = actor.organisationId ? summary.ranking.find((r) => r.organisationId === actor.organisationId) : undefined;
    // Another bidder's letter address is "not found" for a provider, never their own letter under it.
    if (bidId !== undefined && bid?.bidId !== bidId) throw notFound;
  } else {
    bid = summary.ranking.find((r) => r.bidId === bidId);
  }
  if (!bid) throw notFound;
  const approval = decision.signOffs[0];
  const checkpoint = approval
    ? await checkpointOfEvent(db, { entityType: "SignOff", entityId: approval.id, action: "award.signoff_approved" })
    : null;
  return buildOutcomeLetter(summary, bid.bidId, {
    issuedAt: approval?.signedAt ?? new Date(0),
    standstill,
    legacyStandstillEndsAt: decision.legacyLetterStandstillEndsAt,
    awardedAt: decision.awardedAt,
    withdrawn: decision.status === "REOPENED",
    decisionMakers: decisionMakersSentence({
      recommendedBy: decision.recommendedBy.name,
      recommendedAt: new Date(summary.recommendedAt),
      approvedBy: decision.signOffs.map((s) => ({
        name: s.signerName ?? s.signer.name,
        establishment: decision.tender.establishment.name,
        signedAt: s.signedAt,
      })),
    }),
    conflicts: conflictsStatement(await declaredConflicts(db, decision.tenderId)),
    checkpoint: checkpoint ? formatCheckpoint(checkpoint) : null,
    awardDecisionId: decision.id,
  });
});

/** For commissioners and governors: which letters an approved decision produced. */
/** Once per request (React cache): the list page and its title read it. */
export const listLetters = cache(async function listLetters(actor: Actor, awardDecisionId: string) {
  const establishments = establishmentScopeWhere(actor);
  const scope = establishments ? { tender: establishments } : null;
  if (!scope || !isId(awardDecisionId)) throw new NotFound("We could not find those letters.");
  const decision = await db.awardDecision.findFirst({
    where: { id: awardDecisionId, status: "APPROVED", ...scope },
    select: { summary: true, tender: { select: { reference: true, title: true } } },
  });
  if (!decision) throw new NotFound("We could not find those letters.");
  return {
    tender: decision.tender,
    letters: parseAwardSummary(decision.summary).ranking.map((r) => ({ bidId: r.bidId, provider: r.provider })),
  };
});

/** A provider's outcome letters: approved decisions on tenders their organisation bid for. */
export async function listMyOutcomeLetters(actor: Actor) {
  if (!can(actor, "letter.readAsBidder") || !actor.organisationId) return [];
  const decisions = await db.awardDecision.findMany({
    where: {
      status: { in: ["APPROVED", "REOPENED"] },
      tender: { bids: { some: { organisationId: actor.organisationId, status: "SUBMITTED" } } },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, summary: true, tender: { select: { title: true, reference: true } } },
  });
  // Only decisions whose frozen ranking holds this organisation's bid have a letter for it.
  return decisions
    .filter((d) => parseAwardSummary(d.summary).ranking.some((r) => r.organisationId === actor.organisationId))
    .map((d) => ({ awardDecisionId: d.id, title: d.tender.title, reference: d.tender.reference }));
}

/**
 * "You said, we did": after the governor approves the award, a panel member
 * sees the outcome, the commissioner's note, and how their own scores sat
 * next to the counted figures that made the ranking.
 */
export async function getPanelOutcome(actor: Actor, tenderId: string) {
  const notFound = new NotFound("We could not find that outcome yet.");
  if (!can(actor, "award.panelOutcome") || !isId(tenderId)) throw notFound;
  const seat = await db.panelMember.findFirst({
    where: { tenderId, userId: actor.id, status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
    select: {
      id: true,
      status: true,
      keepSubmittedScores: true,
      markedAbsentAt: true,
      conflictDeclarations: { select: { hasConflict: true } },
      tender: { select: { title: true, status: true } },
    },
  });
  if (!seat) throw notFound;
  const decision = await db.awardDecision.findFirst({
    where: { tenderId, status: "APPROVED" },
    orderBy: { createdAt: "desc" },
    select: { summary: true, awardedAt: true, standstillStartsOn: true, standstillEndsAt: true },
  });
  if (!decision) throw notFound;
  const summary = parseAwardSummary(decision.summary);
  const mine = await db.score.findMany({
    where: { panelMemberId: seat.id, status: "SUBMITTED" },
    select: { bidId: true, criterionId: true, score: true, reason: true },
  });
  const counted = memberCounted(seat);
  return {
    title: seat.tender.title,
    awarded: seat.tender.status === "AWARDED",
    cancelled: seat.tender.status === "CANCELLED",
    standstill: standstillView(decision),
    reviewed: await panelReview(tenderId),
    winner: summary.recommended,
    /** What young people shaped, frozen with the award: "You said, we did" starts from it. */
    shaping: summary.shaping ?? null,
    note: summary.noteToYoungCommissioners,
    rule: summary.ruleDescription,
    counted,
    bids: summary.ranking.map((r) => ({
      bidId: r.bidId,
      provider: r.provider,
      rank: r.rank,
      total: r.total,
      criteria: summary.criteria
        .filter((c) => c.kind === "QUALITY")
        .map((c) => {
          const s = mine.find((m) => m.bidId === r.bidId && m.criterionId === c.id);
          return {
            name: c.name,
            panelScore: r.criteria.find((x) => x.criterionId === c.id)?.score ?? null,
            myScore: s?.score ?? null,
            myReason: s?.reason ?? null,
          };
        }),
    })),
  };
}

function memberCounted(seat: {
  status: string;
  keepSubmittedScores: boolean | null;
  markedAbsentAt: Date | null;
  conflictDeclarations: { hasConflict: boolean }[];
}) {
  if (seat.conflictDeclarations.some((d) => d.hasConflict))
    return "You told us you know someone at one of the bidders, so your scores were not counted.";
  if (seat.status === "STEPPED_BACK" && !seat.keepSubmittedScores)
    return "You stepped back and chose not to keep your scores, so they were not counted.";
  if (seat.markedAbsentAt) return "You were marked absent, so your marks were not counted.";
  return null;
}
