import "server-only";
import { unstable_rethrow } from "next/navigation";
import { DomainError, Invalid, type ErrorCode, type FieldErrors } from "./errors";
import { noteFormErrors } from "./form-errors-title";
import { logger, newReference } from "./logger";

/** What a form's server action returns to the page (works with and without JavaScript). */
export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, so a re-rendered form keeps it (never passwords). */
  values?: Record<string, string>;
  /** The HTTP status an API would answer for this error (403 refused, 404 not found, 409, 422…): one vocabulary with route handlers. */
  httpStatus?: number;
  /** The error's code (src/server/errors.ts), for an action that answers one in its own way; never compare `message`. */
  code?: ErrorCode;
}

export const idleState: FormState = { status: "idle" };

/**
 * The one error mapper for forms: user-fixable errors become field messages
 * and an error summary; anything unexpected is logged with a reference the
 * user can quote. Next.js redirects and 403/404 interrupts pass through.
 */
export async function formAction(values: Record<string, string>, run: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await run()) ?? { status: "success" };
  } catch (error) {
    // A use case's error is the form's answer, a 403 or 404 too (its digest would otherwise make it Next's page).
    if (!(error instanceof DomainError)) unstable_rethrow(error);
    await noteFormErrors();
    return { ...errorState(error), values };
  }
}

export function errorState(error: unknown): FormState {
  if (error instanceof Invalid)
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, httpStatus: error.status, code: error.code };
  if (error instanceof DomainError) return { status: "error", message: error.message, httpStatus: error.status, code: error.code };
  const reference = newReference();
  logger.error({ ref: reference, err: error }, "unexpected error in an action");
  // Perhaps PostgreSQL went away: the server (scripts/serve.ts) checks before the next request.
  (globalThis as { cocommissionDbSuspect?: boolean }).cocommissionDbSuspect = true;
  return {
    status: "error",
    message: `Something went wrong on our side. Nothing was saved. Try again, and if it keeps happening quote reference ${reference}.`,
    httpStatus: 500,
  };
}

/** The same mapping for route handlers: a JSON body and an HTTP status. */
export function errorResponse(error: unknown): Response {
  if (error instanceof Invalid) {
    return Response.json({ error: error.message, code: error.code, fieldErrors: error.fieldErrors }, { status: error.status });
  }
  if (error instanceof DomainError) return Response.json({ error: error.message, code: error.code }, { status: error.status });
  const state = errorState(error);
  return Response.json({ error: state.message }, { status: 500 });
}

/**
 * The files chosen in a file input, as names and bytes. A file input left empty
 * still posts one empty file: named "" without JavaScript, and "undefined" once
 * React has carried the form to a server action. Neither is a file the user chose.
 */
export async function formFiles(formData: FormData, key: string): Promise<{ filename: string; bytes: Uint8Array }[]> {
  const files = formData
    .getAll(key)
    .filter((f): f is File => f instanceof File)
    .filter((f) => f.size > 0 || (f.name !== "" && f.name !== "undefined"));
  return Promise.all(files.map(async (f) => ({ filename: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Reads a FormData into plain strings (files and repeated keys are ignored). */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || omit.includes(key) || typeof value !== "string") continue;
    out[key] = value;
  }
  return out;
}
