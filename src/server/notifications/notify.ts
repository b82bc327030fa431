import "server-only";
import type { Tx } from "../db";
import { env } from "../env";
import { enqueueEmail } from "./outbox";
import { renderNotice, type NoticeParams, type NoticeTemplate } from "./templates";

/**
 * Tells users something: a notice on their home page and an email, in the caller's transaction. What it says is the
 * template's (notifications/templates.ts); who is told is usually one of notifications/recipients.ts.
 */
export async function notifyUsers<T extends NoticeTemplate>(
  tx: Tx,
  users: { id: string; email: string; name: string }[],
  template: T,
  params: NoticeParams<T>,
  /** The email is about sealed bids on this tender (see Email.sealedTenderId). */
  options: { sealedTenderId?: string } = {},
): Promise<void> {
  const notice = renderNotice(template, params);
  const base = env().NEXTAUTH_URL.replace(/\/$/, "");
  for (const user of users) {
    await tx.notification.create({ data: { userId: user.id, title: notice.title, body: notice.body, href: notice.href } });
    await enqueueEmail(tx, {
      to: user.email,
      template: notice.kind,
      subject: notice.title,
      sealedTenderId: options.sealedTenderId,
      text: `Hello ${user.name},\n\n${notice.body}\n\n${base}${notice.href}\n\nCoCommission`,
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
