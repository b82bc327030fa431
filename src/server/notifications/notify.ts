import "server-only";
import type { Tx } from "../db";
import { env } from "../env";
import { enqueueEmail } from "./outbox";

export interface Notice {
  title: string;
  body: string;
  /** A path inside the portal, e.g. /panels. */
  href?: string;
  /** Which kind of email this is, e.g. "panel-invitation". */
  template: string;
  /** The email is about sealed bids on this tender (see Email.sealedTenderId). */
  sealedTenderId?: string;
}

/** Tells users something: a notice on their home page and an email, in the caller's transaction. */
export async function notifyUsers(tx: Tx, users: { id: string; email: string; name: string }[], notice: Notice): Promise<void> {
  const base = env().NEXTAUTH_URL.replace(/\/$/, "");
  for (const user of users) {
    await tx.notification.create({ data: { userId: user.id, title: notice.title, body: notice.body, href: notice.href ?? null } });
    await enqueueEmail(tx, {
      to: user.email,
      template: notice.template,
      subject: notice.title,
      sealedTenderId: notice.sealedTenderId,
      text: `Hello ${user.name},\n\n${notice.body}\n${notice.href ? `\n${base}${notice.href}\n` : ""}\nCoCommission`,
    });
  }
}

/**
 * Clears the notices that link to `hrefs` (for every user) once what they ask
 * for was done or overtaken: a decision was given, a newer version or
 * recommendation replaced the one they name. Call it before sending new notices
 * about the same record, in the same transaction.
 */
export async function clearNotices(tx: Tx, hrefs: string[], now: Date): Promise<void> {
  if (hrefs.length === 0) return;
  await tx.notification.updateMany({ where: { href: { in: hrefs }, clearedAt: null }, data: { clearedAt: now } });
}
