import "server-only";
import type { Tx } from "../db";
import { env } from "../env";
import { formatLondon } from "@/domain/london-time";
import { enqueueEmail } from "../notifications/outbox";

// The words of the account emails, kept out of the use cases. Every one says what happened and whom to tell if it
// was not the reader.

/** Where the link goes in the stored email; admins reading the outbox see this, not the link. */
export const RESET_LINK_MARKER = "[password reset link: only in the email sent to the account holder]";

function notMe(): string {
  return `If this was not you, tell ${env().SUPPORT_CONTACT} straight away, or your portal administrator.`;
}

export async function queueResetEmail(
  tx: Tx,
  user: { email: string; name: string },
  link: string,
  validMinutes: number,
  now: Date,
): Promise<void> {
  await enqueueEmail(tx, {
    to: user.email,
    template: "password-reset",
    subject: "Reset your CoCommission password",
    secrets: { [RESET_LINK_MARKER]: link },
    text:
      `Hello ${user.name},\n\n` +
      `Someone asked to reset the password of your CoCommission account at ${formatLondon(now, "dateTime")} (UK time).\n\n` +
      `To choose a new password, open this link. It works once, for ${validMinutes} minutes:\n${RESET_LINK_MARKER}\n\n` +
      `If you did not ask, you can ignore this email: your password has not changed and nobody can use it without this link.\n` +
      `${notMe()}\n\nCoCommission`,
  });
}

export async function queuePasswordChangedEmail(
  tx: Tx,
  user: { email: string; name: string },
  how: "reset" | "changed",
  now: Date,
): Promise<void> {
  const what =
    how === "reset"
      ? "was reset with a link sent to this email address"
      : "was changed by someone signed in to your account who knew the old password";
  await enqueueEmail(tx, {
    to: user.email,
    template: "password-changed",
    subject: "Your CoCommission password was changed",
    text:
      `Hello ${user.name},\n\n` +
      `The password of your CoCommission account ${what}, at ${formatLondon(now, "dateTime")} (UK time).\n` +
      `${how === "reset" ? "Every device that was signed in has been signed out." : "Every other device that was signed in has been signed out."}\n\n` +
      `If this was you, there is nothing else to do.\n${notMe()} They can disable the account while it is looked into.\n\nCoCommission`,
  });
}
