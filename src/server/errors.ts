// The errors a use case can throw, each with a code; the code's HTTP status is
// here and nowhere else (as Documenso's AppError). Actions map them to form
// state and route handlers to a response (src/server/action-result.ts); a page
// that meets a NotFound or a Forbidden renders Next.js's 404 or 403 page with
// that status, without opting in (the `digest` below).

export type FieldErrors = Record<string, string>;

/** Every code, with the HTTP status an API answers for it. */
export const ERROR_STATUS = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  TOO_MANY_REQUESTS: 429,
  // Conflicts a page answers in its own way: a second press of a one-time step finds it done and is shown the result.
  BIDS_ALREADY_OPENED: 409,
  RANKING_ALREADY_FROZEN: 409,
  AWARD_ALREADY_CONFIRMED: 409,
} as const satisfies Record<string, 403 | 404 | 409 | 422 | 429>;

export type ErrorCode = keyof typeof ERROR_STATUS;
/** The codes a Conflict may carry. */
export type ConflictCode = { [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends 409 ? C : never }[ErrorCode];

/**
 * Next.js renders its not-found or forbidden page for an error whose digest is
 * `NEXT_HTTP_ERROR_FALLBACK;<404|403>` (what `notFound()` and `forbidden()` throw);
 * tests/unit/errors.test.ts checks that against Next.js's own test.
 */
export const NEXT_FALLBACK_DIGEST = "NEXT_HTTP_ERROR_FALLBACK";

export class DomainError extends Error {
  readonly status: number;
  /** Set for 403 and 404 only: a page that throws it renders Next.js's 403 or 404 page. */
  readonly digest?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
    if (this.status === 403 || this.status === 404) this.digest = `${NEXT_FALLBACK_DIGEST};${this.status}`;
  }
}

export class NotFound extends DomainError {
  constructor(message = "We could not find that page.") {
    super("NOT_FOUND", message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super("FORBIDDEN", message);
  }
}

/** The action clashes with the current state (already done, changed meanwhile, deadline passed). */
export class Conflict extends DomainError {
  constructor(message: string, code: ConflictCode = "CONFLICT") {
    super(code, message);
  }
}

/** Input the user can fix: messages keyed by field name. */
export class Invalid extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "There is a problem with what you entered.",
  ) {
    super("INVALID", message);
  }
}

export class TooManyRequests extends DomainError {
  constructor(message: string) {
    super("TOO_MANY_REQUESTS", message);
  }
}
