// One-time codes (issue 24 shaping, issue 25 feedback): the printed code a young person types from a card. Pure:
// the alphabet, the printed form and how a typed code is read back. Making codes (random) and checking them
// (database, throttle) are in src/server/one-time-codes/.

/** 32 letters and digits that cannot be mistaken for each other: no 0 or O, no 1 or I. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** 32^10 = 2^50 codes: guessing one of a few hundred live codes at the throttled rate would take many lifetimes. */
export const CODE_LENGTH = 10;
/** Printed in groups of four, four and two: "ABCD-EFGH-JK". */
const GROUPS = [4, 4, 2] as const;

/** The most codes one batch may make (a wing's worth of cards). */
export const MAX_CODES_PER_BATCH = 200;

/** "ABCDEFGHJK" → "ABCD-EFGH-JK", as printed on the card. */
export function formatCode(code: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(code.slice(at, at + size));
    at += size;
  }
  return parts.filter(Boolean).join("-");
}

/**
 * What someone typed, read back as a code: spaces, hyphens and dots dropped, lower case raised. Null when it cannot
 * be a code (wrong length, a letter not on any card): such a code is "not working", exactly as a wrong one is.
 * Long input is cut before it is read, so a pasted essay costs nothing.
 */
export function normaliseCode(typed: unknown): string | null {
  if (typeof typed !== "string") return null;
  const cleaned = typed
    .slice(0, 64)
    .toUpperCase()
    .replace(/[\s\-–—.·_]/g, "");
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const ch of cleaned) if (!CODE_ALPHABET.includes(ch)) return null;
  return cleaned;
}

/** A code made from `CODE_LENGTH` numbers below the alphabet's length (the server draws them with crypto.randomInt). */
export function codeFromIndexes(indexes: readonly number[]): string {
  if (indexes.length !== CODE_LENGTH) throw new RangeError(`A code has ${CODE_LENGTH} characters`);
  return indexes
    .map((i) => {
      const ch = CODE_ALPHABET[i];
      if (ch === undefined || !Number.isInteger(i)) throw new RangeError(`Not a letter of the code alphabet: ${i}`);
      return ch;
    })
    .join("");
}
