import { z } from "zod";

/**
 * A record id as the database stores it (a UUID). Every use case parses the
 * ids it is given with this schema, so a malformed id — "------…", a path, a
 * huge or unicode string — is a NotFound (404) or a field error, never a
 * database error (500).
 */
export const idSchema = z.guid();

export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}

/** The id schema for a form field: a malformed id gets `message` next to the field. */
export function idField(message: string) {
  return z.string(message).pipe(z.guid(message));
}
