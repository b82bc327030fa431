// How a typed signature is compared with the account name (see
// src/server/signatures.ts): pure, so the sign-off form shows the same rule.
const normalise = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");

/** Shown next to the signature box and in its error, so the rule is the one applied. */
export const NAME_RULE = "Capital letters and extra spaces do not matter.";

export function typedNameMatches(typed: string, fullName: string): boolean {
  return normalise(typed) !== "" && normalise(typed) === normalise(fullName);
}
