import type { z } from "zod";
import type { FieldErrors } from "./errors";

/** zod issues → one message per field (the first), keyed by dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
