import "server-only";
import { z } from "zod";
import type { FormState } from "./action-result";
import { logger, requestContext } from "./logger";

// A server action can be called by anyone with any arguments: the page binds
// ids into it (`action.bind(null, tender.id)`), but the request that calls it
// carries them in its body, as the client sent them, shifted, missing or of
// any type. Every action checks its arguments against its schema here, before
// anything else (even reading the session): what does not match is a 400 in
// the form's state, with nothing read, written or logged as an error.

/** An id bound into the action by its page (the use case parses it as an id; a string of any other shape is a 404 there). */
export const BoundId = z.string().max(200);
/** A version number bound into the action by its page. */
export const BoundNumber = z.number().int().min(0).max(1_000_000_000);
/** A list of ids bound into the action by its page. */
export const BoundIds = z.array(BoundId).max(1_000);
/** The previous form state `useActionState` passes: never read. */
export const PreviousState = z.unknown();
/** The submitted form. */
export const Form = z.instanceof(FormData, { message: "not a form" });

/** A server action's arguments, in order. */
export const actionArguments = <const T extends [z.ZodType, ...z.ZodType[]]>(...schemas: T) => z.tuple(schemas);

export const MALFORMED_REQUEST =
  "This form could not be read: nothing was saved. Reload the page and try again; if it keeps happening, tell us which page it was.";

/** The form state for arguments that do not match (an HTTP API would answer 400 Bad Request). */
export const malformedRequest = (): FormState => ({ status: "error", message: MALFORMED_REQUEST, httpStatus: 400 });

/**
 * True when the arguments match the schema. Also records, for the request's
 * log and error handling (src/instrumentation.ts), that the action itself was
 * reached: a failure before this point was Next.js reading a request that was
 * not a valid action call, which is the client's fault, not the server's.
 */
export function argumentsMatch(schema: z.ZodType, args: unknown[]): boolean {
  markActionReached();
  const parsed = schema.safeParse(args);
  if (parsed.success) return true;
  logger.warn(
    { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), code: i.code })) },
    "server action called with arguments it does not take",
  );
  return false;
}

/** Records that the action's own code began (for an action that takes no arguments: signing out). */
export function markActionReached(): void {
  const context = requestContext.getStore();
  if (context) context.actionReached = true;
}
