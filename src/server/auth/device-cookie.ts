import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that has signed in to an
// account successfully gets a token for that account, `NONCE.HMAC(secret, account|NONCE)`. On a later sign-in to the
// same account, a valid token makes the browser a known device: it is throttled on its own (per account and device)
// instead of by its network address, so a shared network (an NHS trust's or a prison's NAT) blocked by someone
// else's wrong passwords does not keep it out. Unknown browsers keep the per-address limits. The account is bound
// inside the HMAC (its email, lower-cased), so the cookie names no one and a token works only for its own account.
// One browser may be used by a few people: the cookie holds up to MAX_TOKENS tokens, newest first.

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const MAX_TOKENS = 5;
/** Anything longer is not a cookie we wrote: ignored unread. */
const MAX_COOKIE_LENGTH = MAX_TOKENS * 80;
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-cocommission-device" : "cocommission-device";
}

function mac(email: string, nonce: string): Buffer {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`device-cookie|${email}|${nonce}`).digest();
}

function tokensOf(cookie: string | null | undefined): string[] {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
  return cookie.split("~").slice(0, MAX_TOKENS);
}

/** The nonce of this cookie's valid token for the account, or null (no cookie, forged, tampered, another account's). */
export function knownDevice(cookie: string | null | undefined, email: string): string | null {
  for (const token of tokensOf(cookie)) {
    const match = TOKEN.exec(token);
    if (!match) continue;
    const [, nonce, signature] = match as unknown as [string, string, string];
    const given = Buffer.from(signature, "base64url");
    const expected = mac(email, nonce);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return nonce;
  }
  return null;
}

/**
 * After a successful sign-in: a fresh token for the account (a new nonce each time, so a copied cookie's failures and
 * delays stay with the copy), first, then the browser's tokens for other accounts.
 */
export function issueDeviceToken(cookie: string | null | undefined, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const fresh = `${nonce}.${mac(email, nonce).toString("base64url")}`;
  const others = tokensOf(cookie).filter((t) => TOKEN.test(t) && knownDevice(t, email) === null);
  return [fresh, ...others].slice(0, MAX_TOKENS).join("~");
}
