// The production server: Next.js behind a small Node.js
// HTTP server that adds what a load-balanced instance needs:
// - a request id and one JSON log line per request (route, status, duration, actor id);
// - "try again" (503) answers at once while PostgreSQL is unreachable, and
//   recovery by itself when it is back;
// - SIGTERM / SIGINT: stop taking connections, finish requests in flight, stop
//   the outbox sender, close the database pool, exit 0 — within 10 seconds;
// - the TCP peer's address in x-cocommission-peer, overwriting anything the
//   client sent (Next.js does not pass it on): sign-in limits start from it
//   (src/server/auth/client-ip.ts, TRUSTED_PROXY_COUNT).
// Run by scripts/start.ts (npm start) and scripts/e2e.ts; settings from the
// environment (PORT, BIND_ADDRESS, DATABASE_URL, …). Needs a production build,
// unless started with --dev (`npm run dev`).
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { logger, requestContext, type RequestContext } from "../src/server/logger";
import { hasMalformedEscape, isPossibleAction, refusePost } from "../src/server/request-guard";
import { RESOURCE_POLICY, STATIC_SECURITY_HEADERS } from "../src/server/security-headers";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
/** Unset: every interface, like `next start`. */
const bindAddress = process.env.BIND_ADDRESS || undefined;
/** Requests in flight get this long to finish after SIGTERM; the whole stop stays under 10 s. */
const DRAIN_MS = 7_000;

const shared = globalThis as unknown as {
  cocommissionStopping?: boolean;
  cocommissionDbSuspect?: boolean;
  cocommissionOutbox?: { stop(): Promise<void> };
  cocommissionDb?: { $disconnect(): Promise<void> };
  /** requestId → the reference an error was logged with (src/instrumentation.ts). */
  cocommissionErrorRefs?: Map<string, string>;
};

// ── PostgreSQL reachability ────────────────────────────────────────────────
// Checked only when a request failed (instrumentation.ts raises the flag) or
// while it is known to be down; a healthy database costs nothing per request.
/** A new connection each time: what matters is whether the app can connect now. */
async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => {});
  }
}
let databaseUp = true;
let checkedAt = 0;
let checking: Promise<boolean> | null = null;

function databaseReachable(): Promise<boolean> | boolean {
  const needsCheck = shared.cocommissionDbSuspect || (!databaseUp && Date.now() - checkedAt > 500);
  if (!needsCheck) return databaseUp;
  checking ??= probe().then((up) => {
    if (up !== databaseUp) logger.warn({ database: up ? "reachable" : "unreachable" }, up ? "database is back" : "database unreachable");
    databaseUp = up;
    checkedAt = Date.now();
    shared.cocommissionDbSuspect = false;
    checking = null;
    return up;
  });
  return checking;
}

