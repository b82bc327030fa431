// The errors a use case can return. Actions and route handlers map them to
// form state or an HTTP status in one place (src/server/action-result.ts).

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: number = 400;
}

export class NotFound extends DomainError {
  override readonly status = 404;
  constructor(message = "We could not find that page.") {
    super(message);
  }
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/** The action clashes with the current state (already done, changed meanwhile, deadline passed). */
export class Conflict extends DomainError {
  override readonly status = 409;
}

/** Input the user can fix: messages keyed by field name. */
export class Invalid extends DomainError {
  override readonly status = 422;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "There is a problem with what you entered.",
  ) {
    super(message);
  }
}

export class TooManyRequests extends DomainError {
  override readonly status = 429;
}
