import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "./db";

// One way to take a row lock: `SELECT 1 FROM "<Table>" WHERE "id" = $1::uuid FOR UPDATE`, inside the caller's
// transaction, so two changes to one record happen one after the other (the second waits, then reads what the
// first wrote). ESLint refuses a hand-written FOR UPDATE elsewhere (the audit chain's head, which reads as it
// locks, is the exception).

/** The tables whose rows are locked for a change, and the columns a lock may also be narrowed by. */
type Lockable =
  | "Tender"
  | "ShapingStage"
  | "ShapingView"
  | "PanelMember"
  | "CoCommissioningAgreement"
  | "TimeEntry"
  | "User"
  | "Contract"
  | "Organisation";
type NarrowBy = { technicianId: string };

/** Locks one row (no error if there is none: the caller's read says "not found"). */
export async function lockRow(tx: Tx, table: Lockable, id: string, also?: NarrowBy): Promise<void> {
  const narrow = also ? Prisma.sql` AND "technicianId" = ${also.technicianId}::uuid` : Prisma.empty;
  await tx.$executeRaw(Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id}::uuid${narrow} FOR UPDATE`);
}

/** Locks several rows of one table in id order, so two changes that overlap cannot deadlock. */
export async function lockRows(tx: Tx, table: Lockable, ids: string[]): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`);
}
