import "server-only";
import { scoreTender, type MemberStatus, type ScoringInput, type TenderResult } from "@/domain/scoring";
import { db, type Db, type Tx } from "../db";

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

type Computed = Awaited<ReturnType<typeof computeResults>>;

/**
 * The tender's results stamp: a random value that PostgreSQL's triggers replace
 * whenever anything computeResults reads changes (the rule, the criteria, the
 * submitted bids and their newest versions, the bidders' names, the counted
 * panel, conflicts, members' names, submitted votes), whoever writes it: this
 * server, another one, plain SQL. One indexed read whatever the tender's size
 * (migration 20261207233000_results_version). A tender with no row yet has had
 * none of those written since the migration: "none" until it has.
 */
async function resultsFingerprint(tenderId: string): Promise<string> {
  const rows = await db.$queryRaw<{ stamp: string }[]>`
    SELECT stamp::text AS stamp FROM "ResultsVersion" WHERE "tenderId" = ${tenderId}::uuid`;
  return rows[0]?.stamp ?? "none";
}

const CACHED_TENDERS = 32;
const cached = new Map<string, { fingerprint: string; value: Promise<Computed> }>();

/**
 * A tender's results as they stand now, for pages (not for a transaction: use
 * computeResults(tx, …) there). The computed result is kept in this process
 * per tender under resultsFingerprint, which is read from PostgreSQL on every
 * call: a new or revised vote, a member marked absent or a new bid version
 * shows on the next request, whichever server wrote it. Requests that arrive
 * together for the same data share one computation. The value is shared
 * between requests and viewers: callers never change it, and everything that
 * depends on the viewer (names, anonymous labels, who may see it) is applied
 * by the caller afterwards.
 */
export async function currentResults(tenderId: string): Promise<Computed> {
  const fingerprint = await resultsFingerprint(tenderId);
  const hit = cached.get(tenderId);
  cached.delete(tenderId);
  if (hit && hit.fingerprint === fingerprint) {
    cached.set(tenderId, hit);
    return hit.value;
  }
  const entry = { fingerprint, value: computeResults(db, tenderId) };
  cached.set(tenderId, entry);
  entry.value.catch(() => {
    if (cached.get(tenderId) === entry) cached.delete(tenderId);
  });
  while (cached.size > CACHED_TENDERS) cached.delete(cached.keys().next().value!);
  return entry.value;
}

/** For tests: forget every kept result, so the next read loads from PostgreSQL. */
export function forgetCachedResults(): void {
  cached.clear();
}
