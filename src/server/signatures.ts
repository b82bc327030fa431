import "server-only";
import type { Actor } from "./auth/actor";
import { Invalid } from "./errors";
import { NAME_RULE, typedNameMatches } from "@/domain/signature-name";

// One rule for every co-commissioning signature (award sign-offs and
// agreement versions): approving means typing your full name; asking for
// changes or rejecting needs a comment; every decision carries the hash of
// the content the signer was shown.
//
// The typed name is compared with the account name in one documented way:
// capital letters, spaces at either end and repeated spaces do not matter
// (and Unicode is compared in NFC form); every letter, accent and hyphen does.
// What was typed is kept as typed, with the account's name beside it.

export type SignOffChoice = "APPROVED" | "CHANGES_REQUESTED" | "REJECTED";

export interface SignOffInput {
  decision: string;
  typedName: string;
  comment: string;
  /** The content hash on the page the signer read (a hidden field). */
  contentHash: string;
}

export function parseSignOff(
  actor: Actor,
  input: SignOffInput,
  allowed: readonly SignOffChoice[],
): { decision: SignOffChoice; typedName: string | null; signerName: string; comment: string | null } {
  const errors: Record<string, string> = {};
  const decision = allowed.find((d) => d === input.decision);
  const comment = input.comment.trim();
  const typedName = input.typedName.trim();
  if (!decision) errors.decision = allowed.length === 1 ? "Confirm your signature" : "Choose whether you approve, want changes, or reject";
  if (decision === "APPROVED" && !typedNameMatches(typedName, actor.name)) {
    errors.typedName = typedName
      ? `Type your full name as it appears on your account: ${actor.name}. ${NAME_RULE}`
      : "Type your full name to sign";
  }
  if ((decision === "CHANGES_REQUESTED" || decision === "REJECTED") && !comment) {
    errors.comment = decision === "REJECTED" ? "Give the reason you are rejecting it" : "Say what needs to change";
  }
  if (comment.length > 5000) errors.comment = "Must be 5,000 characters or fewer";
  if (!/^[0-9a-f]{64}$/.test(input.contentHash)) errors.decision = "Reload the page and read it again before you decide";
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return { decision: decision!, typedName: decision === "APPROVED" ? typedName : null, signerName: actor.name, comment: comment || null };
}
