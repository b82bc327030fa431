import "server-only";
import { now as clockNow } from "../clock";
import { cache } from "react";
import { isPanelRole, type PanelRole } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { effectiveStatus, tenderStage, type TenderStage } from "@/domain/tender-lifecycle";
import type { ShapingStatus } from "@/domain/shaping-stage";
import { authorize, can, panelCandidatesWhere, runsTender, tenderRelationsSelect, tendersRunByWhere } from "../policy";
import { NotFound } from "../errors";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { FIRST_PAGE, type Paging } from "@/domain/paging";
import { isId } from "../ids";

// Reads of tenders. Each takes the Actor and its `where` returns only what
// that Actor may see: a page cannot leak what the query never returned.

const listSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  submissionDeadline: true,
  establishment: { select: { id: true, name: true } },
  // Whether a recommendation is with the governor: the stage (tenderStage) of a tender whose ranking is frozen.
  awardDecisions: { where: { status: "PENDING_SIGNOFF" }, select: { id: true }, take: 1 },
  // Whether young people are shaping it (a draft shows "Shaping" until its shaping stage closes).
  shapingStage: { select: { status: true } },
} as const;

type ListRow = {
  status: Parameters<typeof effectiveStatus>[0];
  submissionDeadline: Date | null;
  awardDecisions: { id: string }[];
  shapingStage: { status: ShapingStatus } | null;
};

/** A shaping stage under way: the tender's stage reads "Shaping" (tenderStage). */
export const shapingUnderway = (stage: { status: ShapingStatus } | null) => stage !== null && stage.status !== "CLOSED";

/** The state a user sees (CLOSED past the deadline) and the stage every page names. */
function withStage<T extends ListRow>(row: T, now: Date) {
  const { awardDecisions, shapingStage, ...rest } = row;
  const status = effectiveStatus(row.status, row.submissionDeadline, now);
  const stage: TenderStage = tenderStage(status, { awaitingSignOff: awardDecisions.length > 0, shaping: shapingUnderway(shapingStage) });
  return { ...rest, status, stage };
}

function withEffectiveStatus<T extends ListRow>(rows: T[], now: Date) {
  return rows.map((row) => withStage(row, now));
}

export interface TenderFilters {
  /** A stage: RANKING_FROZEN and AWARD_PENDING_SIGNOFF are one stored state, told apart by a recommendation with the governor. */
  status?: TenderStage;
  establishmentId?: string;
  q?: string;
}

function commissionerTenderWhere(filters: TenderFilters, now: Date): Prisma.TenderWhereInput {
  const q = filters.q?.trim().slice(0, 200);
  const withGovernor = { some: { status: "PENDING_SIGNOFF" as const } };
  const notShaping = { OR: [{ shapingStage: { is: null } }, { shapingStage: { is: { status: "CLOSED" as const } } }] };
  const statusWhere: Prisma.TenderWhereInput =
    filters.status === "SHAPING"
      ? { status: "DRAFT", shapingStage: { is: { status: { not: "CLOSED" } } } }
      : filters.status === "DRAFT"
        ? { status: "DRAFT", ...notShaping }
        : filters.status === "CLOSED"
          ? { status: "PUBLISHED", submissionDeadline: { lt: now } }
          : filters.status === "PUBLISHED"
            ? { status: "PUBLISHED", OR: [{ submissionDeadline: null }, { submissionDeadline: { gte: now } }] }
            : filters.status === "RANKING_FROZEN"
              ? { status: "AWARD_PENDING_SIGNOFF", awardDecisions: { none: withGovernor.some } }
              : filters.status === "AWARD_PENDING_SIGNOFF"
                ? { status: "AWARD_PENDING_SIGNOFF", awardDecisions: withGovernor }
                : filters.status
                  ? { status: filters.status }
                  : {};
  return {
    ...statusWhere,
    ...(filters.establishmentId && isId(filters.establishmentId) ? { establishmentId: filters.establishmentId } : {}),
    ...(q ? { AND: [{ OR: [{ title: { contains: q, mode: "insensitive" } }, { reference: { contains: q, mode: "insensitive" } }] }] } : {}),
  };
}

/**
 * Commissioners see every tender, one page at a time (newest change first);
 * filters by the status a user sees (so CLOSED works), establishment and text.
 */
