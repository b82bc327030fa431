import "server-only";
// The one read side of young people's views (issue 24). Every page that shows a view's words reads it here, so
// the rules hold in the queries themselves:
// - a WAITING view is read by the stage's facilitators only (the check queue);
// - `shaping.readViews` readers get ACCEPTED views; a young commissioner also their own answers;
// - a DISCLOSURE is read by the facilitator who flagged it, alone: everyone else, other facilitators included,
//   gets "n flagged" and nothing more, in any list, count or export;
// - a quote is an accepted view whose young person agreed and whose agreement was not withdrawn;
// - any breakdown of anonymous answers shows fewer than 5 as "fewer than 5" (privateCount).
import { AGE_BAND_LABELS, AGE_BANDS, type AgeBand, privateCount, shapingAllows } from "@/domain/shaping-stage";
import type { Prisma } from "@/generated/prisma/client";
import type { ShapingViewSource, ViewCheck } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db, type Db, type Tx } from "../db";
import { batchSummaries, type BatchSummary } from "../one-time-codes/codes";
import { authorize, can, type ShapingRelations } from "../policy";
import { loadStage, type LoadedStage } from "./load-stage";

/** Matches no view: for readers who may read none. */
const NONE: Prisma.ShapingViewWhereInput = { id: { in: [] } };

/**
 * The views of a stage whose words the actor may read outside the check queue, as a `where`: ACCEPTED views for
 * `shaping.readViews` (facilitators included), and a young commissioner's own answers whatever their check. Use it
 * in every query that returns a view's text (themes, quotes, exports).
 */
export function viewsReadableWhere(actor: Actor, stage: ShapingRelations & { id: string }): Prisma.ShapingViewWhereInput {
  if (!can(actor, "shaping.readViews", stage)) return NONE;
  const own: Prisma.ShapingViewWhereInput[] = can(actor, "shaping.contribute", stage) ? [{ source: "MEMBER", authorId: actor.id }] : [];
  return { stageId: stage.id, OR: [{ check: "ACCEPTED" }, ...own] };
}

/** Accepted views whose young person agreed to be quoted, agreement not withdrawn: the only words that may be quoted. */
export const quotableWhere = (stageId: string): Prisma.ShapingViewWhereInput => ({
  stageId,
  check: "ACCEPTED",
  quoteConsent: true,
  quoteWithdrawnAt: null,
});

export interface ReadableView {
  id: string;
  questionId: string;
  question: string;
  text: string;
  source: ShapingViewSource;
  ageBand: AgeBand | null;
  /** May be quoted (agreed, not withdrawn, accepted). */
  quotable: boolean;
  /** The reader's own answer (a young commissioner's). */
  mine: boolean;
  /** Shown only on the reader's own answers: whether it has been checked. */
  waiting: boolean;
  createdAt: Date;
}

