import "server-only";
import { cache } from "react";
import { contractPeriod } from "@/domain/contract-period";
import { Fraction } from "@/domain/fraction";
import { PROCUREMENT_ROUTE_DETAILS } from "@/domain/ocds";
import { cpvLabel } from "@/domain/cpv";
import type { AggregationRule } from "@/domain/scoring";
import {
  conflictsStatement,
  decisionMakersSentence,
  noticeStatement,
  representationsStatement,
  type DeclaredConflicts,
  type PsrNoticeKind,
} from "@/domain/psr-notices";
import { parseAwardSummary, type AwardSummary } from "../awards/award-summary";
import { standstillView, type StandstillView } from "../awards/standstill-view";
import { checkpointOfEvent, formatCheckpoint } from "../audit-trail/checkpoint";
import { db, type Db } from "../db";
import { env } from "../env";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { ocidFor } from "../ocds/publish-release";
import { partyOrganisationSelect, type PartyOrganisation } from "../ocds/parties";

// The two notices regulation 12 of the Provider Selection Regime asks for:
// the intention to award (published when the governor approves: its
// publication starts the standstill, 12(2)) and the confirmation of the award
// (once the contract is awarded after standstill). Both are public from the
// moment they are issued, as they are on the e-notification service; before
// that they do not exist. Cut from the summary the governor signed, so the
// notice, the letters and the open data say the same figures.

export interface NoticeCriterion {
  name: string;
  weight: number;
  kind: "QUALITY" | "PRICE";
  /** The successful bid's score out of 5 and its weighted points. */
  score: string | null;
  points: string | null;
}

export interface PsrNotice {
  kind: PsrNoticeKind;
  awardDecisionId: string;
  ocid: string;
  statement: string;
  /** When this notice was issued: the governor's approval, or the award. */
  publishedAt: Date;
  /** The intention no longer stands: sent back to moderation after representations, or the tender cancelled. */
  withdrawn: string | null;
  /** The relevant authority and the provider, with their register numbers, addresses and contact points where known. */
  authority: PartyOrganisation;
  provider: PartyOrganisation;
  establishment: { id: string; name: string };
  service: { reference: string; title: string; summary: string; route: string; cpv: { code: string; label: string }[] };
  value: { wholeLifePence: string; termMonths: number | null } | null;
  /** The dates between which the services are to be provided. */
  contractPeriod: { start: string; end: string } | null;
  standstill: StandstillView;
  awardedAt: Date | null;
  /** The contract entered into (the confirmation notice). */
  contractId: string | null;
  decisionMakers: {
    recommendedBy: string;
    recommendedAt: Date;
    approvedBy: { name: string; establishment: string; signedAt: Date }[];
    sentence: string;
    panel: { commissioners: number; youngCommissioners: number };
  };
  reasons: {
    rule: string;
    ruleCode: AggregationRule;
    criteria: NoticeCriterion[];
    total: string;
    rank: number;
    bidderCount: number;
    justification: string | null;
  };
  conflicts: DeclaredConflicts & { statement: string };
  representations: string;
  /** The audit event that issued this notice, as "<event>:<hash>" (null only if the event is missing). */
  checkpoint: string | null;
}

/** Weighted points of one criterion score: weight × exact score ÷ 5, rounded once for display. */
export function weightedPoints(scoreExact: string | null | undefined, weight: number): string | null {
  return scoreExact ? Fraction.parse(scoreExact).mul(Fraction.of(weight)).div(Fraction.of(5)).toFixed2() : null;
}

/** The successful bid's scores per criterion, from the signed summary. */
export function winnerCriteria(summary: AwardSummary): NoticeCriterion[] {
  const winner = summary.ranking.find((r) => r.bidId === summary.recommended.bidId)!;
  return summary.criteria.map((c) => {
    const cell = winner.criteria.find((x) => x.criterionId === c.id);
    return { name: c.name, weight: c.weight, kind: c.kind, score: cell?.score ?? null, points: weightedPoints(cell?.scoreExact, c.weight) };
  });
}

/** Panel members who declared a conflict of interest with a bidder on this tender, counted by role. */
export async function declaredConflicts(client: Db, tenderId: string): Promise<DeclaredConflicts> {
  const members = await client.panelMember.findMany({
    where: { tenderId, conflictDeclarations: { some: { hasConflict: true } } },
    select: { role: true },
  });
  return {
    commissioners: members.filter((m) => m.role === "COMMISSIONER").length,
    youngCommissioners: members.filter((m) => m.role === "TECHNICIAN").length,
  };
}

function unknownOrganisation(id: string, name: string): PartyOrganisation {
  return {
    id,
    name,
    identifierScheme: null,
    identifierId: null,
    identifierIsDemo: false,
    streetAddress: null,
    locality: null,
    postalCode: null,
    contactName: null,
    contactEmail: null,
    contactTelephone: null,
  };
}

const decisionSelect = {
  id: true,
  status: true,
  summary: true,
  createdAt: true,
  standstillStartsOn: true,
  standstillEndsAt: true,
  awardedAt: true,
  recommendedBy: { select: { name: true } },
  signOffs: {
    where: { signerRole: "GOVERNOR", decision: "APPROVED" },
    orderBy: { signedAt: "asc" },
    select: { id: true, signedAt: true, signerName: true, signer: { select: { name: true } } },
  },
  contract: { select: { id: true, startDate: true, endDate: true, valuePence: true } },
  tender: {
    select: {
      id: true,
      status: true,
      cancelReason: true,
      cpvCodes: true,
      establishment: { select: { id: true, name: true } },
      createdBy: { select: { organisation: { select: partyOrganisationSelect } } },
    },
  },
} as const;

