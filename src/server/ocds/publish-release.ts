import "server-only";
import { randomUUID } from "node:crypto";
import { contractPeriod } from "@/domain/contract-period";
import { cpvItems } from "@/domain/cpv";
import { parseLondonDateTime } from "@/domain/london-time";
import { awardCriteriaDetails, gbp, PROCUREMENT_ROUTE_DETAILS, procurementMethod, tenderStatusFor, type OcdsTag } from "@/domain/ocds";
import type { Prisma } from "@/generated/prisma/client";
import { parseAwardSummary } from "../awards/award-summary";
import type { Tx } from "../db";
import { env } from "../env";
import { shapingPlanning } from "./shaping-planning";
import { awardDocuments, contractDocuments } from "./award-documents";
import { ocdsPartyDetails, partyOrganisationSelect, type PartyOrganisation } from "./parties";
import { contractImplementation } from "./implementation";

// Writes one OCDS 1.1 release (a contract's implementation: src/server/ocds/implementation.ts), inside the transaction of the public event it
// describes, from what that transaction can see, and never changes it (a
// trigger refuses it). What goes in is only what is already public at that
// moment: nothing about bids before they are opened, no panel member's own
// scores, no young commissioner, no bidder's staff (organisations only).

export function ocidFor(tenderId: string): string {
  return `${env().OCDS_OCID_PREFIX}-${tenderId}`;
}

type Party = { id: string; name: string; roles: string[] } & Record<string, unknown>;