export async function listTendersForCommissioner(actor: Actor, filters: TenderFilters = {}, now = clockNow(), page: Paging = FIRST_PAGE) {
  authorize(actor, "tender.read");
  const rows = await db.tender.findMany({
    where: commissionerTenderWhere(filters, now),
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
  });
  return withEffectiveStatus(rows, now);
}

/** How many tenders match the commissioner's filters (for the pager). */
export async function countTendersForCommissioner(actor: Actor, filters: TenderFilters = {}, now = clockNow()) {
  authorize(actor, "tender.read");
  return db.tender.count({ where: commissionerTenderWhere(filters, now) });
}

/**
 * What every commissioner may read of any tender: what it is, where it is up to and who runs it (to know whom to
 * ask). The details, questions and award are for the commissioners running it (getTenderForCommissioner).
 */
export const getTenderForColleague = cache(async function getTenderForColleague(actor: Actor, tenderId: string, now: Date) {
  authorize(actor, "tender.read");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      title: true,
      reference: true,
      status: true,
      submissionDeadline: true,
      establishment: { select: { name: true } },
      createdById: true,
      createdBy: { select: { name: true } },
      panelMembers: {
        where: { role: "COMMISSIONER", status: "ACCEPTED" },
        orderBy: { invitedAt: "asc" },
        select: { userId: true, role: true, status: true, user: { select: { name: true } } },
      },
      awardDecisions: { where: { status: "PENDING_SIGNOFF" }, select: { id: true }, take: 1 },
      shapingStage: { select: { id: true, status: true } },
    },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  const status = effectiveStatus(tender.status, tender.submissionDeadline, now);
  const runBy = [tender.createdBy.name, ...tender.panelMembers.filter((p) => p.userId !== tender.createdById).map((p) => p.user.name)];
  return {
    id: tender.id,
    title: tender.title,
    reference: tender.reference,
    establishment: tender.establishment.name,
    stage: tenderStage(status, { awaitingSignOff: tender.awardDecisions.length > 0, shaping: shapingUnderway(tender.shapingStage) }),
    runBy,
    runsIt: runsTender(actor, tender),
  };
});

/**
 * The refusal for a tender that is not found among those the actor runs: Forbidden (policy "tender.readDetails") when
 * it exists, since every commissioner may know it does; NotFound otherwise.
 */
export async function refuseTenderDetails(actor: Actor, tenderId: string): Promise<never> {
  const tender = await db.tender.findUnique({ where: { id: tenderId }, select: tenderRelationsSelect });
  if (tender) authorize(actor, "tender.readDetails", tender);
  throw new NotFound("We could not find that tender.");
}

/**
 * Everything a commissioner needs to run a tender, except the bids (sealed; see src/server/bids/queries.ts): for the
 * commissioners running it only (the `where`), others are refused.
 */
export async function getTenderForCommissioner(actor: Actor, tenderId: string, now = clockNow()) {
  authorize(actor, "tender.read");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findFirst({
    where: { AND: [{ id: tenderId }, tendersRunByWhere(actor)] },
    include: {
      establishment: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      criteria: { orderBy: { position: "asc" } },
      panelMembers: {
        orderBy: [{ role: "asc" }, { invitedAt: "asc" }],
        include: { user: { select: { id: true, name: true, email: true } } },
      },
      _count: { select: { clarificationQuestions: true } },
      awardDecisions: { where: { status: "PENDING_SIGNOFF" }, select: { id: true } },
      shapingStage: { select: { id: true, status: true } },
    },
  });
  if (!tender) return refuseTenderDetails(actor, tenderId);
  return {
    ...tender,
    effectiveStatus: effectiveStatus(tender.status, tender.submissionDeadline, now),
    stage: tenderStage(effectiveStatus(tender.status, tender.submissionDeadline, now), {
      awaitingSignOff: tender.awardDecisions.length > 0,
      shaping: shapingUnderway(tender.shapingStage),
    }),
    canManage: runsTender(actor, tender),
  };
}

