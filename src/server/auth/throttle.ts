import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";

// Sign-in throttling in PostgreSQL, shared by every app instance. Each attempt
// is counted by ONE statement (INSERT … ON CONFLICT DO UPDATE … RETURNING):
// PostgreSQL locks the key's row for the statement, so concurrent attempts are
// counted one after another and none can slip between a check and a write.
// An attempt is counted *before* the password is checked; a correct password
// then gives the count back. We chose this over rate-limiter-flexible's
// PostgreSQL store because that library creates and manages its own table at
// run time (outside prisma/migrations and the schema-drift test) and the whole
// rule is two SQL statements.

/** Failed attempts one address may make across all accounts per window. */
export const MAX_FAILURES_PER_IP = 20;
export const IP_WINDOW_MINUTES = 15;
/** Wrong passwords in a row for one account from one address before delays start. */
export const FREE_FAILURES_PER_ACCOUNT_AND_IP = 3;
/** Delays double from 1 second up to this. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** A quiet hour forgets an account+address's failures. */
export const ACCOUNT_IP_MEMORY_MINUTES = 60;

/**
 * "ip" and "account-ip" limit sign-in from an unknown browser, "account-device" from a known one (device-cookie.ts);
 * "reset-ip" and "reset-account" limit "forgotten your password?" requests, "code-ip" guesses at one-time codes
 * (src/server/one-time-codes/).
 */
export function throttleKey(
  scope: "ip" | "account-ip" | "account-device" | "reset-ip" | "reset-account" | "code-ip",
  value: string,
): string {
  return createHash("sha256").update(`${scope}:${value}`).digest("hex");
}

/** The delay after the n-th wrong password in a row (0 for the first few). */
export function delayAfterFailures(n: number): number {
  if (n <= FREE_FAILURES_PER_ACCOUNT_AND_IP) return 0;
  return Math.min(2 ** (n - FREE_FAILURES_PER_ACCOUNT_AND_IP - 1), MAX_DELAY_SECONDS);
}

export type Consumed = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt from an address; refused once the window holds MAX_FAILURES_PER_IP. */
export function consumeIpAttempt(key: string, now: Date): Promise<Consumed> {
  return consumeWindowAttempt(key, now, MAX_FAILURES_PER_IP, IP_WINDOW_MINUTES);
}

/** Counts one event for a key in a fixed window of `windowMinutes`; refused once the window holds more than `max`. */
export async function consumeWindowAttempt(key: string, now: Date, max: number, windowMinutes: number): Promise<Consumed> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const rows = await db.$queryRaw<{ hits: number; windowStartedAt: Date }[]>`
    INSERT INTO "SignInThrottle" ("key", "hits", "windowStartedAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN 1 ELSE "SignInThrottle"."hits" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStartedAt" END,
      "updatedAt" = ${now}
    RETURNING "hits", "windowStartedAt"`;
  const row = rows[0]!;
  if (row.hits <= max) return { allowed: true };
  const reopens = row.windowStartedAt.getTime() + windowMinutes * 60_000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)) };
}

/**
 * Counts one attempt for an account from an address (or, for a known device,
 * from that device: sign-in.ts), unless that pair is still waiting out its
 * delay (then nothing is counted and the password is not checked). The pair is
 * the key, so an attacker elsewhere never delays the real user: there is no
 * lockout anyone can trigger.
 */
export async function consumeAccountIpAttempt(key: string, now: Date): Promise<Consumed> {
  const forgetBefore = new Date(now.getTime() - ACCOUNT_IP_MEMORY_MINUTES * 60_000);
  // The delay that follows this attempt, should it fail, is set in the same
  // statement (before the password is checked), so concurrent attempts see it.
  const rows = await db.$queryRaw<{ hits: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "hits", "windowStartedAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "SignInThrottle"."updatedAt" <= ${forgetBefore} THEN 1 ELSE "SignInThrottle"."hits" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."updatedAt" <= ${forgetBefore} THEN ${now} ELSE "SignInThrottle"."windowStartedAt" END,
      "blockedUntil" = CASE
        WHEN "SignInThrottle"."updatedAt" <= ${forgetBefore} OR "SignInThrottle"."hits" + 1 <= ${FREE_FAILURES_PER_ACCOUNT_AND_IP}::int THEN NULL
        ELSE ${now}::timestamptz + make_interval(secs => LEAST(power(2, "SignInThrottle"."hits" - ${FREE_FAILURES_PER_ACCOUNT_AND_IP}::int), ${MAX_DELAY_SECONDS}::int))
      END,
      "updatedAt" = ${now}
    WHERE "SignInThrottle"."blockedUntil" IS NULL OR "SignInThrottle"."blockedUntil" <= ${now}
    RETURNING "hits"`;
  if (rows.length === 1) return { allowed: true };
  const row = await db.signInThrottle.findUnique({ where: { key }, select: { blockedUntil: true } });
  const until = row?.blockedUntil?.getTime() ?? now.getTime() + 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** A correct password: the address's attempt is given back and the pair starts afresh. */
export async function refundOnSuccess(ipKey: string | null, accountIpKey: string): Promise<void> {
  await db.$transaction([
    ...(ipKey ? [db.$executeRaw`UPDATE "SignInThrottle" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = ${ipKey}`] : []),
    db.signInThrottle.deleteMany({ where: { key: accountIpKey } }),
  ]);
}

/** An attempt that turned out right (a one-time code that works): given back, so only wrong ones fill the window. */
export async function refundWindowAttempt(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = ${key}`;
}
