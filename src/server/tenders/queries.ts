import "server-only";
import { effectiveStatus } from "@/domain/tender-lifecycle";
import { assertRole } from "../access";
import type { Actor } from "../auth/actor";
import { db } from "../db";

// Reads of tenders. Each takes the Actor and its `where` returns only what
// that Actor may see: a page cannot leak what the query never returned.

const listSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  submissionDeadline: true,
  establishment: { select: { id: true, name: true } },
} as const;

function withEffectiveStatus<T extends { status: Parameters<typeof effectiveStatus>[0]; submissionDeadline: Date | null }>(
  rows: T[],
  now: Date,
) {
  return rows.map((row) => ({ ...row, status: effectiveStatus(row.status, row.submissionDeadline, now) }));
}

export async function listTendersForCommissioner(actor: Actor, now = new Date()) {
  assertRole(actor, "COMMISSIONER");
  const rows = await db.tender.findMany({ select: listSelect, orderBy: [{ updatedAt: "desc" }] });
  return withEffectiveStatus(rows, now);
}

/** Governors see tenders of their own establishments only. */
export async function listTendersForGovernor(actor: Actor, now = new Date()) {
  assertRole(actor, "GOVERNOR");
  const rows = await db.tender.findMany({
    where: { establishmentId: { in: actor.establishmentIds } },
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }],
  });
  return withEffectiveStatus(rows, now);
}

/** Providers see published tenders still open for bids. */
export async function listOpenTendersForProvider(actor: Actor, now = new Date()) {
  assertRole(actor, "PROVIDER");
  const rows = await db.tender.findMany({
    where: { status: "PUBLISHED", submissionDeadline: { gte: now } },
    select: listSelect,
    orderBy: [{ submissionDeadline: "asc" }],
  });
  return withEffectiveStatus(rows, now);
}

/** Tenders where the Actor sits on the panel, with their own membership. */
export async function listMyPanels(actor: Actor, now = new Date()) {
  assertRole(actor, "COMMISSIONER", "TECHNICIAN");
  const memberships = await db.panelMember.findMany({
    where: { userId: actor.id, status: { in: ["INVITED", "ACCEPTED"] }, tender: { status: { not: "CANCELLED" } } },
    select: { id: true, status: true, role: true, tender: { select: listSelect } },
    orderBy: { invitedAt: "desc" },
  });
  return memberships.map((m) => ({
    ...m,
    tender: { ...m.tender, status: effectiveStatus(m.tender.status, m.tender.submissionDeadline, now) },
  }));
}

export async function listGovernedEstablishments(actor: Actor) {
  assertRole(actor, "GOVERNOR");
  return db.establishment.findMany({
    where: { id: { in: actor.establishmentIds } },
    select: { id: true, name: true, code: true },
    orderBy: { name: "asc" },
  });
}
