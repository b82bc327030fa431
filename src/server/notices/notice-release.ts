import "server-only";
import { awardCriteriaDetails, gbp } from "@/domain/ocds";
import { cpvItems } from "@/domain/cpv";
import { NOTICE_TITLES, PSR_LEGAL_BASIS } from "@/domain/psr-notices";
import { parseLondonDateTime } from "@/domain/london-time";
import { OCDS_EXTENSIONS, OCDS_LICENSE, OCDS_VERSION, publicationPolicyUrl } from "../ocds/queries";
import { now as clockNow } from "../clock";
import { env } from "../env";
import { ocdsPartyDetails } from "../ocds/parties";
import type { PsrNotice } from "./psr-notice";

// A PSR notice as data, in the shape the UK e-notification service (Find a
// Tender, the Central Digital Platform) publishes its notices: an OCDS 1.1
// release package whose release carries the notice's statement, the tender
// with its legal basis and award criteria, the award with its standstill
// period (the UK extension's Award.standstillPeriod) and, for the
// confirmation, the contract; the notice itself is a document with the UK
// extension's noticeType. Only what the printed notice says, nothing more.

/** The UK extension (cabinetoffice/ocds_uk_extension) that Find a Tender's packages declare: Award.standstillPeriod, Document.noticeType. */
export const OCDS_UK_EXTENSION = "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json";

function baseUrl(): string {
  return env().NEXTAUTH_URL.replace(/\/$/, "");
}

/** The public page of a notice (printable) and its data. */
export function noticeUrls(kind: PsrNotice["kind"], awardDecisionId: string): { page: string; data: string } {
  return {
    page: `${baseUrl()}/notices/${awardDecisionId}/${kind}`,
    data: `${baseUrl()}/api/ocds/notices/${awardDecisionId}/${kind}`,
  };
}

const dayStart = (dateKey: string) => `${dateKey}T00:00:00Z`;
const dayEnd = (dateKey: string) => `${dateKey}T23:59:59Z`;

export function noticeRelease(notice: PsrNotice): Record<string, unknown> {
  const urls = noticeUrls(notice.kind, notice.awardDecisionId);
  const buyer = { id: `org-${notice.authority.id}`, name: notice.authority.name };
  const supplier = { id: `org-${notice.provider.id}`, name: notice.provider.name };
  const published = notice.publishedAt.toISOString();
  const reasons = [
    `Evaluated against the key criteria (${notice.reasons.rule}). The successful bid ranked ${notice.reasons.rank} of ${notice.reasons.bidderCount} with a weighted total of ${notice.reasons.total} out of 100.`,
    ...notice.reasons.criteria.map((c) => `${c.name} (${c.weight}%): ${c.score ?? "–"} out of 5, ${c.points ?? "–"} points.`),
    ...(notice.reasons.justification ? [`Why the highest-scoring bid was not chosen: ${notice.reasons.justification}`] : []),
  ].join(" ");
  const award: Record<string, unknown> = {
    id: notice.awardDecisionId,
    title: `Award of ${notice.service.title}`,
    description: `${reasons} Decision-makers: ${notice.decisionMakers.sentence} Conflicts of interest: ${notice.conflicts.statement}`,
    status: notice.withdrawn ? "cancelled" : notice.kind === "intention" && !notice.awardedAt ? "pending" : "active",
    ...(notice.withdrawn ? { statusDetails: notice.withdrawn } : {}),
    date: (notice.decisionMakers.approvedBy[0]?.signedAt ?? notice.publishedAt).toISOString(),
    suppliers: [supplier],
    ...(notice.value ? { value: gbp(notice.value.wholeLifePence) } : {}),
    ...(notice.contractPeriod
      ? { contractPeriod: { startDate: dayStart(notice.contractPeriod.start), endDate: dayEnd(notice.contractPeriod.end) } }
      : {}),
    standstillPeriod: {
      startDate: parseLondonDateTime(notice.standstill.beginsOn, "00:00").toISOString(),
      endDate: notice.standstill.endsAt.toISOString(),
    },
  };
  const release: Record<string, unknown> = {
    ocid: notice.ocid,
    id: `${notice.ocid}-psr-${notice.kind}-${notice.awardDecisionId}`,
    date: published,
    tag: notice.kind === "intention" ? ["award"] : ["award", "contract"],
    initiationType: "tender",
    language: "en",
    // Find a Tender's PSR notices carry the regulation's statement here.
    description: `${notice.statement} ${notice.representations}`,
    buyer,
    parties: [
      { ...buyer, ...ocdsPartyDetails(notice.authority), roles: ["buyer", "procuringEntity"] },
      { id: `establishment-${notice.establishment.id}`, name: notice.establishment.name, roles: ["interestedParty"] },
      { ...supplier, ...ocdsPartyDetails(notice.provider), roles: ["supplier"] },
    ],
    tender: {
      id: notice.service.reference,
      title: notice.service.title,
      description: notice.service.summary,
      status: "complete",
      // The legal basis, as Find a Tender gives it (EU profile's Tender.legalBasis): the UK statutory instrument.
      legalBasis: { scheme: PSR_LEGAL_BASIS.scheme, id: PSR_LEGAL_BASIS.id, description: PSR_LEGAL_BASIS.title },
      procurementMethodDetails: notice.service.route,
      mainProcurementCategory: "services",
      ...(notice.service.cpv.length > 0
        ? {
            items: cpvItems(
              notice.service.cpv.map((c) => c.code),
              notice.service.title,
            ),
          }
        : {}),
      awardCriteria: "ratedCriteria",
      awardCriteriaDetails: awardCriteriaDetails(notice.reasons.criteria, notice.reasons.ruleCode),
      ...(notice.value ? { value: gbp(notice.value.wholeLifePence) } : {}),
    },
    awards: [award],
  };
  (release.tender as Record<string, unknown>).documents = [
    {
      id: `psr-${notice.kind}-notice-${notice.awardDecisionId}`,
      documentType: notice.kind === "intention" ? "awardNotice" : "contractNotice",
      noticeType: notice.kind === "intention" ? "PSR intention to award notice" : "PSR confirmation of contract award notice",
      title: NOTICE_TITLES[notice.kind],
      description: notice.checkpoint
        ? `Audit checkpoint at issue: ${notice.checkpoint} (the audit trail's event number and hash).`
        : "Printable notice.",
      url: urls.page,
      datePublished: published,
      format: "text/html",
      language: "en",
    },
  ];
  if (notice.kind === "award" && notice.awardedAt && notice.contractPeriod && notice.contractId) {
    release.contracts = [
      {
        id: notice.contractId,
        awardID: notice.awardDecisionId,
        title: notice.service.title,
        status: "active",
        period: { startDate: dayStart(notice.contractPeriod.start), endDate: dayEnd(notice.contractPeriod.end) },
        ...(notice.value ? { value: gbp(notice.value.wholeLifePence) } : {}),
        dateSigned: notice.awardedAt.toISOString(),
      },
    ];
  }
  return release;
}

/** The notice as an OCDS release package (one release), with the package metadata the feeds carry. */
export function noticeReleasePackage(notice: PsrNotice) {
  return {
    uri: noticeUrls(notice.kind, notice.awardDecisionId).data,
    version: OCDS_VERSION,
    publishedDate: clockNow().toISOString(),
    publisher: { name: env().OCDS_PUBLISHER_NAME },
    license: OCDS_LICENSE,
    publicationPolicy: publicationPolicyUrl(),
    extensions: [...OCDS_EXTENSIONS, OCDS_UK_EXTENSION],
    releases: [noticeRelease(notice)],
  };
}
