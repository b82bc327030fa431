import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";

export function listMyNotifications(actor: Actor, take = 10) {
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, body: true, href: true, readAt: true, createdAt: true },
  });
}

/** The embedded default's "mailbox": admins only. */
export async function listOutbox(actor: Actor, take = 100) {
  if (actor.role !== "ADMIN") return [];
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
