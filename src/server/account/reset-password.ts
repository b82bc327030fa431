import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { hashPassword, passwordProblem } from "../auth/password";
import { now as clockNow, wallClock } from "../clock";
import { db } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { hashLinkToken } from "../users/invitation-token";
import { fieldErrorsOf } from "../validation";
import { queuePasswordChangedEmail } from "./emails";

export type ResetLinkState = { kind: "valid"; email: string; expiresAt: Date } | { kind: "used" | "expired" | "unknown" };

/** What the reset link's page shows. A link of a disabled account, or replaced by a newer one, is "unknown". */
export async function checkResetLink(token: string, now = clockNow()): Promise<ResetLinkState> {
  if (typeof token !== "string" || token.length === 0 || token.length > 200) return { kind: "unknown" };
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { usedAt: true, revokedAt: true, expiresAt: true, user: { select: { email: true, disabledAt: true } } },
  });
  if (!reset || reset.user.disabledAt) return { kind: "unknown" };
  if (reset.usedAt) return { kind: "used" };
  if (reset.revokedAt) return { kind: "unknown" };
  if (reset.expiresAt <= now) return { kind: "expired" };
  return { kind: "valid", email: reset.user.email, expiresAt: reset.expiresAt };
}

export const resetPasswordSchema = z.object({
  token: z.string().max(200),
  /** Checked against the account's email address once it is known (passwordProblem). */
  password: z.string("Enter a new password"),
  confirmPassword: z.string("The passwords do not match"),
});

export const RESET_LINK_PROBLEMS = {
  used: "This link has already been used. If you still cannot sign in, ask for a new link.",
  expired: "This link has expired: links work for 30 minutes. Ask for a new one.",
  unknown: "This link is not valid. Check you copied the whole link from the most recent email, or ask for a new one.",
} as const;

/**
 * Sets a new password from a reset link. The link works once (claimed in the same transaction), the old password
 * stops working, every session of the account ends, any other open link is cancelled, and a "your password was
 * changed" email says so.
 */
export async function resetPassword(
  input: { token: string; password: string; confirmPassword: string },
  now = clockNow(),
): Promise<{ userId: string }> {
  const parsed = resetPasswordSchema.safeParse(input);
  const state = parsed.success ? await checkResetLink(parsed.data.token, now) : ({ kind: "unknown" } as const);
  if (state.kind === "unknown") throw new NotFound(RESET_LINK_PROBLEMS.unknown);
  if (state.kind !== "valid") throw new Conflict(RESET_LINK_PROBLEMS[state.kind]);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (errors.password === undefined) {
    const problem = passwordProblem(input.password, state.email);
    if (problem) errors.password = problem;
    else if (input.password !== input.confirmPassword) errors.confirmPassword = "The passwords do not match";
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(input.token) } });
    // Claim the link first: of two tabs submitting at once, only one wins.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new Conflict(RESET_LINK_PROBLEMS.used);
    const changed = await tx.user.updateMany({ where: { id: reset.userId, disabledAt: null }, data: { passwordHash } });
    if (changed.count !== 1) throw new NotFound(RESET_LINK_PROBLEMS.unknown);
    const user = await tx.user.findUniqueOrThrow({ where: { id: reset.userId }, select: { id: true, email: true, name: true } });
    const sessions = await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: wallClock() } });
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await queuePasswordChangedEmail(tx, user, "reset", now);
    await audit(tx, null, {
      action: "password_reset.completed",
      entityType: "User",
      entityId: user.id,
      after: { passwordResetId: reset.id, sessionsEnded: sessions.count },
    });
    return { userId: user.id };
  });
}
