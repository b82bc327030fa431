import "server-only";
import { timeTendersWhere } from "./time-entry-input";
import { payForMinutes } from "@/domain/money";
import { authorize, can } from "../policy";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { FIRST_PAGE, type Paging } from "@/domain/paging";
import { NotFound } from "../errors";
import { tendersRunByWhere } from "../policy";
import { isId } from "../ids";

// Reads of paid time. Each takes the Actor, and the `where` returns only what
// that Actor may see: a young commissioner their own time; a commissioner the
// time on tenders they run.

const tenderSelect = { select: { id: true, reference: true, title: true } } as const;

/** An approved (or paid) claim as the commissioner's page and the payroll CSV both show it. */
export const claimSelect = {
  id: true,
  workedOn: true,
  minutes: true,
  activity: true,
  hourlyRatePence: true,
  amountPence: true,
  reviewedAt: true,
  paidAt: true,
  technician: { select: { name: true, email: true } },
  reviewedBy: { select: { name: true } },
  tender: tenderSelect,
} as const;

/** A young commissioner's own time, newest day first, one page at a time, with what they are owed and have been paid. */
export async function getMyTime(actor: Actor, page: Paging = FIRST_PAGE) {
  authorize(actor, "time.log");
  const entries = await db.timeEntry.findMany({
    where: { technicianId: actor.id },
    select: {
      id: true,
      workedOn: true,
      minutes: true,
      activity: true,
      note: true,
      status: true,
      reviewNote: true,
      amountPence: true,
      paidAt: true,
      tender: tenderSelect,
    },
    orderBy: [{ workedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
  });
  const sums = await db.timeEntry.groupBy({
    by: ["status"],
    where: { technicianId: actor.id },
    _sum: { amountPence: true, minutes: true },
    _count: { _all: true },
  });
  const sum = (status: string) => sums.find((s) => s.status === status)?._sum;
  return {
    // The commissioner's note matters only while the entry is sent back.
    entries: entries.map((e) => ({
      ...e,
      reviewNote: e.status === "RETURNED" ? e.reviewNote : null,
      editable: e.status === "PENDING" || e.status === "RETURNED",
    })),
    total: sums.reduce((n, s) => n + s._count._all, 0),
    owedPence: sum("APPROVED")?.amountPence ?? 0,
    paidPence: sum("PAID")?.amountPence ?? 0,
    waitingMinutes: sum("PENDING")?.minutes ?? 0,
  };
}

/** One of the Actor's own entries, for the change form. */
export async function getMyTimeEntry(actor: Actor, entryId: string) {
  if (!can(actor, "time.log") || !isId(entryId)) throw new NotFound("We could not find that time.");
  const entry = await db.timeEntry.findFirst({
    where: { id: entryId, technicianId: actor.id },
    select: {
      id: true,
      tenderId: true,
      workedOn: true,
      minutes: true,
      activity: true,
      note: true,
      status: true,
      reviewNote: true,
      tender: tenderSelect,
    },
  });
  if (!entry) throw new NotFound("We could not find that time.");
  return {
    ...entry,
    reviewNote: entry.status === "RETURNED" ? entry.reviewNote : null,
    editable: entry.status === "PENDING" || entry.status === "RETURNED",
  };
}

/** The panels a young commissioner can log time for: ones they are on or stepped back from. */
export async function listMyTimeTenders(actor: Actor) {
  authorize(actor, "time.log");
  return db.tender.findMany({
    where: timeTendersWhere(actor),
    select: tenderSelect.select,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
}

/**
 * How much time waits in each list of a commissioner's page, and what the
 * approved claims not yet paid come to: for the headings and totals of the
 * paged lists below. One statement per state, so each reads through the
 * status index rather than scanning every time entry.
 */
export async function countTimeByStatus(actor: Actor) {
  authorize(actor, "time.payroll");
  const where = (status: "PENDING" | "RETURNED" | "APPROVED") => ({ status, tender: tendersRunByWhere(actor) });
  const [pending, returned, approved] = await Promise.all([
    db.timeEntry.count({ where: where("PENDING") }),
    db.timeEntry.count({ where: where("RETURNED") }),
    db.timeEntry.aggregate({ where: where("APPROVED"), _count: { _all: true }, _sum: { amountPence: true } }),
  ]);
  return { pending, returned, approved: approved._count._all, approvedPence: approved._sum.amountPence ?? 0 };
}

/** Time waiting to be checked on the tenders a commissioner runs, oldest first, one page at a time, with the pay it would come to now. */
export async function listTimeToApprove(actor: Actor, page: Paging = FIRST_PAGE) {
  authorize(actor, "time.payroll");
  const entries = await db.timeEntry.findMany({
    where: { status: "PENDING", tender: tendersRunByWhere(actor) },
    select: {
      id: true,
      workedOn: true,
      minutes: true,
      activity: true,
      note: true,
      reviewNote: true,
      createdAt: true,
      technician: { select: { name: true } },
      tender: { select: { id: true, reference: true, title: true, technicianHourlyRatePence: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
  });
  return entries.map((e) => {
    const rate = e.tender.technicianHourlyRatePence;
    return { ...e, previousReturnNote: e.reviewNote, expectedPence: rate === null ? null : payForMinutes(e.minutes, rate) };
  });
}

/**
 * Time a commissioner (or a colleague on the same tenders) sent back, still
 * waiting for the young commissioner to change it, newest first: so returned
 * time stays in view until it is sent again. One page at a time.
 */
export async function listReturnedTime(actor: Actor, page: Paging = FIRST_PAGE) {
  authorize(actor, "time.payroll");
  return db.timeEntry.findMany({
    where: { status: "RETURNED", tender: tendersRunByWhere(actor) },
    select: {
      id: true,
      workedOn: true,
      minutes: true,
      activity: true,
      reviewNote: true,
      reviewedAt: true,
      technician: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      tender: tenderSelect,
    },
    orderBy: [{ reviewedAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
  });
}

/**
 * Approved claims on the tenders a commissioner runs, one page at a time:
 * unpaid ones oldest first (to mark as paid), or with `status: "PAID"` the
 * most recently paid.
 */
export async function listClaims(actor: Actor, status: "APPROVED" | "PAID" = "APPROVED", page: Paging = FIRST_PAGE) {
  authorize(actor, "time.payroll");
  return db.timeEntry.findMany({
    where: { status, tender: tendersRunByWhere(actor) },
    select: claimSelect,
    orderBy: status === "PAID" ? [{ paidAt: "desc" }, { id: "asc" }] : [{ reviewedAt: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
  });
}

/** The lists a commissioner's paid-time page shows, each one page at a time, with the counts and the total waiting to be paid. */
export async function getTimeForCommissioner(actor: Actor, pages: { pending: Paging; returned: Paging; approved: Paging }) {
  const [counts, pending, returned, approved, paid] = await Promise.all([
    countTimeByStatus(actor),
    listTimeToApprove(actor, pages.pending),
    listReturnedTime(actor, pages.returned),
    listClaims(actor, "APPROVED", pages.approved),
    listClaims(actor, "PAID"),
  ]);
  return { counts, pending, returned, approved, paid };
}
