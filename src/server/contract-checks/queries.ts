import "server-only";
import { commitmentState, measureDueInPeriod, periodState, reviewState, type ReviewState } from "@/domain/contract-checks";
import { londonDateKey, utcDateKey } from "@/domain/london-time";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { NotFound } from "../errors";
import { isId } from "../ids";
import { can, contractsReadableWhere } from "../policy";
import { CONTRACT_NOT_FOUND } from "./load-contract";

// What the contract's checks pages read. Commissioners read every contract,
// a governor their establishments', a provider its own (contractsReadableWhere);
// a provider reads a review only once it is signed.

const signOffInclude = { orderBy: { signedAt: "asc" as const }, include: { signer: { select: { name: true } } } };

async function readableContract(actor: Actor, contractId: string) {
  const scope = contractsReadableWhere(actor);
  if (!scope || !isId(contractId)) throw new NotFound(CONTRACT_NOT_FOUND);
  const contract = await db.contract.findFirst({
    where: { id: contractId, ...scope },
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      endDate: true,
      establishmentId: true,
      organisationId: true,
      organisation: { select: { name: true } },
      establishment: { select: { name: true } },
      tender: { select: { shapingStage: { select: { themes: { orderBy: { position: "asc" }, select: { id: true, title: true } } } } } },
    },
  });
  if (!contract) throw new NotFound(CONTRACT_NOT_FOUND);
  return { ...contract, start: utcDateKey(contract.startDate), end: utcDateKey(contract.endDate) };
}

/** May the actor read this review now? Commissioners and the governor always; the provider once it is signed. */
const mayReadReview = (actor: Actor, contract: { establishmentId: string }, state: ReviewState) =>
  can(actor, "review.readDraft", contract) || state === "SIGNED";

/** The commitments (every version, newest first) with their signatures. */
export async function getCommitments(actor: Actor, contractId: string) {
  const contract = await readableContract(actor, contractId);
  const versions = await db.commitmentVersion.findMany({
    where: { contractId },
    orderBy: { version: "desc" },
    include: {
      createdBy: { select: { name: true } },
      measures: { orderBy: { position: "asc" }, include: { theme: { select: { title: true } } } },
      signOffs: signOffInclude,
    },
  });
  const withState = versions.map((v) => ({ ...v, state: commitmentState(v) }));
  return {
    contract,
    themes: contract.tender.shapingStage?.themes ?? [],
    versions: withState,
    latest: withState[0] ?? null,
    inForce: withState.find((v) => v.state === "IN_FORCE") ?? null,
    canDraft: can(actor, "commitments.draft") && contract.status === "ACTIVE",
    canSign: can(actor, "commitments.sign", contract),
    signerRole: can(actor, "contract.readOwn", contract) ? ("PROVIDER" as const) : ("COMMISSIONER" as const),
  };
}

/** The contract's periods with where each stands today, for the contract page. */
export async function listPeriods(actor: Actor, contractId: string, now: Date) {
  const contract = await readableContract(actor, contractId);
  const today = londonDateKey(now);
  const periods = await db.contractPeriod.findMany({
    where: { contractId },
    orderBy: { number: "asc" },
    include: {
      returns: { orderBy: { version: "asc" }, select: { version: true, submittedAt: true, correctionReason: true } },
      review: { include: { signOffs: true } },
    },
  });
  return periods.map((p) => {
    const first = p.returns[0];
    const range = { end: utcDateKey(p.endDate), due: utcDateKey(p.dueDate) };
    const review = p.review ? reviewState(p.review) : null;
    return {
      number: p.number,
      start: utcDateKey(p.startDate),
      ...range,
      state: periodState(range, first ? londonDateKey(first.submittedAt) : null, today),
      returnVersions: p.returns.length,
      review: review && mayReadReview(actor, contract, review) ? review : review ? ("IN_REVIEW" as const) : null,
    };
  });
}