async function loadNotice(kind: PsrNoticeKind, awardDecisionId: string): Promise<PsrNotice> {
  const notFound = new NotFound(
    kind === "intention" ? "There is no published intention to award with that number." : "There is no published award with that number.",
  );
  if (!isId(awardDecisionId)) throw notFound;
  const decision = await db.awardDecision.findFirst({
    where: { id: awardDecisionId, status: { in: ["APPROVED", "REOPENED"] } },
    select: decisionSelect,
  });
  const approval = decision?.signOffs[0];
  const standstill = decision && standstillView(decision);
  if (!decision || !approval || !standstill) throw notFound;
  if (kind === "award" && (!decision.awardedAt || !decision.contract)) throw notFound;

  const summary = parseAwardSummary(decision.summary);
  const winner = summary.ranking.find((r) => r.bidId === summary.recommended.bidId)!;
  const buyer = decision.tender.createdBy.organisation ?? unknownOrganisation("nhs-england", env().OCDS_PUBLISHER_NAME);
  const provider =
    (await db.organisation.findUnique({ where: { id: winner.organisationId }, select: partyOrganisationSelect })) ??
    unknownOrganisation(winner.organisationId, winner.provider);
  const conflicts = await declaredConflicts(db, decision.tender.id);
  const checkpoint =
    kind === "intention"
      ? await checkpointOfEvent(db, { entityType: "SignOff", entityId: approval.id, action: "award.signoff_approved" })
      : await checkpointOfEvent(db, { entityType: "Contract", entityId: decision.contract!.id, action: "award.confirmed" });
  const approvedBy = decision.signOffs.map((s) => ({
    name: s.signerName ?? s.signer.name,
    establishment: decision.tender.establishment.name,
    signedAt: s.signedAt,
  }));
  const recommendedAt = new Date(summary.recommendedAt);
  const contract = decision.contract;
  const withdrawn =
    kind === "intention" && decision.status === "REOPENED"
      ? "After considering representations during the standstill, the commissioner sent this award back to moderation: this intention to award no longer stands."
      : kind === "intention" && decision.tender.status === "CANCELLED" && !decision.awardedAt
        ? `The tender was cancelled: no contract was entered into.${decision.tender.cancelReason ? ` Reason: ${decision.tender.cancelReason}` : ""}`
        : null;
  return {
    kind,
    awardDecisionId: decision.id,
    ocid: ocidFor(decision.tender.id),
    statement: noticeStatement(kind, standstill.endsAt, decision.awardedAt),
    publishedAt: kind === "intention" ? approval.signedAt : decision.awardedAt!,
    withdrawn,
    authority: buyer,
    // The name as the governor signed it; the register number, address and contact as they are now.
    provider: { ...provider, name: winner.provider },
    establishment: summary.tender.establishment,
    service: {
      reference: summary.tender.reference,
      title: summary.tender.title,
      summary: summary.tender.summary,
      route: PROCUREMENT_ROUTE_DETAILS[summary.tender.procurementRoute] ?? summary.tender.procurementRoute,
      cpv: decision.tender.cpvCodes.map((code) => ({ code, label: cpvLabel(code) ?? code })),
    },
    value:
      kind === "award" && contract
        ? { wholeLifePence: contract.valuePence.toString(), termMonths: summary.tender.contractTermMonths }
        : winner.pricePence !== null
          ? { wholeLifePence: winner.pricePence, termMonths: summary.tender.contractTermMonths }
          : null,
    contractPeriod: contract
      ? { start: contract.startDate.toISOString().slice(0, 10), end: contract.endDate.toISOString().slice(0, 10) }
      : contractPeriod(summary.tender.contractStartDate, summary.tender.contractTermMonths, standstill.endsAt),
    standstill,
    awardedAt: decision.awardedAt,
    contractId: contract?.id ?? null,
    decisionMakers: {
      recommendedBy: decision.recommendedBy.name,
      recommendedAt,
      approvedBy,
      sentence: decisionMakersSentence({ recommendedBy: decision.recommendedBy.name, recommendedAt, approvedBy }),
      panel: { commissioners: summary.panel.commissioners, youngCommissioners: summary.panel.youngCommissioners },
    },
    reasons: {
      rule: summary.ruleDescription,
      ruleCode: summary.rule,
      criteria: winnerCriteria(summary),
      total: winner.total,
      rank: winner.rank,
      bidderCount: summary.ranking.length,
      justification: summary.recommended.topRanked ? null : summary.justification,
    },
    conflicts: { ...conflicts, statement: conflictsStatement(conflicts) },
    representations: representationsStatement(standstill.endsAt, buyer.contactEmail),
    checkpoint: checkpoint ? formatCheckpoint(checkpoint) : null,
  };
}

/** A published PSR notice, for anyone (no sign-in): NotFound until it has been issued. Once per request. */
export const getPsrNotice = cache(loadNotice);

/** Which notices an award decision has published (for links from the award, sign-off and letter pages). */
export function publishedNotices(d: { status: string; standstillEndsAt: Date | null; awardedAt: Date | null }): PsrNoticeKind[] {
  const kinds: PsrNoticeKind[] = [];
  if ((d.status === "APPROVED" || d.status === "REOPENED") && d.standstillEndsAt) kinds.push("intention");
  if (d.awardedAt) kinds.push("award");
  return kinds;
}
