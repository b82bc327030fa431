import "server-only";
import type { Tx } from "../db";

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Which kind of message this is, e.g. "invitation", "bid-receipt". */
  template: string;
  /** The tender whose sealed bids this email is about: hidden from admins until the bids are opened. */
  sealedTenderId?: string;
}

/**
 * Queues an email in the caller's transaction. Sending happens later, in the
 * one sender, so a mail server problem can never break or block the action.
 */
export async function enqueueEmail(tx: Tx, email: Email): Promise<void> {
  await tx.outboxMessage.create({ data: { ...email, html: email.html ?? null, sealedTenderId: email.sealedTenderId ?? null } });
}