/** One period: its return versions, its review (when the actor may read it), what the actor may do. */
export async function getPeriod(actor: Actor, contractId: string, periodNumber: number, now: Date) {
  const contract = await readableContract(actor, contractId);
  const notFound = new NotFound("We could not find that reporting period.");
  if (!Number.isSafeInteger(periodNumber) || periodNumber < 1) throw notFound;
  const period = await db.contractPeriod.findUnique({
    where: { contractId_number: { contractId, number: periodNumber } },
    include: {
      returns: {
        orderBy: { version: "desc" },
        include: {
          submittedBy: { select: { name: true } },
          values: { include: { measure: true } },
          files: { select: { id: true, filename: true, sizeBytes: true } },
        },
      },
      review: {
        include: {
          updatedBy: { select: { name: true } },
          ratings: { include: { measure: { select: { name: true, position: true } } } },
          actions: {
            orderBy: { position: "asc" },
            include: { answers: { orderBy: { answeredAt: "asc" }, include: { answeredBy: { select: { name: true } } } } },
          },
          signOffs: signOffInclude,
        },
      },
    },
  });
  if (!period) throw notFound;
  const today = londonDateKey(now);
  const range = { start: utcDateKey(period.startDate), end: utcDateKey(period.endDate), due: utcDateKey(period.dueDate) };
  const first = period.returns.at(-1);
  const state = periodState(range, first ? londonDateKey(first.submittedAt) : null, today);
  const versions = await db.commitmentVersion.findMany({
    where: { contractId },
    orderBy: { version: "desc" },
    include: { signOffs: true, measures: { orderBy: { position: "asc" } } },
  });
  const inForce = versions.find((v) => commitmentState(v) === "IN_FORCE") ?? null;
  const measuresDue = (inForce?.measures ?? []).filter((m) => measureDueInPeriod(m.frequency, range.end, contract.end));
  const reviewStateNow = period.review ? reviewState(period.review) : null;
  const review =
    period.review && reviewStateNow && mayReadReview(actor, contract, reviewStateNow) ? { ...period.review, state: reviewStateNow } : null;
  const latestReturn = period.returns[0] ?? null;
  const isProvider = can(actor, "return.submit", contract);
  return {
    contract,
    period: { id: period.id, number: period.number, ...range, state },
    measuresDue,
    returns: period.returns,
    latestReturn,
    review,
    reviewInProgress: period.review !== null && review === null,
    reviewIsStale: review !== null && latestReturn !== null && review.returnId !== latestReturn.id,
    may: {
      submit: isProvider && inForce !== null && today >= range.end,
      correct: isProvider && reviewStateNow === "SIGNED",
      review: can(actor, "review.write") && latestReturn !== null && reviewStateNow !== "SIGNED",
      signAsCommissioner: can(actor, "review.write") && reviewStateNow !== null && reviewStateNow !== "SIGNED",
      cosign: can(actor, "review.cosign", contract) && reviewStateNow === "AWAITING_GOVERNOR",
      answer: can(actor, "action.answer", contract) && reviewStateNow === "SIGNED",
    },
  };
}

/** A file sent with a return, for download (only to those who may read the contract). */
export async function getReturnFile(actor: Actor, contractId: string, fileId: string) {
  await readableContract(actor, contractId);
  if (!isId(fileId)) throw new NotFound("We could not find that file.");
  const file = await db.contractReturnFile.findFirst({
    where: { id: fileId, contractReturn: { period: { contractId } } },
    select: { filename: true, contentType: true, sizeBytes: true, data: true },
  });
  if (!file) throw new NotFound("We could not find that file.");
  return file;
}

/**
 * Each measure's values by period (from the latest return version of each
 * period), followed across commitment versions by the measure's key; the
 * target and unit are the newest version's.
 */
export async function getMeasureSeries(actor: Actor, contractId: string) {
  await readableContract(actor, contractId);
  const periods = await db.contractPeriod.findMany({
    where: { contractId, returns: { some: {} } },
    orderBy: { number: "asc" },
    select: {
      number: true,
      startDate: true,
      endDate: true,
      returns: { orderBy: { version: "desc" }, take: 1, select: { values: { include: { measure: true } } } },
    },
  });
  const series = new Map<
    string,
    {
      key: string;
      name: string;
      unit: (typeof periods)[number]["returns"][number]["values"][number]["measure"]["unit"];
      target: number;
      direction: "AT_LEAST" | "AT_MOST";
      points: { period: number; label: string; start: string; end: string; value: number }[];
    }
  >();
  for (const p of periods) {
    for (const v of p.returns[0]?.values ?? []) {
      const m = v.measure;
      const entry = series.get(m.key) ?? { key: m.key, name: m.name, unit: m.unit, target: m.target, direction: m.direction, points: [] };
      Object.assign(entry, { name: m.name, unit: m.unit, target: m.target, direction: m.direction });
      entry.points.push({
        period: p.number,
        label: `Period ${p.number}`,
        start: utcDateKey(p.startDate),
        end: utcDateKey(p.endDate),
        value: v.value,
      });
      series.set(m.key, entry);
    }
  }
  return [...series.values()];
}

/**
 * For a governor's establishment page: each contract of their establishments
 * with its latest review (signed or waiting for them), and the reviews waiting
 * for their co-signature.
 */
export async function contractReviewsForGovernor(actor: Actor) {
  if (!can(actor, "establishment.contractReviews")) return { contracts: [], toCosign: [] };
  const scope = contractsReadableWhere(actor);
  if (!scope) return { contracts: [], toCosign: [] };
  const contracts = await db.contract.findMany({
    where: scope,
    orderBy: [{ endDate: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      organisation: { select: { name: true } },
      periods: {
        where: { review: { isNot: null } },
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          startDate: true,
          endDate: true,
          review: {
            select: { ratings: { select: { rating: true } }, signOffs: true, contentHash: true, _count: { select: { actions: true } } },
          },
        },
      },
    },
  });
  const rows = contracts.map((c) => {
    const p = c.periods[0];
    const review = p?.review ? { ...p.review, state: reviewState(p.review) } : null;
    return {
      id: c.id,
      title: c.title,
      provider: c.organisation.name,
      latest:
        p && review
          ? {
              period: p.number,
              start: utcDateKey(p.startDate),
              end: utcDateKey(p.endDate),
              state: review.state,
              met: review.ratings.filter((r) => r.rating === "MET").length,
              partly: review.ratings.filter((r) => r.rating === "PARTLY_MET").length,
              notMet: review.ratings.filter((r) => r.rating === "NOT_MET").length,
              actions: review._count.actions,
            }
          : null,
    };
  });
  return { contracts: rows, toCosign: rows.filter((r) => r.latest?.state === "AWAITING_GOVERNOR") };
}
