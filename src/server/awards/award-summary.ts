import "server-only";
import type { AggregationRule } from "@/domain/scoring";
import type { Tx } from "../db";
import { computeResults, memberStatus } from "../evaluation/results";

/**
 * What the governor is asked to sign, frozen as JSON on the AwardDecision and
 * hashed (src/server/content-hash.ts). Outcome letters are cut from the same
 * snapshot, so every bidder's figures are exactly the ones the governor saw.
 * Evaluators appear only as roles and "Young commissioner A/B…", never by name.
 */
export interface AwardSummary {
  schemaVersion: 1;
  tender: {
    id: string;
    reference: string;
    title: string;
    summary: string;
    establishment: { id: string; name: string };
    estimatedValuePence: string | null;
    contractStartDate: string | null;
    contractTermMonths: number | null;
    procurementRoute: string;
  };
  rule: AggregationRule;
  ruleDescription: string;
  criteria: { id: string; name: string; weight: number; kind: "QUALITY" | "PRICE" }[];
  ranking: RankedBid[];
  recommended: { bidId: string; provider: string; rank: number; total: string; topRanked: boolean };
  justification: string | null;
  noteToYoungCommissioners: string | null;
  /** Per bid: the young commissioners' final reasons, anonymised. */
  youngCommissionersSaid: {
    bidId: string;
    provider: string;
    comments: { label: string; criterion: string; score: number; reason: string }[];
  }[];
  /** Per bid: every counted evaluator's reasons without any name, for the bidder's own letter. */
  panelReasons: { bidId: string; criteria: { criterionId: string; reasons: string[] }[] }[];
  panel: { commissioners: number; youngCommissioners: number; notCounted: { excluded: number; withdrawn: number; absent: number } };
  recommendedBy: string;
  recommendedAt: string;
  rankingFrozenAt: string | null;
}

export interface RankedBid {
  bidId: string;
  organisationId: string;
  provider: string;
  rank: number;
  tie: boolean;
  total: string;
  totalExact: string;
  pricePence: string | null;
  criteria: { criterionId: string; score: string | null; scoreExact: string | null; voteCount: number }[];
}

export async function buildAwardSummary(
  tx: Tx,
  tenderId: string,
  input: {
    recommendedBidId: string;
    justification: string | null;
    noteToYoungCommissioners: string | null;
    recommendedBy: string;
    now: Date;
  },
): Promise<AwardSummary> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    include: { establishment: { select: { id: true, name: true } }, criteria: { orderBy: { position: "asc" } } },
  });
  const { result, panelMembers } = await computeResults(tx, tenderId);
  const bids = await tx.bid.findMany({
    where: { tenderId, status: "SUBMITTED" },
    select: {
      id: true,
      organisationId: true,
      organisation: { select: { name: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { content: true } },
    },
  });
  const bidById = new Map(bids.map((b) => [b.id, b]));
  const ranking: RankedBid[] = result.bids
    .filter((b) => !b.incomplete && b.rank !== null && b.total !== null)
    .map((b) => {
      const bid = bidById.get(b.bidId)!;
      const content = bid.versions[0]?.content as { pricePence?: string | null } | undefined;
      return {
        bidId: b.bidId,
        organisationId: bid.organisationId,
        provider: bid.organisation.name,
        rank: b.rank!,
        tie: b.tie,
        total: b.totalDisplay!,
        totalExact: b.total!.toString(),
        pricePence: content?.pricePence ?? null,
        criteria: b.cells.map((c) => ({
          criterionId: c.criterionId,
          score: c.scoreDisplay,
          scoreExact: c.score?.toString() ?? null,
          voteCount: c.voteCount,
        })),
      };
    });
  const recommended = ranking.find((r) => r.bidId === input.recommendedBidId);
  if (!recommended) throw new Error("The recommended bid is not in the ranking");

  const counted = panelMembers.filter((m) => memberStatus(m) === "COUNTED");
  const countedIds = counted.map((m) => m.id);
  const scores = await tx.score.findMany({
    where: {
      status: "SUBMITTED",
      panelMemberId: { in: countedIds },
      bid: { tenderId, status: "SUBMITTED" },
      criterion: { kind: "QUALITY" },
    },
    select: { panelMemberId: true, bidId: true, criterionId: true, score: true, reason: true },
  });
  const criterionName = new Map(tender.criteria.map((c) => [c.id, c.name]));
  const criterionOrder = new Map(tender.criteria.map((c) => [c.id, c.position]));
  const memberById = new Map(counted.map((m) => [m.id, m]));
  const sorted = [...scores].sort(
    (a, b) =>
      criterionOrder.get(a.criterionId)! - criterionOrder.get(b.criterionId)! ||
      (memberById.get(a.panelMemberId)!.anonymousLabel ?? "").localeCompare(memberById.get(b.panelMemberId)!.anonymousLabel ?? "") ||
      a.reason.localeCompare(b.reason),
  );
  const statuses = panelMembers.map(memberStatus);

  return {
    schemaVersion: 1,
    tender: {
      id: tender.id,
      reference: tender.reference,
      title: tender.title,
      summary: tender.summary,
      establishment: tender.establishment,
      estimatedValuePence: tender.estimatedValuePence?.toString() ?? null,
      contractStartDate: tender.contractStartDate?.toISOString().slice(0, 10) ?? null,
      contractTermMonths: tender.contractTermMonths,
      procurementRoute: tender.procurementRoute,
    },
    rule: result.rule,
    ruleDescription: result.ruleDescription,
    criteria: tender.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, kind: c.kind })),
    ranking,
    recommended: {
      bidId: recommended.bidId,
      provider: recommended.provider,
      rank: recommended.rank,
      total: recommended.total,
      topRanked: recommended.rank === 1 && !recommended.tie,
    },
    justification: input.justification,
    noteToYoungCommissioners: input.noteToYoungCommissioners,
    youngCommissionersSaid: ranking.map((r) => ({
      bidId: r.bidId,
      provider: r.provider,
      comments: sorted
        .filter((s) => s.bidId === r.bidId && memberById.get(s.panelMemberId)!.role === "TECHNICIAN" && s.score !== null)
        .map((s) => ({
          label: `Young commissioner ${memberById.get(s.panelMemberId)!.anonymousLabel ?? "?"}`,
          criterion: criterionName.get(s.criterionId)!,
          score: s.score!,
          reason: s.reason,
        })),
    })),
    panelReasons: ranking.map((r) => ({
      bidId: r.bidId,
      criteria: tender.criteria
        .filter((c) => c.kind === "QUALITY")
        .map((c) => ({
          criterionId: c.id,
          reasons: sorted.filter((s) => s.bidId === r.bidId && s.criterionId === c.id).map((s) => s.reason),
        })),
    })),
    panel: {
      commissioners: counted.filter((m) => m.role === "COMMISSIONER").length,
      youngCommissioners: counted.filter((m) => m.role === "TECHNICIAN").length,
      notCounted: {
        excluded: statuses.filter((s) => s === "EXCLUDED").length,
        withdrawn: statuses.filter((s) => s === "WITHDRAWN").length,
        absent: statuses.filter((s) => s === "ABSENT").length,
      },
    },
    recommendedBy: input.recommendedBy,
    recommendedAt: input.now.toISOString(),
    rankingFrozenAt: tender.rankingFrozenAt?.toISOString() ?? null,
  };
}