const TRY_AGAIN_HTML = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sorry, the service is unavailable – CoCommission</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;font-size:1.125rem}a{color:#1d4ed8}</style>
</head><body><main id="main">
<h1>Sorry, the service is unavailable</h1>
<p>We cannot reach our database just now. Anything you saw confirmed as saved is safe. Anything you were sending when this page appeared has not been saved.</p>
<p><a href="">Try again</a> in a minute.</p>
</main></body></html>`;

// This page is answered here, not by Next.js, so it gets the headers itself:
// no script may run, and only its own inline style (by hash) applies.
const TRY_AGAIN_STYLE = /<style>([^<]*)<\/style>/.exec(TRY_AGAIN_HTML)![1]!;
const TRY_AGAIN_POLICY = `${RESOURCE_POLICY}; style-src 'sha256-${createHash("sha256").update(TRY_AGAIN_STYLE).digest("base64")}'`;

function answerUnavailable(req: http.IncomingMessage, res: http.ServerResponse, reason: string) {
  res.statusCode = 503;
  for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", TRY_AGAIN_POLICY);
  res.setHeader("Retry-After", "10");
  res.setHeader("Cache-Control", "no-store");
  const wantsJson = (req.url ?? "").startsWith("/api/") || !(req.headers.accept ?? "").includes("text/html");
  if (wantsJson) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ error: `The service is unavailable (${reason}). Nothing was saved. Try again in a minute.` }));
  } else {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(TRY_AGAIN_HTML);
  }
}

function errorHtml(reference: string | undefined): string {
  return TRY_AGAIN_HTML.replace(
    "Sorry, the service is unavailable – CoCommission",
    "Sorry, there is a problem with the service – CoCommission",
  )
    .replace("<h1>Sorry, the service is unavailable</h1>", "<h1>Sorry, there is a problem with the service</h1>")
    .replace(
      /<p>We cannot reach[\s\S]*?<\/p>/,
      `<p>Anything you saw confirmed as saved is safe. Anything you were sending when this page appeared has not been saved.</p>${reference ? `<p>If you contact support, quote reference ${reference}.</p>` : ""}`,
    );
}

/**
 * A page that fails on the server is sent by Next.js as a 500 whose HTML shows
 * nothing without JavaScript. For page loads and forms sent without JavaScript
 * (a POST that expects a page), send a plain page instead: "try again" (503)
 * when PostgreSQL was the trouble, otherwise the error with the reference that
 * was logged (src/instrumentation.ts). Both say that what was being sent was
 * not saved: a use case writes in one transaction, so a failed one left nothing.
 */
function replaceFailedPages(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
  const pageLoad =
    (req.method === "GET" || req.method === "POST") &&
    (req.headers.accept ?? "").includes("text/html") &&
    !req.headers.rsc &&
    !req.headers["next-action"];
  if (!pageLoad) return;
  // Patched before Next.js runs, so its compression writes through here too; nothing of a failed page gets out.
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  let failed = false;
  let answered = false;
  const noticeFailure = (status: number) => {
    if (failed || res.headersSent || status < 500) return failed;
    failed = true;
    for (const name of res.getHeaderNames()) if (name !== "x-request-id" && name !== "connection") res.removeHeader(name);
    return true;
  };
  res.writeHead = ((status: number, ...rest: unknown[]) =>
    noticeFailure(status) ? res : writeHead(status, ...rest)) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => (noticeFailure(res.statusCode) ? true : write(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!noticeFailure(res.statusCode)) return end(...args);
    if (answered) return res;
    answered = true;
    // Every failure raises the suspicion (src/instrumentation.ts): ask PostgreSQL (at most 2 s) which page is true.
    void Promise.resolve(databaseReachable()).then((up) => {
      const reference = shared.cocommissionErrorRefs?.get(requestId);
      shared.cocommissionErrorRefs?.delete(requestId);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "no-store");
      if (!up) res.setHeader("Retry-After", "10");
      writeHead(up ? 500 : 503);
      end(up ? errorHtml(reference) : TRY_AGAIN_HTML);
    });
    return res;
  }) as typeof res.end;
}

// ── Logging ────────────────────────────────────────────────────────────────
/** The path without its query string, and without secrets that live in paths (invitation tokens). */
function routeOf(url: string): string {
  return url.split("?")[0]!.replace(/^\/invitations\/[^/]+/, "/invitations/[token]");
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Read by src/server/auth/client-ip.ts. */
const PEER_ADDRESS_HEADER = "x-cocommission-peer";
/** Read by src/server/auth/client-ip.ts (clientProtocolFrom): HSTS follows X-Forwarded-Proto only behind trusted proxies. */
const PEER_PROTOCOL_HEADER = "x-cocommission-peer-protocol";

/** The most of a refused request's body that is read and dropped before answering (beyond it the connection is closed). */
const DRAIN_LIMIT = 64 * 1024 * 1024;

const REFUSAL_TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Refused",
  411: "Length required",
  413: "Too large",
};

/**
 * A request the client got wrong, answered here (4xx), with the headers every response carries and a policy that runs
 * nothing: a short page, or JSON for anything but a page load. Not an error of the server's: logged as the request only.
 * `send` is the response's own writeHead and end (scripts that patched them pass the originals).
 */
function answerRefused(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  message: string,
  send: { writeHead: (status: number) => unknown; end: (body: string) => unknown } = {
    writeHead: (code) => res.writeHead(code),
    end: (body) => res.end(body),
  },
) {
  for (const name of res.getHeaderNames()) if (name !== "x-request-id" && name !== "connection") res.removeHeader(name);
  for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", TRY_AGAIN_POLICY);
  res.setHeader("Cache-Control", "no-store");
  // A body that was not read is read and dropped (nothing kept), so the client gets this answer rather than a broken
  // connection; one of unknown or very large length is cut off instead, and the connection closed.
  if (!req.complete) {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared <= DRAIN_LIMIT) req.resume();
    else res.setHeader("Connection", "close");
  }
  const title = REFUSAL_TITLES[status] ?? "Bad request";
  const wantsHtml = !(req.url ?? "").startsWith("/api/") && (req.headers.accept ?? "").includes("text/html") && !req.headers["next-action"];
  let body: string;
  if (wantsHtml) {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    body = TRY_AGAIN_HTML.replace("Sorry, the service is unavailable – CoCommission", `${title} – CoCommission`)
      .replace("<h1>Sorry, the service is unavailable</h1>", `<h1>${title}</h1>`)
      .replace(/<p>We cannot reach[\s\S]*?<\/p>\s*<p>.*?<\/p>/, `<p>${message}</p><p><a href="/">Go to the start page</a>.</p>`);
  } else {
    res.setHeader("Content-Type", "application/json");
    body = JSON.stringify({ error: message });
  }
  send.writeHead(status);
  send.end(body);
}

/**
 * A POST that Next.js treats as a server action and that fails before the action's own code begins
 * (src/server/action-arguments.ts) failed in Next.js's reading of the request: a body that is not an action call
 * (empty, not JSON, a broken multipart form, too many arguments). Next.js answers those with a 500 and reports
 * them as errors; they are the client's, so they become a 400 here (Next.js's own body kept) and a warning in the
 * log (src/instrumentation.ts and console.error below mark them). A failure after the action began is a real
 * error and passes through unchanged.
 */
function refuseUnreadableActions(req: http.IncomingMessage, res: http.ServerResponse, context: RequestContext) {
  if (!isPossibleAction(req)) return;
  context.possibleAction = true;
  // Next.js reports the failure (src/instrumentation.ts, console.error below) before it writes the response's head.
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) =>
    writeHead(status >= 500 && context.clientFault && !context.actionReached ? 400 : status, ...rest)) as typeof res.writeHead;
}

// Next.js prints every request error itself; src/instrumentation.ts has already
// logged those (with their reference), so each error is logged once. Anything
// else written to console.error becomes a JSON line too.
console.error = (...args: unknown[]) => {
  const err = args.find((a) => a instanceof Error);
  if (err && "digest" in err) return;
  const text = args
    .filter((a) => typeof a === "string")
    .join(" ")
    .trim();
  // Node.js's own warnings (a deprecation, "(node:123) DeprecationWarning: …") are printed through here: warnings.
  if (!err && /^\(node:\d+\) \w*Warning: /.test(text)) {
    logger.warn({}, text.split("\n")[0]!);
    return;
  }
  // Next.js failing to read what a client sent as a server action (see refuseUnreadableActions): the client's fault.
  const context = requestContext.getStore();
  if (context?.possibleAction && !context.actionReached) {
    context.clientFault = true;
    logger.warn({ err: err ? { type: err.name, message: err.message } : undefined }, "a request that is not a valid server action call");
    return;
  }
  logger.error(err ? { err } : {}, text || "error");
};

// ── Server ─────────────────────────────────────────────────────────────────
async function main() {
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { default: next } = await import("next");
  const app = next({ dev, dir: PROJECT_ROOT, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  let active = 0;
  let stopping = false;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    const context: RequestContext = { requestId };
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    req.headers[PEER_PROTOCOL_HEADER] = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    res.setHeader("X-Request-Id", requestId);
    if (stopping) res.setHeader("Connection", "close");
    active++;
    const url = req.url ?? "/";
    const quiet = url.startsWith("/_next/static/") || url === "/favicon.ico";
    res.on("close", () => {
      active--;
      if (stopping) server.closeIdleConnections();
      if (quiet && res.statusCode < 400) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: req.method,
          route: routeOf(url),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          // Set by the app when it loaded a live session (src/server/auth/session.ts getActor): no second decoding of the cookie.
          actorId: context.actorId,
          aborted: !res.writableFinished || undefined,
        },
        "request",
      );
    });
    requestContext.run(context, async () => {
      try {
        const gated = !quiet && !url.startsWith("/_next/") && !url.startsWith("/api/health");
        if (hasMalformedEscape(url))
          return answerRefused(req, res, 400, "This address is not valid: part of it is wrongly encoded. Check the link you followed.");
        const refusal = refusePost(req);
        if (refusal) return answerRefused(req, res, refusal.status, refusal.message);
        if (gated && !(await databaseReachable())) return answerUnavailable(req, res, "database unreachable");
        replaceFailedPages(req, res, requestId);
        refuseUnreadableActions(req, res, context);
        await handle(req, res);
      } catch (error) {
        logger.error({ err: error, requestId }, "request handler failed");
        if (!res.headersSent) answerUnavailable(req, res, "unexpected error");
        else res.end();
      }
    });
  });
  server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
  await new Promise<void>((resolve) => server.listen(port, bindAddress, resolve));
  logger.info({ port, dev }, "listening");

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    shared.cocommissionStopping = true;
    const began = Date.now();
    logger.info({ signal, inFlight: active }, "stopping: no new connections, finishing requests in flight");
    // At once, alongside the drain: the outbox sender finishes the message in hand and begins no other.
    const outboxStopped = shared.cocommissionOutbox?.stop().catch(() => {});
    server.close();
    server.closeIdleConnections();
    while (active > 0 && Date.now() - began < DRAIN_MS) await new Promise((r) => setTimeout(r, 50));
    if (active > 0) logger.warn({ inFlight: active }, "requests still running at the deadline: closing them");
    server.closeAllConnections();
    // A mail server that never answers must not hold the exit past 10 s: the claimed message is retried after its lease.
    await Promise.race([outboxStopped, new Promise((r) => setTimeout(r, Math.max(0, began + 9_000 - Date.now())))]);
    await shared.cocommissionDb?.$disconnect().catch(() => {});
    logger.info({ ms: Date.now() - began }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "server failed to start");
  process.exit(1);
});
