import { createHash, randomBytes } from "node:crypto";

export const INVITATION_VALID_DAYS = 7;

/** A random, unguessable token for the link; only its hash is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