/** People a commissioner can invite to a panel. */
export async function listPanelCandidates(actor: Actor, tenderId: string) {
  authorize(actor, "tender.read");
  const people = await db.user.findMany({
    where: {
      ...panelCandidatesWhere(),
      panelMemberships: { none: { tenderId, status: { in: ["INVITED", "ACCEPTED"] } } },
    },
    select: { id: true, name: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
  return people.filter((p): p is typeof p & { role: PanelRole } => isPanelRole(p.role));
}

export async function listEstablishments() {
  return db.establishment.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Governors see tenders of their own establishments only. */
export async function listTendersForGovernor(actor: Actor, now = clockNow()) {
  authorize(actor, "tender.readOwnEstablishment");
  const rows = await db.tender.findMany({
    where: { establishmentId: { in: actor.establishmentIds } },
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }],
    // Bounded: the newest 100; older tenders are in the contracts and agreements.
    take: 100,
  });
  // The latest recommendation of each, if any: the governor's way into what was decided (their sign-off page).
  const decisions = await db.awardDecision.findMany({
    where: { tenderId: { in: rows.map((r) => r.id) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, tenderId: true },
  });
  const latest = new Map<string, string>();
  for (const d of decisions) if (!latest.has(d.tenderId)) latest.set(d.tenderId, d.id);
  return withEffectiveStatus(rows, now).map((t) => ({ ...t, latestAwardDecisionId: latest.get(t.id) ?? null }));
}

/** Providers see published tenders still open for bids. */
export async function listOpenTendersForProvider(actor: Actor, now = clockNow()) {
  authorize(actor, "tender.readPublished");
  const rows = await db.tender.findMany({
    where: { status: "PUBLISHED", submissionDeadline: { gte: now } },
    select: listSelect,
    orderBy: [{ submissionDeadline: "asc" }],
    // Bounded: the 100 closing soonest.
    take: 100,
  });
  return withEffectiveStatus(rows, now);
}

/**
 * Tenders the provider's organisation submitted a bid to, after the deadline
 * and until the outcome letters go out (then they are under the letters).
 */
export async function listBidTendersAwaitingOutcome(actor: Actor, now = clockNow()) {
  authorize(actor, "tender.readPublished");
  if (!actor.organisationId) return [];
  const rows = await db.tender.findMany({
    where: {
      bids: { some: { organisationId: actor.organisationId, status: "SUBMITTED" } },
      OR: [
        { status: "PUBLISHED", submissionDeadline: { lt: now } },
        { status: { in: ["CLOSED", "EVALUATION", "MODERATION", "AWARD_PENDING_SIGNOFF"] } },
      ],
    },
    select: listSelect,
    orderBy: [{ submissionDeadline: "desc" }],
  });
  return withEffectiveStatus(rows, now);
}

/** Panels the Actor has been asked to join and has not answered: for every panel member's landing page. */
export async function listMyPanelInvitations(actor: Actor, now = clockNow()) {
  return listMyPanels(actor, now, { invitedOnly: true });
}

/** Tenders where the Actor sits on the panel, with their own membership. */
export async function listMyPanels(actor: Actor, now = clockNow(), options: { invitedOnly?: boolean } = {}) {
  authorize(actor, "panel.sit");
  const memberships = await db.panelMember.findMany({
    where: {
      userId: actor.id,
      status: { in: options.invitedOnly ? ["INVITED"] : ["INVITED", "ACCEPTED"] },
      tender: { status: { not: "CANCELLED" } },
    },
    select: {
      id: true,
      status: true,
      role: true,
      conflictDeclarations: { select: { organisationId: true, hasConflict: true } },
      tender: { select: { ...listSelect, technicianHourlyRatePence: true } },
    },
    orderBy: { invitedAt: "desc" },
  });
  const rows = memberships.map((m) => ({ ...m, tender: withStage(m.tender, now) }));
  const scoring = await scoringProgress(rows.filter((m) => m.status === "ACCEPTED" && m.tender.status === "EVALUATION"));
  return rows.map(({ id, status, role, tender }) => ({ id, status, role, tender, scoring: scoring.get(id) ?? null }));
}

/** Where a member is in scoring: still to declare conflicts, not scoring (a conflict), or how many bids are still to score. */
export type ScoringProgress = { state: "DECLARE" } | { state: "EXCLUDED" } | { state: "SCORING"; bidsToScore: number };

/**
 * The scoring progress of the Actor's own seats on tenders in evaluation (My panels: what each panel needs from them),
 * as the panel page works it out (evaluation/queries.ts): every bidder declared, no conflict, and a bid done when every
 * quality criterion has a submitted score.
 */
async function scoringProgress(
  seats: { id: string; tender: { id: string }; conflictDeclarations: { organisationId: string; hasConflict: boolean }[] }[],
): Promise<Map<string, ScoringProgress>> {
  if (seats.length === 0) return new Map();
  const tenderIds = seats.map((s) => s.tender.id);
  const [bids, criteria, scores] = await Promise.all([
    db.bid.findMany({
      where: { tenderId: { in: tenderIds }, status: "SUBMITTED" },
      select: { id: true, tenderId: true, organisationId: true },
    }),
    db.criterion.findMany({ where: { tenderId: { in: tenderIds }, kind: "QUALITY" }, select: { tenderId: true } }),
    db.score.findMany({
      where: { panelMemberId: { in: seats.map((s) => s.id) }, status: "SUBMITTED" },
      select: { panelMemberId: true, bidId: true },
    }),
  ]);
  return new Map(
    seats.map((seat): [string, ScoringProgress] => {
      const tenderBids = bids.filter((b) => b.tenderId === seat.tender.id);
      const declared = new Set(seat.conflictDeclarations.map((d) => d.organisationId));
      if (seat.conflictDeclarations.some((d) => d.hasConflict)) return [seat.id, { state: "EXCLUDED" }];
      if (tenderBids.length === 0 || !tenderBids.every((b) => declared.has(b.organisationId))) return [seat.id, { state: "DECLARE" }];
      const quality = criteria.filter((c) => c.tenderId === seat.tender.id).length;
      const mine = scores.filter((x) => x.panelMemberId === seat.id);
      const done = (bidId: string) => mine.filter((x) => x.bidId === bidId).length >= quality;
      return [seat.id, { state: "SCORING", bidsToScore: tenderBids.filter((b) => !done(b.id)).length }];
    }),
  );
}

export async function listGovernedEstablishments(actor: Actor) {
  authorize(actor, "tender.readOwnEstablishment");
  return db.establishment.findMany({
    where: { id: { in: actor.establishmentIds } },
    select: { id: true, name: true, code: true },
    orderBy: { name: "asc" },
  });
}

/** A tender notice for providers: published tenders only (and later stages, so bidders can follow their tender). */
export const getTenderForProvider = cache(async function getTenderForProvider(actor: Actor, tenderId: string, now: Date) {
  authorize(actor, "tender.readPublished");
  if (!isId(tenderId)) throw new NotFound("We could not find that tender.");
  const tender = await db.tender.findFirst({
    where: { id: tenderId, status: { not: "DRAFT" } },
    select: {
      id: true,
      reference: true,
      title: true,
      summary: true,
      description: true,
      status: true,
      estimatedValuePence: true,
      contractStartDate: true,
      contractTermMonths: true,
      procurementRoute: true,
      aggregationRule: true,
      clarificationDeadline: true,
      submissionDeadline: true,
      cancelReason: true,
      establishment: { select: { name: true } },
      awardDecisions: { where: { status: "PENDING_SIGNOFF" }, select: { id: true }, take: 1 },
      criteria: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, description: true, plainLanguageDescription: true, weight: true, kind: true, wordLimit: true },
      },
    },
  });
  if (!tender) throw new NotFound("We could not find that tender.");
  const { awardDecisions, ...notice } = tender;
  const status = effectiveStatus(tender.status, tender.submissionDeadline, now);
  return { ...notice, effectiveStatus: status, stage: tenderStage(status, { awaitingSignOff: awardDecisions.length > 0, shaping: false }) };
});

/**
 * Whether a refusal of this tender's pages may say that it exists: false for an id that is no tender and for a
 * tender the actor may not know of (policy "tender.knowOf": a governor of another establishment).
 */
export async function actorKnowsOfTender(actor: Actor, tenderId: string): Promise<boolean> {
  if (!isId(tenderId)) return false;
  const tender = await db.tender.findUnique({ where: { id: tenderId }, select: { establishmentId: true } });
  return tender !== null && can(actor, "tender.knowOf", tender);
}
