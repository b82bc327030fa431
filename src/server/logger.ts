// The one logger: JSON lines on stdout (pino), read by whatever collects the
// server's output. Used by the server (scripts/serve.ts) and the app alike.
// Log ids and references only: never names, emails, passwords or bid content.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";

export interface RequestContext {
  requestId: string;
  /** The signed-in user, once the app has loaded the session (src/server/auth/session.ts), for the request's log line. */
  actorId?: string;
  /** Set when a server action's own code began (src/server/action-arguments.ts): a failure before it was Next.js reading the request. */
  actionReached?: boolean;
  /** A POST that Next.js treats as a server action call (scripts/serve.ts). */
  possibleAction?: boolean;
  /** Next.js could not read it as one before the action began: the client's fault, answered 400 (scripts/serve.ts). */
  clientFault?: boolean;
}

const shared = globalThis as unknown as { cocommissionLogger?: pino.Logger; cocommissionRequests?: AsyncLocalStorage<RequestContext> };

/** The request being served (set by scripts/serve.ts around each request), so every line logged for it carries its id. */
export const requestContext: AsyncLocalStorage<RequestContext> = (shared.cocommissionRequests ??= new AsyncLocalStorage<RequestContext>());

export const logger: pino.Logger = (shared.cocommissionLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "cocommission" },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    const context = requestContext.getStore();
    return context ? { requestId: context.requestId } : {};
  },
}));

/** A short reference a user can quote to support, found in the logs as `ref`. */
export function newReference(): string {
  return randomUUID().slice(0, 8).toUpperCase();
}
