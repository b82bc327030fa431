import "server-only";
import { can } from "../policy";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Paging } from "@/domain/paging";
import { Prisma } from "@/generated/prisma/client";
import type { OutboxStatus } from "@/generated/prisma/enums";

/** "For your attention": the newest notices whose request is still open (see clearNotices). */
export function listMyNotifications(actor: Actor, take = 10) {
  return db.notification.findMany({
    where: { userId: actor.id, clearedAt: null },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, href: true, readAt: true, createdAt: true },
  });
}

/** Not about a sealed bid, or about one whose tender's bids have been opened. */
const listed = Prisma.sql`(o."sealedTenderId" IS NULL OR EXISTS (
  SELECT 1 FROM "Tender" t WHERE t."id" = o."sealedTenderId" AND t."bidsOpenedAt" IS NOT NULL))`;

/**
 * The embedded default's "mailbox": admins only. What an admin needs is
 * whether mail is flowing (when, which kind, status, attempts). An email about
 * sealed bids (a receipt to a bidder, a cancellation sent to the bidders) is
 * not listed, nor counted, until the tender's bids are opened: a row, even
 * with its recipient hidden, would say that a bid exists and when it came.
 * Once the bids are opened, those emails are listed like any other.
 */
export async function listOutbox(actor: Actor, page: Paging = { page: 1, size: 100, skip: 0 }) {
  if (!can(actor, "outbox.read")) return [];
  return db.$queryRaw<OutboxRow[]>`
    SELECT o."id", o."to", o."subject", o."text", o."template", o."status", o."attempts", o."lastError", o."createdAt", o."sentAt"
    FROM "OutboxMessage" o
    WHERE ${listed}
    ORDER BY o."createdAt" DESC, o."id" ASC
    OFFSET ${page.skip} LIMIT ${page.size}`;
}

export async function countOutbox(actor: Actor): Promise<number> {
  if (!can(actor, "outbox.read")) return 0;
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM "OutboxMessage" o WHERE ${listed}`;
  return Number(row!.count);
}

interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
