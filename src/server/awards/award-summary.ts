import "server-only";
import { z } from "zod";
import { AGGREGATION_RULES } from "@/domain/scoring";
import { parseBidVersionContent } from "../bids/bid-version-content";
import type { Db, Tx } from "../db";
import { computeResults, memberStatus } from "../evaluation/results";
import { loadShapingSummary, type ShapingSummary } from "../shaping/shaping-summary";
import { parseStoredJson } from "../stored-json";
import { youngPeopleTookPart } from "@/domain/shaping-summary";

const rankedBidSchema = z.object({
  bidId: z.string(),
  organisationId: z.string(),
  provider: z.string(),
  rank: z.number().int(),
  tie: z.boolean(),
  total: z.string(),
  totalExact: z.string(),
  pricePence: z.string().nullable(),
  criteria: z.array(
    z.object({ criterionId: z.string(), score: z.string().nullable(), scoreExact: z.string().nullable(), voteCount: z.number().int() }),
  ),
});

/**
 * What young people shaped (issue 24) and how the recommended bid answers it: every theme in priority order with the
 * criteria linked to it and the recommended bid's score on each, and the co-production gate's outcome. Optional:
 * summaries frozen before shaping existed, and tenders shaped without it, have none (and parse as they always did).
 */
const shapingInAwardSchema = z.object({
  tookPart: z.string(),
  themes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      place: z.number().int().nullable(),
      highPriority: z.boolean(),
      criteria: z.array(
        z.object({ criterionId: z.string(), name: z.string(), kind: z.enum(["QUALITY", "PRICE"]), score: z.string().nullable() }),
      ),
    }),
  ),
  gate: z.object({
    youngCommissioners: z.number().int(),
    agreed: z.number().int(),
    askedForChanges: z.number().int(),
    override: z.object({ reason: z.string(), at: z.string() }).nullable(),
  }),
});

/**
 * What the governor is asked to sign, frozen as JSON on the AwardDecision
 * (AwardDecision.summary, written by recommend-award.ts) and hashed
 * (src/server/content-hash.ts). Outcome letters are cut from the same
 * snapshot, so every bidder's figures are exactly the ones the governor saw.
 * Evaluators appear only as roles and "Young commissioner A/B…", never by name.
 */
export const awardSummarySchema = z.object({
  schemaVersion: z.literal(1),
  tender: z.object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    summary: z.string(),
    establishment: z.object({ id: z.string(), name: z.string() }),
    estimatedValuePence: z.string().nullable(),
    contractStartDate: z.string().nullable(),
    contractTermMonths: z.number().int().nullable(),
    procurementRoute: z.string(),
  }),
  rule: z.enum(AGGREGATION_RULES),
  ruleDescription: z.string(),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number().int(), kind: z.enum(["QUALITY", "PRICE"]) })),
  ranking: z.array(rankedBidSchema),
  recommended: z.object({ bidId: z.string(), provider: z.string(), rank: z.number().int(), total: z.string(), topRanked: z.boolean() }),
  justification: z.string().nullable(),
  noteToYoungCommissioners: z.string().nullable(),
  /** Per bid: the young commissioners' final reasons, anonymised. */
  youngCommissionersSaid: z.array(
    z.object({
      bidId: z.string(),
      provider: z.string(),
      comments: z.array(z.object({ label: z.string(), criterion: z.string(), score: z.number().int(), reason: z.string() })),
    }),
  ),
  /** Per bid: every counted evaluator's reasons without any name, for the bidder's own letter. */
  panelReasons: z.array(
    z.object({ bidId: z.string(), criteria: z.array(z.object({ criterionId: z.string(), reasons: z.array(z.string()) })) }),
  ),
  panel: z.object({
    commissioners: z.number().int(),
    youngCommissioners: z.number().int(),
    notCounted: z.object({ excluded: z.number().int(), withdrawn: z.number().int(), absent: z.number().int() }),
  }),
  recommendedBy: z.string(),
  recommendedAt: z.string(),
  rankingFrozenAt: z.string().nullable(),
  shaping: shapingInAwardSchema.optional(),
});

export type AwardSummary = z.infer<typeof awardSummarySchema>;
export type RankedBid = z.infer<typeof rankedBidSchema>;
export type ShapingInAward = z.infer<typeof shapingInAwardSchema>;

/** The shaping part of a summary: each theme with the recommended bid's scores on the criteria linked to it. */
export function shapingInAward(shaping: ShapingSummary, recommended: RankedBid): ShapingInAward {
  const score = (criterionId: string) => recommended.criteria.find((c) => c.criterionId === criterionId)?.score ?? null;
  return {
    tookPart: youngPeopleTookPart(shaping.participation),
    themes: shaping.themes.map((t) => ({
      id: t.id,
      title: t.title,
      place: t.place,
      highPriority: t.highPriority,
      criteria: t.criteria.map((c) => ({ criterionId: c.id, name: c.name, kind: c.kind, score: score(c.id) })),
    })),
    gate: {
      youngCommissioners: shaping.gate.youngCommissioners,
      agreed: shaping.gate.agreed,
      askedForChanges: shaping.gate.askedForChanges,
      override: shaping.gate.override && { reason: shaping.gate.override.reason, at: shaping.gate.override.at.toISOString() },
    },
  };
}

/** A stored AwardDecision.summary, checked: a value of another shape is a StoredJsonError. */
export function parseAwardSummary(value: unknown): AwardSummary {
  return parseStoredJson(awardSummarySchema, value, "AwardDecision.summary");
}

const KEPT_SUMMARIES = 8;
const keptSummaries = new Map<string, AwardSummary>();

/**
 * Stored summaries by decision id, read and checked once per process. A
 * summary is written once, when the decision is made, together with its
 * SHA-256 (AwardDecision.contentHash), and never changed (the governor signs
 * that hash), so the parsed summary is kept under the decision's id and hash:
 * a page lists its decisions without their summaries (a 50-bid summary is
 * close to a megabyte of JSON) and reads from PostgreSQL only the ones this
 * process has not parsed yet, in one statement.
 */
export async function storedSummaries(
  client: Db | Tx,
  decisions: readonly { id: string; contentHash: string }[],
): Promise<Map<string, AwardSummary>> {
  const key = (d: { id: string; contentHash: string }) => `${d.id}:${d.contentHash}`;
  const found = new Map<string, AwardSummary>();
  for (const d of decisions) {
    const kept = keptSummaries.get(key(d));
    if (kept) found.set(d.id, kept);
  }
  const missing = decisions.filter((d) => !found.has(d.id));
  if (missing.length > 0) {
    const rows = await client.awardDecision.findMany({
      where: { id: { in: missing.map((d) => d.id) } },
      select: { id: true, contentHash: true, summary: true },
    });
    for (const row of rows) {
      const summary = parseAwardSummary(row.summary);
      found.set(row.id, summary);
      keptSummaries.set(key(row), summary);
      while (keptSummaries.size > KEPT_SUMMARIES) keptSummaries.delete(keptSummaries.keys().next().value!);
    }
  }
  return found;
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
      const stored = bid.versions[0]?.content;
      const content = stored === undefined ? undefined : parseBidVersionContent(stored);
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

  const shaping = await loadShapingSummary(tx, tenderId);

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
    ...(shaping ? { shaping: shapingInAward(shaping, recommended) } : {}),
  };
}
