import "server-only";
import { wallClock } from "../clock";
import nodemailer from "nodemailer";
import { db } from "../db";
import { env } from "../env";
import { fillSecrets } from "./outbox-secret";

const MAX_ATTEMPTS = 8;
const CLAIM_LEASE_MS = 10 * 60_000;

/**
 * The one sender. Delivers due outbox messages over SMTP when SMTP_URL is set;
 * without it, messages stay in the outbox (the embedded default's mailbox).
 * A failure is recorded and retried later with backoff; it never reaches the
 * action that queued the message.
 */
export async function sendDueEmails(
  now = wallClock(),
  batch = 20,
  /** Asked before each message: a stopping server (SIGTERM) finishes the message in hand and begins no other. */
  stopping: () => boolean = () => false,
): Promise<{ sent: number; failed: number }> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  const due = await db.outboxMessage.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    if (stopping()) break;
    // Claim the message so two app instances never send it twice: the claim
    // also moves it out of everyone's "due" list for a lease longer than any
    // send, so a slow mail server cannot make another sender pick it up again.
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING", attempts: message.attempts },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    try {
      const text = fillSecrets(message.text, message.secret);
      const html = message.html === null ? undefined : fillSecrets(message.html, message.secret);
      await transport.sendMail({ from: env().MAIL_FROM, to: message.to, subject: message.subject, text, html });
      // Once delivered, the outbox no longer needs the secret.
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: wallClock(), lastError: null, secret: null },
      });
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const backoffMinutes = Math.min(2 ** attempts, 240);
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
          lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          nextAttemptAt: new Date(now.getTime() + backoffMinutes * 60_000),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}
