import "server-only";

// Database errors the use cases turn into messages for the user.

/** A unique constraint refused the write (Prisma P2002): someone else got there first, or the value is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
