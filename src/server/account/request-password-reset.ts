import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { wait } from "../auth/sign-in";
import { consumeWindowAttempt, throttleKey } from "../auth/throttle";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { env } from "../env";
import { Invalid, TooManyRequests } from "../errors";
import { newLinkToken } from "../users/invitation-token";
import { fieldErrorsOf } from "../validation";
import { queueResetEmail } from "./emails";

/** A reset link works once, for this long. */
export const RESET_VALID_MINUTES = 30;
/** Requests one network address may make (for any email addresses) per window: then it is told to wait. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_ADDRESS_WINDOW_MINUTES = 15;
/** Emails one email address may be sent per window: further requests get the same answer and no email. */
export const RESET_EMAILS_PER_ACCOUNT = 3;
export const RESET_ACCOUNT_WINDOW_MINUTES = 60;

export const requestPasswordResetSchema = z.object({
  email: z
    .string("Enter your email address")
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org")),
});

/** A request that passed the checks: what `sendPasswordReset` needs, decided before anyone looked for an account. */
export interface AcceptedResetRequest {
  email: string;
  /** False once this email address has had RESET_EMAILS_PER_ACCOUNT emails in the window. */
  mayEmail: boolean;
  now: Date;
}

/**
 * "Forgotten your password?", first half: checks the address typed and counts the request, per network address
 * and per email address, in PostgreSQL (so on every app instance). Nothing here depends on whether the email
 * address has an account: the answer, the limits and the rows written are the same either way.
 */
export async function acceptPasswordResetRequest(
  input: { email: string },
  ip: string | null,
  now = clockNow(),
): Promise<AcceptedResetRequest> {
  const parsed = requestPasswordResetSchema.safeParse({
    email: typeof input.email === "string" ? input.email.slice(0, 1000) : input.email,
  });
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { email } = parsed.data;
  if (ip) {
    const fromAddress = await consumeWindowAttempt(
      throttleKey("reset-ip", ip),
      now,
      RESET_REQUESTS_PER_ADDRESS,
      RESET_ADDRESS_WINDOW_MINUTES,
    );
    if (!fromAddress.allowed) {
      throw new TooManyRequests(
        `Too many password reset requests from your network. Wait ${wait(fromAddress.retryAfterSeconds)} and try again.`,
      );
    }
  }
  const forAccount = await consumeWindowAttempt(
    throttleKey("reset-account", email),
    now,
    RESET_EMAILS_PER_ACCOUNT,
    RESET_ACCOUNT_WINDOW_MINUTES,
  );
  return { email, mayEmail: forAccount.allowed, now };
}

/**
 * Second half, run after the answer has gone (after-response.ts): an enabled account with that email address gets
 * a link (a 256-bit token, only its hash stored, valid RESET_VALID_MINUTES, replacing any earlier link). Anyone
 * else gets nothing, and nothing is written.
 */
export async function sendPasswordReset(request: AcceptedResetRequest): Promise<void> {
  if (!request.mayEmail) return;
  const { email, now } = request;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + RESET_VALID_MINUTES * 60_000);
  const link = `${env().NEXTAUTH_URL.replace(/\/$/, "")}/reset-password/${token}`;
  await db.$transaction(async (tx) => {
    const replaced = await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const reset = await tx.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt, createdAt: now }, select: { id: true } });
    await queueResetEmail(tx, user, link, RESET_VALID_MINUTES, now);
    await audit(tx, null, {
      action: "password_reset.requested",
      entityType: "User",
      entityId: user.id,
      after: { passwordResetId: reset.id, expiresAt, replacedLinks: replaced.count },
    });
  });
}
