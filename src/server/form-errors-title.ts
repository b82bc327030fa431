import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";

// GOV.UK: a page's title starts "Error: " while its form shows errors. With
// JavaScript the error summary does it (src/components/ui/error-summary.tsx).
// Without JavaScript a form posts to its server action and Next.js renders the
// page in the same request, after the action; the root layout's metadata asks
// here whether that action came back with errors. The request's headers object
// is what the action and that render share (one per request), so it keys the
// note and the note goes with the request.
const requestsWithFormErrors = new WeakSet<object>();

/** Called by the form error mapper (src/server/action-result.ts) when an action answers with errors. */
export async function noteFormErrors(): Promise<void> {
  try {
    requestsWithFormErrors.add(await headers());
  } catch (error) {
    unstable_rethrow(error);
    // Outside a request (an action called from a test): there is no page to title.
  }
}

/** Whether this request's form action came back with errors. */
export async function formCameBackWithErrors(): Promise<boolean> {
  try {
    return requestsWithFormErrors.has(await headers());
  } catch (error) {
    unstable_rethrow(error);
    return false;
  }
}