/** The views the actor may read, question by question (their order), oldest first. Not found: as loadStage. */
export async function readableViews(actor: Actor, stageId: string, client: Db | Tx = db): Promise<ReadableView[]> {
  const stage = await loadStage(client, actor, stageId);
  const rows = await client.shapingView.findMany({
    where: viewsReadableWhere(actor, stage),
    select: {
      id: true,
      questionId: true,
      text: true,
      source: true,
      ageBand: true,
      quoteConsent: true,
      quoteWithdrawnAt: true,
      check: true,
      authorId: true,
      createdAt: true,
      question: { select: { text: true, position: true } },
    },
    orderBy: [{ question: { position: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    questionId: r.questionId,
    question: r.question.text,
    text: r.text,
    source: r.source,
    ageBand: r.ageBand,
    quotable: r.check === "ACCEPTED" && r.quoteConsent && !r.quoteWithdrawnAt,
    mine: r.authorId === actor.id,
    waiting: r.authorId === actor.id && r.check === "WAITING",
    createdAt: r.createdAt,
  }));
}

/** The words that may be quoted (notice, "You said, we did"): accepted, agreed, not withdrawn. The caller decides who reads them. */
export async function consentedQuotes(client: Db | Tx, stageId: string): Promise<{ id: string; questionId: string; text: string }[]> {
  return client.shapingView.findMany({
    where: quotableWhere(stageId),
    select: { id: true, questionId: true, text: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export interface ViewCounts {
  accepted: number;
  waiting: number;
  setAside: number;
  /** Disclosures: a number, never more. */
  flagged: number;
  /** Young people who answered with a code (codes used). */
  codeAnswerers: number;
}

async function countsOf(client: Db | Tx, stageId: string): Promise<ViewCounts> {
  const [byCheck, codeAnswerers] = await Promise.all([
    client.shapingView.groupBy({ by: ["check"], where: { stageId }, _count: { _all: true } }),
    client.oneTimeCode.count({ where: { stageId, purpose: "SHAPING", usedAt: { not: null } } }),
  ]);
  const n = (check: ViewCheck) => byCheck.find((g) => g.check === check)?._count._all ?? 0;
  return { accepted: n("ACCEPTED"), waiting: n("WAITING"), setAside: n("SET_ASIDE"), flagged: n("DISCLOSURE"), codeAnswerers };
}

/** How many views are in each state: for anyone who may read the stage (its governor included). Numbers only. */
export async function viewCounts(actor: Actor, stageId: string): Promise<ViewCounts> {
  const stage = await loadStage(db, actor, stageId);
  return countsOf(db, stage.id);
}

export interface AnonymousBreakdown {
  /** Young people whose code answers were accepted, per age band they gave ("Not said" included), as privateCount. */
  byAgeBand: { label: string; count: string }[];
  /** The same, per batch of codes. */
  byBatch: { batch: number; count: string }[];
}

/**
 * Who answered with a code, by age band and by batch: accepted answers only, counted per young person (code), and
 * any figure under 5 shown as "fewer than 5" so no small group can be picked out.
 */
export async function anonymousBreakdown(actor: Actor, stageId: string): Promise<AnonymousBreakdown> {
  const stage = await loadStage(db, actor, stageId);
  const rows = await db.shapingView.findMany({
    where: { stageId: stage.id, source: "CODE", check: "ACCEPTED" },
    select: { codeId: true, ageBand: true, code: { select: { batch: true } } },
    distinct: ["codeId"],
  });
  const byAge = new Map<string, number>();
  const byBatch = new Map<number, number>();
  for (const r of rows) {
    const label = r.ageBand ? AGE_BAND_LABELS[r.ageBand] : "Not said";
    byAge.set(label, (byAge.get(label) ?? 0) + 1);
    if (r.code) byBatch.set(r.code.batch, (byBatch.get(r.code.batch) ?? 0) + 1);
  }
  return {
    byAgeBand: [...AGE_BANDS.map((b) => AGE_BAND_LABELS[b]), "Not said"]
      .filter((label) => byAge.has(label))
      .map((label) => ({ label, count: privateCount(byAge.get(label)!) })),
    byBatch: [...byBatch.entries()].sort((a, b) => a[0] - b[0]).map(([batch, count]) => ({ batch, count: privateCount(count) })),
  };
}

export interface QueueView {
  id: string;
  question: string;
  text: string;
  ageBand: string | null;
  quoteConsent: boolean;
  quoteWithdrawn: boolean;
  createdAt: Date;
}

export interface QueueGroup {
  /** "Card from batch 2", "Ali Khan (young commissioner)", "Focus group". */
  label: string;
  /** When the oldest answer in the group came in. */
  since: Date;
  views: QueueView[];
}

export interface CheckQueue {
  stage: LoadedStage;
  /** Answers can be checked now (gathering or ranking). */
  open: boolean;
  groups: QueueGroup[];
  counts: ViewCounts;
  /** The disclosures this facilitator flagged: theirs alone to read. */
  myDisclosures: QueueView[];
  /** Accepted answers whose young person agreed to be quoted (a facilitator may withdraw it for them). */
  quotes: QueueView[];
}

const queueSelect = {
  id: true,
  text: true,
  ageBand: true,
  quoteConsent: true,
  quoteWithdrawnAt: true,
  createdAt: true,
  source: true,
  codeId: true,
  authorId: true,
  sessionId: true,
  question: { select: { text: true, easyRead: true } },
  code: { select: { batch: true } },
  author: { select: { name: true } },
} as const;

type QueueRow = Prisma.ShapingViewGetPayload<{ select: typeof queueSelect }>;

const toQueueView = (r: QueueRow): QueueView => ({
  id: r.id,
  // An answer given on the anonymous form answered the easy-read words.
  question: r.source === "CODE" ? r.question.easyRead : r.question.text,
  text: r.text,
  ageBand: r.ageBand ? AGE_BAND_LABELS[r.ageBand] : null,
  quoteConsent: r.quoteConsent,
  quoteWithdrawn: r.quoteWithdrawnAt !== null,
  createdAt: r.createdAt,
});

/**
 * The facilitator's check queue: every WAITING view, oldest first, one group per code card (or per young
 * commissioner, or focus group); the disclosures this facilitator flagged (no one else's); and the counts.
 */
export async function checkQueue(actor: Actor, stageId: string): Promise<CheckQueue> {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.facilitate", stage);
  const [waiting, mine, quotes, counts] = await Promise.all([
    db.shapingView.findMany({
      where: { stageId: stage.id, check: "WAITING" },
      select: queueSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.shapingView.findMany({
      where: { stageId: stage.id, check: "DISCLOSURE", checkedById: actor.id },
      select: queueSelect,
      orderBy: [{ checkedAt: "asc" }, { id: "asc" }],
    }),
    db.shapingView.findMany({
      where: { stageId: stage.id, check: "ACCEPTED", quoteConsent: true },
      select: queueSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    countsOf(db, stage.id),
  ]);
  const groups = new Map<string, QueueGroup>();
  for (const r of waiting) {
    const key = r.codeId ? `code:${r.codeId}` : r.authorId ? `member:${r.authorId}` : `session:${r.sessionId ?? r.id}`;
    let group = groups.get(key);
    if (!group) {
      const label = r.code
        ? `Answers on one code card (batch ${r.code.batch})`
        : r.author
          ? `Answers from ${r.author.name} (young commissioner)`
          : "Answers from a focus group";
      group = { label, since: r.createdAt, views: [] };
      groups.set(key, group);
    }
    group.views.push(toQueueView(r));
  }
  return {
    stage,
    open: shapingAllows.checkViews(stage.status),
    groups: [...groups.values()],
    counts,
    myDisclosures: mine.map(toQueueView),
    quotes: quotes.map(toQueueView),
  };
}

/** The code batches of a stage, counts only, for its facilitators. */
export async function codeBatches(
  actor: Actor,
  stageId: string,
  now = clockNow(),
): Promise<{ stage: LoadedStage; batches: BatchSummary[] }> {
  const stage = await loadStage(db, actor, stageId);
  authorize(actor, "shaping.facilitate", stage);
  return { stage, batches: await batchSummaries(db, { purpose: "SHAPING", stageId: stage.id }, now) };
}
