// Errors carry a code, mapped to an HTTP status in one place (src/server/errors.ts); a NotFound or a Forbidden met
// while a page renders is Next.js's own 404 or 403 page, which Next.js recognises by the error's digest.
import { describe, expect, it } from "vitest";
import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { Conflict, DomainError, ERROR_STATUS, Forbidden, Invalid, NotFound, TooManyRequests } from "@/server/errors";

describe("error codes", () => {
  it("each error class has its code and the status of that code", () => {
    const cases: [DomainError, string, number][] = [
      [new NotFound(), "NOT_FOUND", 404],
      [new Forbidden(), "FORBIDDEN", 403],
      [new Conflict("Taken"), "CONFLICT", 409],
      [new Conflict("The bids have already been opened.", "BIDS_ALREADY_OPENED"), "BIDS_ALREADY_OPENED", 409],
      [new Invalid({ name: "Enter a name" }), "INVALID", 422],
      [new TooManyRequests("Wait"), "TOO_MANY_REQUESTS", 429],
    ];
    for (const [error, code, status] of cases) {
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(ERROR_STATUS[error.code]).toBe(status);
    }
  });

  it("NotFound and Forbidden are Next.js's 404 and 403 to a page; the others are not", () => {
    expect(isHTTPAccessFallbackError(new NotFound())).toBe(true);
    expect(getAccessFallbackHTTPStatus(new NotFound() as never)).toBe(404);
    expect(isHTTPAccessFallbackError(new Forbidden("No"))).toBe(true);
    expect(getAccessFallbackHTTPStatus(new Forbidden() as never)).toBe(403);
    for (const other of [new Conflict("x"), new Invalid({}), new TooManyRequests("x")])
      expect(isHTTPAccessFallbackError(other)).toBe(false);
  });
});

describe("the one mapper for forms and route handlers", () => {
  it("answers a form with the error's message, status and code, a 404 too (never Next's page inside a form)", async () => {
    const { formAction } = await import("@/server/action-result");
    const state = await formAction({ title: "typed" }, async () => {
      throw new NotFound("We could not find that tender.");
    });
    expect(state).toEqual({
      status: "error",
      message: "We could not find that tender.",
      httpStatus: 404,
      code: "NOT_FOUND",
      values: { title: "typed" },
    });
    const opened = await formAction({}, async () => {
      throw new Conflict("The bids have already been opened.", "BIDS_ALREADY_OPENED");
    });
    expect(opened.code).toBe("BIDS_ALREADY_OPENED");
  });

  it("answers a route handler with the status and code as JSON", async () => {
    const { errorResponse } = await import("@/server/action-result");
    const response = errorResponse(new Forbidden("Only providers can bid."));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Only providers can bid.", code: "FORBIDDEN" });
  });
});
