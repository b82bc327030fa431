import "server-only";
import type { Tx } from "../db";
import { sealSecrets } from "./outbox-secret";

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Which kind of message this is, e.g. "invitation", "bid-receipt". */
  template: string;
  /** The tender whose sealed bids this email is about: hidden from admins until the bids are opened. */
  sealedTenderId?: string;
  /** Marker → value pairs only the recipient may read: stored encrypted, the text keeps the marker (see outbox-secret.ts). */
  secrets?: Record<string, string>;
}

/**
 * Queues an email in the caller's transaction. Sending happens later, in the
 * one sender, so a mail server problem can never break or block the action.
 */
export async function enqueueEmail(tx: Tx, email: Email): Promise<void> {
  const { secrets, ...rest } = email;
  await tx.outboxMessage.create({
    data: {
      ...rest,
      html: email.html ?? null,
      sealedTenderId: email.sealedTenderId ?? null,
      secret: secrets ? sealSecrets(secrets) : null,
    },
  });
}
