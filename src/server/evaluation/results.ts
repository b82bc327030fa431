import "server-only";
import { scoreTender, type MemberStatus, type ScoringInput, type TenderResult } from "@/domain/scoring";
import type { Db, Tx } from "../db";

/** A panel member as the engine counts them (PRODUCT.md: excluded, withdrawn and absent members are not counted). */
export function memberStatus(member: {
  status: string;
  keepSubmittedScores: boolean | null;
  markedAbsentAt: Date | null;
  conflictDeclarations: { hasConflict: boolean }[];
}): MemberStatus {
  if (member.conflictDeclarations.some((d) => d.hasConflict)) return "EXCLUDED";
  if (member.status === "STEPPED_BACK" && !member.keepSubmittedScores) return "WITHDRAWN";
  if (member.markedAbsentAt) return "ABSENT";
  return "COUNTED";
}

/** Everything the scoring engine needs for a tender, read in one go. Only submitted scores are votes. */
export async function loadScoringInput(client: Db | Tx, tenderId: string) {
  const tender = await client.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      aggregationRule: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true, kind: true } },
      bids: {
        where: { status: "SUBMITTED" },
        select: { id: true, organisation: { select: { name: true } } },
      },
      panelMembers: {
        where: { status: { in: ["ACCEPTED", "STEPPED_BACK"] } },
        select: {
          id: true,
          role: true,
          status: true,
          keepSubmittedScores: true,
          markedAbsentAt: true,
          anonymousLabel: true,
          conflictDeclarations: { select: { hasConflict: true } },
          user: { select: { name: true } },
        },
      },
    },
  });
  // The submitted bids and quality criteria are already known: asking by their
  // ids lets PostgreSQL use the (bidId, status) index instead of joining.
  const scores = await client.score.findMany({
    where: {
      status: "SUBMITTED",
      bidId: { in: tender.bids.map((b) => b.id) },
      criterionId: { in: tender.criteria.filter((c) => c.kind === "QUALITY").map((c) => c.id) },
    },
    select: { panelMemberId: true, bidId: true, criterionId: true, score: true },
  });
  // The price the panel evaluates is the one in the newest submitted version.
  // Only that field is read out of the version's content (a bid's full text can
  // be large, and this runs on every results page).
  const prices = await client.$queryRaw<{ bidId: string; pricePence: string | null }[]>`
    SELECT DISTINCT ON (v."bidId") v."bidId"::text AS "bidId", v.content->>'pricePence' AS "pricePence"
    FROM "BidVersion" v JOIN "Bid" b ON b.id = v."bidId"
    WHERE b."tenderId" = ${tenderId}::uuid AND b.status = 'SUBMITTED'
    ORDER BY v."bidId", v.version DESC`;
  const priceOf = new Map(prices.map((p) => [p.bidId, p.pricePence]));
  const input: ScoringInput = {
    rule: tender.aggregationRule,
    criteria: tender.criteria,
    bids: tender.bids.map((b) => {
      const price = priceOf.get(b.id);
      return { id: b.id, label: b.organisation.name, pricePence: price ? BigInt(price) : null };
    }),
    members: tender.panelMembers.map((m) => ({ id: m.id, role: m.role, status: memberStatus(m) })),
    votes: scores.flatMap((s) =>
      s.score === null ? [] : [{ memberId: s.panelMemberId, bidId: s.bidId, criterionId: s.criterionId, score: s.score }],
    ),
  };
  return { input, panelMembers: tender.panelMembers, criteria: tender.criteria };
}

type Loaded = Awaited<ReturnType<typeof loadScoringInput>>;

export async function computeResults(
  client: Db | Tx,
  tenderId: string,
): Promise<{ result: TenderResult; panelMembers: Loaded["panelMembers"]; criteria: Loaded["criteria"] }> {
  const { input, panelMembers, criteria } = await loadScoringInput(client, tenderId);
  return { result: scoreTender(input), panelMembers, criteria };
}