export async function publishOcdsRelease(tx: Tx, tenderId: string, tag: OcdsTag, now: Date): Promise<void> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    include: {
      establishment: { select: { id: true, name: true } },
      createdBy: { select: { organisation: { select: partyOrganisationSelect } } },
      criteria: { orderBy: { position: "asc" }, select: { name: true, weight: true, kind: true } },
      clarificationQuestions: {
        where: { publishedAt: { not: null } },
        orderBy: { publishedAt: "asc" },
        select: { id: true, question: true, answer: true, publishedAt: true },
      },
    },
  });
  if (!tender.publishedAt) return; // never published: nothing public to say
  const ocid = ocidFor(tenderId);
  const buyerOrg = tender.createdBy.organisation ?? { id: "nhs-england", name: env().OCDS_PUBLISHER_NAME };
  const buyer = { id: `org-${buyerOrg.id}`, name: buyerOrg.name };
  const parties = new Map<string, Party>();
  const addParty = (id: string, name: string, role: string, org?: PartyOrganisation) => {
    const p: Party = parties.get(id) ?? { id, name, roles: [], ...(org ? ocdsPartyDetails(org) : {}) };
    if (!p.roles.includes(role)) p.roles.push(role);
    parties.set(id, p);
  };
  const buyerDetails = tender.createdBy.organisation ?? undefined;
  addParty(buyer.id, buyer.name, "buyer", buyerDetails);
  addParty(buyer.id, buyer.name, "procuringEntity");
  // The establishment (prison / YOI) is where the services are delivered and signs off the award with NHS England.
  addParty(`establishment-${tender.establishment.id}`, tender.establishment.name, "interestedParty");

  const ocdsTender: Record<string, unknown> = {
    id: tender.reference,
    title: tender.title,
    description: tender.summary,
    status: tenderStatusFor(tag),
    procuringEntity: buyer,
    procurementMethod: procurementMethod(tender.procurementRoute),
    procurementMethodDetails: PROCUREMENT_ROUTE_DETAILS[tender.procurementRoute] ?? tender.procurementRoute,
    mainProcurementCategory: "services",
    awardCriteria: "ratedCriteria",
    awardCriteriaDetails: awardCriteriaDetails(tender.criteria, tender.aggregationRule),
    submissionMethod: ["electronicSubmission"],
    tenderPeriod: {
      startDate: tender.publishedAt.toISOString(),
      ...(tender.submissionDeadline ? { endDate: tender.submissionDeadline.toISOString() } : {}),
    },
    hasEnquiries: tender.clarificationQuestions.length > 0,
  };
  if (tender.clarificationDeadline)
    ocdsTender.enquiryPeriod = { startDate: tender.publishedAt.toISOString(), endDate: tender.clarificationDeadline.toISOString() };
  // What is bought: the CPV codes, as tender.items[].classification (scheme CPV).
  if (tender.cpvCodes.length > 0) ocdsTender.items = cpvItems(tender.cpvCodes, tender.title);
  if (tender.estimatedValuePence !== null) ocdsTender.value = gbp(tender.estimatedValuePence);
  if (tender.contractStartDate && tender.contractTermMonths) {
    ocdsTender.contractPeriod = {
      startDate: `${tender.contractStartDate.toISOString().slice(0, 10)}T00:00:00Z`,
      durationInDays: Math.round(tender.contractTermMonths * 30.4375),
    };
  }
  if (tender.clarificationQuestions.length > 0) {
    // Published answers, without naming who asked (as providers read them).
    ocdsTender.documents = tender.clarificationQuestions.map((q, i) => ({
      id: `clarification-${q.id}`,
      documentType: "clarifications",
      title: `Clarification ${i + 1}`,
      description: `Question: ${q.question}\nAnswer: ${q.answer ?? ""}`,
      datePublished: q.publishedAt!.toISOString(),
      language: "en",
    }));
  }

  const release: Record<string, unknown> = {
    ocid,
    id: `${ocid}-${tag}-${randomUUID()}`,
    date: now.toISOString(),
    tag: [tag],
    initiationType: "tender",
    language: "en",
    buyer,
    tender: ocdsTender,
  };
  // How young people shaped the service before it was specified (issue 24): themes, places and counts only.
  const planning = await shapingPlanning(tx, tenderId);
  if (planning) release.planning = planning;

  // Only once the bids have been opened: who bid (organisations only).
  if (tender.bidsOpenedAt) {
    const bids = await tx.bid.findMany({
      where: { tenderId, status: "SUBMITTED" },
      select: { organisation: { select: partyOrganisationSelect } },
      orderBy: { organisation: { name: "asc" } },
    });
    ocdsTender.numberOfTenderers = bids.length;
    ocdsTender.tenderers = bids.map((b) => ({ id: `org-${b.organisation.id}`, name: b.organisation.name }));
    for (const b of bids) addParty(`org-${b.organisation.id}`, b.organisation.name, "tenderer", b.organisation);
  }

  if (tag === "award" || tag === "contract" || tag === "implementation") {
    const decision = await tx.awardDecision.findFirstOrThrow({ where: { tenderId, status: "APPROVED" }, orderBy: { createdAt: "desc" } });
    const summary = parseAwardSummary(decision.summary);
    const winner = summary.ranking.find((r) => r.bidId === decision.recommendedBidId)!;
    const supplier = { id: `org-${winner.organisationId}`, name: winner.provider };
    const supplierOrg = await tx.organisation.findUnique({ where: { id: winner.organisationId }, select: partyOrganisationSelect });
    addParty(supplier.id, supplier.name, "supplier", supplierOrg ?? undefined);
    const period = decision.standstillEndsAt
      ? contractPeriod(summary.tender.contractStartDate, summary.tender.contractTermMonths, decision.standstillEndsAt)
      : null;
    // The whole-life price for the full contract term: what the bid form asks for and what tender.value is.
    const valuePence = winner.pricePence ?? summary.tender.estimatedValuePence;
    // The award decision is the governor's approval (co-commissioning sign-off), not the later confirmation.
    const approval = await tx.signOff.findFirst({
      where: { awardDecisionId: decision.id, signerRole: "GOVERNOR", decision: "APPROVED", voidedAt: null },
      orderBy: { signedAt: "desc" },
      select: { signedAt: true },
    });
    const award: Record<string, unknown> = {
      id: decision.id,
      title: `Award of ${tender.title}`,
      description:
        tag === "award"
          ? `Intention to award, approved by the governor of ${tender.establishment.name} (co-commissioning sign-off); the contract is not entered into before the standstill period ends. Weighted total ${winner.total} out of 100, rank ${winner.rank} of ${summary.ranking.length}.`
          : `Awarded after standstill. Weighted total ${winner.total} out of 100, rank ${winner.rank} of ${summary.ranking.length}.`,
      status: tag === "award" ? "pending" : "active",
      date: (approval?.signedAt ?? now).toISOString(),
      suppliers: [supplier],
      ...(approval ? { documents: awardDocuments(decision.id, approval.signedAt) } : {}),
      ...(valuePence !== null ? { value: gbp(valuePence) } : {}),
      ...(period ? { contractPeriod: { startDate: `${period.start}T00:00:00Z`, endDate: `${period.end}T23:59:59Z` } } : {}),
      // Custom field (no extension in the OCDS registry fits; see the README): PSR regulation 12 standstill.
      ...(decision.standstillStartsOn && decision.standstillEndsAt
        ? {
            standstillPeriod: {
              startDate: parseLondonDateTime(decision.standstillStartsOn.toISOString().slice(0, 10), "00:00").toISOString(),
              endDate: decision.standstillEndsAt.toISOString(),
            },
          }
        : {}),
    };
    release.awards = [award, ...(await withdrawnAwards(tx, tenderId, decision.id, REPLACED))];
    if (tag === "contract") ocdsTender.awardPeriod = { endDate: now.toISOString() };

    if (tag === "contract" || tag === "implementation") {
      const contract = await tx.contract.findUniqueOrThrow({ where: { awardDecisionId: decision.id } });
      if (tag === "implementation") ocdsTender.awardPeriod = { endDate: contract.createdAt.toISOString() };
      release.contracts = [
        {
          id: contract.id,
          awardID: decision.id,
          title: contract.title,
          status: "active",
          period: {
            startDate: `${contract.startDate.toISOString().slice(0, 10)}T00:00:00Z`,
            endDate: `${contract.endDate.toISOString().slice(0, 10)}T23:59:59Z`,
          },
          value: gbp(contract.valuePence),
          dateSigned: contract.createdAt.toISOString(),
          documents: contractDocuments(decision.id, decision.awardedAt ?? now),
          ...(tag === "implementation" ? { implementation: await contractImplementation(tx, contract.id) } : {}),
        },
      ];
    }
  }
  if (tag === "tenderCancellation") {
    // Status Details extension: why, beside the status; the description stays the service's.
    if (tender.cancelReason) ocdsTender.statusDetails = `Cancelled: ${tender.cancelReason}`;
    const withdrawn = await withdrawnAwards(tx, tenderId, null, "Cancelled with the tender: no contract was entered into.");
    if (withdrawn.length > 0) release.awards = withdrawn;
  }
  if (tag === "awardUpdate") {
    const withdrawn = await withdrawnAwards(tx, tenderId, null, WITHDRAWN);
    if (withdrawn.length === 0) return; // no intention to award was published: nothing public changed
    release.awards = withdrawn;
  }
  release.parties = [...parties.values()];

  const json = JSON.parse(JSON.stringify(release)) as Prisma.InputJsonValue;
  await tx.ocdsRelease.create({ data: { ocid, releaseId: release.id as string, tenderId, tag, date: now, release: json } });
}

const WITHDRAWN = "Withdrawn after representations: the evaluation is being looked at again, and a new award decision will be published.";
const REPLACED = "Withdrawn after representations and replaced by a later award decision.";

/**
 * Every award published for this tender (an intention to award) other than
 * `current`, as cancelled: an award the commissioner withdrew after
 * representations, or one overtaken by the tender's cancellation. Without
 * this the compiled release would keep it "pending" with its supplier.
 */
async function withdrawnAwards(tx: Tx, tenderId: string, current: string | null, why: string): Promise<Record<string, unknown>[]> {
  const published = await tx.ocdsRelease.findMany({
    where: { tenderId, tag: "award" },
    orderBy: { seq: "asc" },
    select: { release: true },
  });
  const byId = new Map<string, Record<string, unknown>>();
  for (const row of published) {
    const awards = ((row.release as { awards?: Record<string, unknown>[] }).awards ?? []).filter((a) => a.status === "pending");
    for (const a of awards) byId.set(String(a.id), a);
  }
  byId.delete(current ?? "");
  return [...byId.values()].map((a) => ({ ...a, status: "cancelled", statusDetails: why }));
}
