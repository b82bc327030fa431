import "server-only";
import { can } from "../policy";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Paging } from "@/domain/paging";

/** "For your attention": the newest notices whose request is still open (see clearNotices). */
export function listMyNotifications(actor: Actor, take = 10) {
  return db.notification.findMany({
    where: { userId: actor.id, clearedAt: null },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, href: true, readAt: true, createdAt: true },
  });
}

export const SEALED_RECIPIENT = "Hidden until the bids are opened";
export const SEALED_TEXT =
  "This email is about a sealed bid. Whom it went to and what it says stay hidden until the commissioner opens the bids.";

/**
 * The embedded default's "mailbox": admins only. What an admin needs is
 * whether mail is flowing (when, which kind, status, attempts). Emails about
 * sealed bids keep their recipient, text and any error (which can name the
 * recipient) hidden until the tender's bids are opened, so the outbox cannot
 * tell anyone which organisations bid.
 */
export async function listOutbox(actor: Actor, page: Paging = { page: 1, size: 100, skip: 0 }) {
  if (!can(actor, "outbox.read")) return [];
  const messages = await db.outboxMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.size,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      template: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      sealedTenderId: true,
    },
  });
  const tenderIds = [...new Set(messages.flatMap((m) => (m.sealedTenderId ? [m.sealedTenderId] : [])))];
  const opened = new Set(
    (await db.tender.findMany({ where: { id: { in: tenderIds }, bidsOpenedAt: { not: null } }, select: { id: true } })).map((t) => t.id),
  );
  return messages.map(({ sealedTenderId, ...m }) =>
    sealedTenderId && !opened.has(sealedTenderId)
      ? { ...m, to: SEALED_RECIPIENT, text: SEALED_TEXT, lastError: m.lastError ? "Hidden until the bids are opened" : null, sealed: true }
      : { ...m, sealed: false },
  );
}

export async function countOutbox(actor: Actor): Promise<number> {
  return can(actor, "outbox.read") ? db.outboxMessage.count() : 0;
}
