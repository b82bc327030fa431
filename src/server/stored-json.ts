import "server-only";
import type { z } from "zod";

/**
 * A JSON column's stored value does not have the shape its writer gives it
 * (edited behind the app's back, or written by an older version). Not the
 * user's fault: it surfaces as a logged 500 with a reference, never as a
 * half-read page.
 */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    readonly issues: string[],
  ) {
    super(`The stored ${column} does not have the expected shape: ${issues.join("; ")}`);
    this.name = "StoredJsonError";
  }
}

/**
 * Reads a JSON column through the zod schema kept next to the code that writes
 * it; `column` names it in the error ("AwardDecision.summary").
 */
export function parseStoredJson<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoredJsonError(
      column,
      parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(the whole value)"}: ${i.message}`),
    );
  }
  return parsed.data;
}
