import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { verifyPassword, PASSWORD_MAX_LENGTH } from "./password";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { Invalid, TooManyRequests } from "../errors";
import { fieldErrorsOf } from "../validation";
import { consumeAccountIpAttempt, consumeIpAttempt, refundOnSuccess, throttleKey } from "./throttle";

export { MAX_FAILURES_PER_IP, IP_WINDOW_MINUTES, FREE_FAILURES_PER_ACCOUNT_AND_IP } from "./throttle";

/** RFC 5321's limit on an address; nothing longer is an email. */
export const EMAIL_MAX_LENGTH = 254;

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (src/server/auth/client-ip.ts), or null when unknown. */
  ip: string | null;
  now?: Date;
}

const WRONG = "Enter a correct email address and password";

export const signInSchema = z.object({
  email: z
    .string("Enter your email address")
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`),
  password: z.string("Enter your password").min(1, "Enter your password").max(PASSWORD_MAX_LENGTH, WRONG),
});

/** "45 seconds", "3 minutes": how long to wait before trying again. */
export function wait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Checks an email and password. Every input is bounded before anything is
 * written. Attempts are throttled in PostgreSQL (so across app instances):
 * per address across all accounts, and per account from one address with
 * doubling delays. The pair is the key, so someone hammering an account from
 * elsewhere never keeps its owner out.
 */
export async function authenticate(input: SignInInput): Promise<Actor> {
  const now = input.now ?? new Date();
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { email, password } = parsed.data;

  const address = input.ip ?? "unknown";
  const ipKey = input.ip ? throttleKey("ip", input.ip) : null;
  const accountIpKey = throttleKey("account-ip", `${email}|${address}`);
  const pair = await consumeAccountIpAttempt(accountIpKey, now);
  if (!pair.allowed) {
    throw new TooManyRequests(`Too many wrong passwords for this account from here. Wait ${wait(pair.retryAfterSeconds)} and try again.`);
  }
  if (ipKey) {
    const fromIp = await consumeIpAttempt(ipKey, now);
    if (!fromIp.allowed) {
      throw new TooManyRequests(
        `Too many failed sign-in attempts from your network. Wait ${wait(fromIp.retryAfterSeconds)} and try again.`,
      );
    }
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt) {
    // One message for every failure, so it does not reveal which emails exist.
    throw new Invalid({ email: WRONG }, "Your email address or password is wrong");
  }

  await refundOnSuccess(ipKey, accountIpKey);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Invalid({ email: WRONG });
  await db.$transaction((tx) => audit(tx, actor, { action: "user.signed_in", entityType: "User", entityId: user.id }));
  return actor;
}
