import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { verifyPassword } from "./password";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { Invalid, TooManyRequests } from "../errors";

export const RATE_LIMIT_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  now?: Date;
}

/**
 * Checks an email and password. Failures are counted per account and per IP
 * in PostgreSQL, so the limit holds across app instances. While an account or
 * IP is over its limit even a correct password is refused.
 */
export async function authenticate(input: SignInInput): Promise<Actor> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = "Enter your email address";
  if (!input.password) fieldErrors.password = "Enter your password";
  if (Object.keys(fieldErrors).length > 0) throw new Invalid(fieldErrors);

  const keys = [`email:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const since = new Date(now.getTime() - RATE_LIMIT_WINDOW_MINUTES * 60_000);
  if (await recentFailures(`email:${email}`, since) >= MAX_FAILURES_PER_ACCOUNT ||
      (input.ip && (await recentFailures(`ip:${input.ip}`, since)) >= MAX_FAILURES_PER_IP)) {
    throw new TooManyRequests(
      `Too many failed sign-in attempts. Wait ${RATE_LIMIT_WINDOW_MINUTES} minutes and try again, or ask an administrator to reset your password.`,
    );
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await db.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded: false, at: now })) });
    // One message for every failure, so it does not reveal which emails exist.
    throw new Invalid({ email: "Enter a correct email address and password" }, "Your email address or password is wrong");
  }

  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { key: `email:${email}`, succeeded: true, at: now } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  });
  const actor = await loadActor(user.id);
  if (!actor) throw new Invalid({ email: "Enter a correct email address and password" });
  await db.$transaction((tx) => audit(tx, actor, { action: "user.signed_in", entityType: "User", entityId: user.id }));
  return actor;
}

/** Failures for a key since the window started and since its last success. */
async function recentFailures(key: string, since: Date): Promise<number> {
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { key, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return db.signInAttempt.count({
    where: { key, succeeded: false, at: { gte: lastSuccess && lastSuccess.at > since ? lastSuccess.at : since } },
  });
}
