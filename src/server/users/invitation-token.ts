import { createHash, randomBytes } from "node:crypto";

export const INVITATION_VALID_DAYS = 7;

/**
 * A random, unguessable 256-bit token for a one-time link (an invitation, a
 * password reset); only its SHA-256 hash is stored, so a copy of the database
 * opens no account.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const newInvitationToken = newLinkToken;
export const hashInvitationToken = hashLinkToken;
