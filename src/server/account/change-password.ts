import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { hashPassword, passwordProblem, PASSWORD_MAX_LENGTH, verifyPassword } from "../auth/password";
import { wait } from "../auth/sign-in";
import { consumeAccountIpAttempt, refundOnSuccess, throttleKey } from "../auth/throttle";
import { now as clockNow, wallClock } from "../clock";
import { db } from "../db";
import { Invalid, NotFound, TooManyRequests } from "../errors";
import { fieldErrorsOf } from "../validation";
import { queuePasswordChangedEmail } from "./emails";

export const changePasswordSchema = z.object({
  currentPassword: z
    .string("Enter your current password")
    .min(1, "Enter your current password")
    .max(PASSWORD_MAX_LENGTH, "Your current password is wrong"),
  /** Checked by passwordProblem: the same rules as an invitation and a reset. */
  password: z.string("Enter a new password"),
  confirmPassword: z.string("The passwords do not match"),
});

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/**
 * Changes the signed-in person's password. The current password is needed, and wrong ones count towards the same
 * limit as wrong passwords at sign-in (this account from this address), so a borrowed session cannot be used to
 * guess it. Every other session ends (this one stays), open reset links stop working, and an email says so.
 */
export async function changePassword(
  actor: Actor,
  currentSessionId: string | null,
  input: ChangePasswordInput,
  ip: string | null,
  now = clockNow(),
): Promise<{ sessionsEnded: number }> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { currentPassword, password, confirmPassword } = parsed.data;
  const errors: Record<string, string> = {};
  const problem = passwordProblem(password, actor.email);
  if (problem) errors.password = problem;
  else if (password !== confirmPassword) errors.confirmPassword = "The passwords do not match";
  else if (password === currentPassword) errors.password = "Choose a new password that is different from your current one";
  if (Object.keys(errors).length > 0) throw new Invalid(errors);

  const key = throttleKey("account-ip", `${actor.email}|${ip ?? "unknown"}`);
  const attempt = await consumeAccountIpAttempt(key, now);
  if (!attempt.allowed) throw new TooManyRequests(`Too many wrong passwords. Wait ${wait(attempt.retryAfterSeconds)} and try again.`);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, email: true, name: true } });
  if (!user) throw new NotFound();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new Invalid({ currentPassword: "Your current password is wrong" });
  await refundOnSuccess(null, key);

  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const ended = await tx.userSession.updateMany({
      where: { userId: actor.id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: wallClock() },
    });
    await tx.passwordReset.updateMany({ where: { userId: actor.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await queuePasswordChangedEmail(tx, user, "changed", now);
    await audit(tx, actor, {
      action: "user.password_changed",
      entityType: "User",
      entityId: actor.id,
      after: { otherSessionsEnded: ended.count },
    });
    return { sessionsEnded: ended.count };
  });
}
