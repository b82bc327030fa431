import "server-only";
import { wallClock } from "../clock";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { verifyPassword, PASSWORD_MAX_LENGTH } from "./password";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { Invalid, TooManyRequests } from "../errors";
import { fieldErrorsOf } from "../validation";
import { consumeAccountIpAttempt, consumeIpAttempt, refundOnSuccess, throttleKey } from "./throttle";
import { issueDeviceToken, knownDevice } from "./device-cookie";

export { MAX_FAILURES_PER_IP, IP_WINDOW_MINUTES, FREE_FAILURES_PER_ACCOUNT_AND_IP } from "./throttle";

/** RFC 5321's limit on an address; nothing longer is an email. */
export const EMAIL_MAX_LENGTH = 254;

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (src/server/auth/client-ip.ts), or null when unknown. */
  ip: string | null;
  /** The browser's device cookie (device-cookie.ts), if it sent one. */
  deviceCookie?: string | null;
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
 * written. Attempts are throttled in PostgreSQL (so across app instances).
 * From a browser that has signed in to this account before (a valid device
 * cookie): per account and device, with doubling delays, and no per-address
 * limit, so people behind a shared address (a trust's or a prison's network)
 * are not kept out by someone else's wrong passwords. From any other browser:
 * per address across all accounts, and per account from one address with
 * doubling delays. Neither key is the account alone, so someone hammering an
 * account from elsewhere never keeps its owner out.
 */
export async function authenticate(input: SignInInput): Promise<Actor> {
  return (await authenticateDevice(input)).actor;
}

/** `authenticate`, also returning the device cookie to set on the browser (a fresh token for this account). */
export async function authenticateDevice(input: SignInInput): Promise<{ actor: Actor; deviceCookie: string }> {
  const now = input.now ?? wallClock();
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { email, password } = parsed.data;

  const device = knownDevice(input.deviceCookie, email);
  const address = input.ip ?? "unknown";
  // A known device is counted on its own; an unknown one by its address (and the address across all accounts).
  const ipKey = device === null && input.ip ? throttleKey("ip", input.ip) : null;
  const pairKey = device === null ? throttleKey("account-ip", `${email}|${address}`) : throttleKey("account-device", `${email}|${device}`);
  const pair = await consumeAccountIpAttempt(pairKey, now);
  if (!pair.allowed) {
    const from = device === null ? "from here" : "from this browser";
    throw new TooManyRequests(`Too many wrong passwords for this account ${from}. Wait ${wait(pair.retryAfterSeconds)} and try again.`);
  }
  if (ipKey) {
    const fromIp = await consumeIpAttempt(ipKey, now);
    if (!fromIp.allowed) {
      throw new TooManyRequests(
        `Too many failed sign-in attempts from your network. Wait ${wait(fromIp.retryAfterSeconds)} and try again. If you have signed in on this browser before, you can sign in from it now.`,
      );
    }
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt) {
    // One message for every failure, so it does not reveal which emails exist.
    throw new Invalid({ email: WRONG }, "Your email address or password is wrong");
  }

  await refundOnSuccess(ipKey, pairKey);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Invalid({ email: WRONG });
  await db.$transaction((tx) => audit(tx, actor, { action: "user.signed_in", entityType: "User", entityId: user.id }));
  return { actor, deviceCookie: issueDeviceToken(input.deviceCookie, email) };
}
