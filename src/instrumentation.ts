import type { AsyncLocalStorage } from "node:async_hooks";
import type { Instrumentation } from "next";
import type { RequestContext } from "./server/logger";

// Starts the outbox sender with the Node.js server: every 30 seconds it sends
// what is due. Failures are recorded on the message, never thrown. The server
// (scripts/serve.ts) stops it on SIGTERM through globalThis.cocommissionOutbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { startOutboxSender } = await import("./server/notifications/outbox-sender");
  startOutboxSender();
}

/**
 * Every error Next.js catches while serving a request is logged here, once,
 * with the reference the error page shows (the digest). An error also asks
 * the server to check PostgreSQL before the next request, so an outage turns
 * into "try again" pages at once.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any await: scripts/serve.ts decides the status from this as the response ends.
  const store = (globalThis as { cocommissionRequests?: AsyncLocalStorage<RequestContext> }).cocommissionRequests?.getStore();
  if (store?.possibleAction && !store.actionReached) {
    // Next.js could not read the request as a server action call (the action's own code never began): the client's
    // fault, answered 400 by scripts/serve.ts, and a warning here, not an error.
    store.clientFault = true;
    const { logger } = await import("./server/logger");
    const e = error as { name?: unknown; message?: unknown } | null;
    logger.warn(
      { route: context.routePath, routeType: context.routeType, err: { type: String(e?.name), message: String(e?.message).slice(0, 200) } },
      "a request that is not a valid server action call",
    );
    return;
  }
  const { logger } = await import("./server/logger");
  const shared = globalThis as { cocommissionDbSuspect?: boolean; cocommissionLoggedErrors?: Set<string> };
  shared.cocommissionDbSuspect = true;
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  // One render can report the same error twice (server components, then HTML): log it once.
  const logged = (shared.cocommissionLoggedErrors ??= new Set());
  const requestId = request.headers["x-request-id"];
  const key = `${String(requestId)}:${digest}`;
  if (digest && logged.has(key)) return;
  if (digest) logged.add(key);
  // The server's plain error page (scripts/serve.ts) shows this reference.
  if (digest && typeof requestId === "string") {
    const refs = ((globalThis as { cocommissionErrorRefs?: Map<string, string> }).cocommissionErrorRefs ??= new Map());
    refs.set(requestId, digest);
    if (refs.size > 1000) refs.clear();
  }
  if (logged.size > 1000) logged.clear();
  logger.error(
    {
      ref: digest,
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
