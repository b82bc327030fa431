import "server-only";
import { NOTICE_TITLES } from "@/domain/psr-notices";
import { noticeUrls } from "../notices/notice-release";

// The documents an award publishes, with types from the OCDS documentType
// codelist: the PSR notices (public pages, with their URLs) and the outcome
// letters (sent to each bidder only: described, never linked).

/** awards[].documents: the notice of intention to award and the outcome letters, from the governor's approval. */
export function awardDocuments(awardDecisionId: string, approvedAt: Date): Record<string, unknown>[] {
  return [
    {
      id: `psr-intention-notice-${awardDecisionId}`,
      documentType: "awardNotice",
      title: NOTICE_TITLES.intention,
      description: "The Provider Selection Regime notice of intention to award (regulation 12): its publication starts the standstill.",
      url: noticeUrls("intention", awardDecisionId).page,
      datePublished: approvedAt.toISOString(),
      format: "text/html",
      language: "en",
    },
    {
      id: `outcome-letters-${awardDecisionId}`,
      documentType: "evaluationReports",
      title: "Outcome letters to each bidder",
      description:
        "Each bidder's own scores and the panel's reasons, its rank, the successful bid's scores, who decided and the standstill: sent to that bidder on the portal, not published.",
      datePublished: approvedAt.toISOString(),
      language: "en",
    },
  ];
}

/** contracts[].documents: the notice confirming the award. */
export function contractDocuments(awardDecisionId: string, awardedAt: Date): Record<string, unknown>[] {
  return [
    {
      id: `psr-award-notice-${awardDecisionId}`,
      documentType: "contractNotice",
      title: NOTICE_TITLES.award,
      description: "The Provider Selection Regime notice confirming the award of the contract.",
      url: noticeUrls("award", awardDecisionId).page,
      datePublished: awardedAt.toISOString(),
      format: "text/html",
      language: "en",
    },
  ];
}
