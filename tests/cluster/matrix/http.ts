// Calling the running app the way a browser does: pages and route handlers by
// GET with the session cookie; server actions through their action endpoint,
// as React's client calls them: POST to a page that uses the action, the
// action's id (from the build's server-reference-manifest.json) in the
// `Next-Action` header, and the arguments encoded by React's own `encodeReply`
// (the client's bound arguments first, then the form state and the form).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "../../../scripts/lib/embedded-db";
import { Client } from "../browserless";

const require = createRequire(import.meta.url);
const { encodeReply } = require(path.join(PROJECT_ROOT, "node_modules/next/dist/compiled/react-server-dom-turbopack/client.edge.js")) as {
  encodeReply(value: unknown[]): Promise<FormData | string>;
};

export interface BuiltAction {
  id: string;
  /** Where the build serves it: one page that imports it ("app/(portal)/tenders/[tenderId]/cancel/page"). */
  workers: string[];
}

/** Action name and file → its id and pages, from the production build. */
export function actionsInBuild(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const out = new Map<string, BuiltAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    out.set(`${entry.exportedName} (${entry.filename})`, { id, workers: Object.keys(entry.workers) });
  }
  return out;
}

/** "allow": the request got past every check (a page, a file, a saved form, or a form error about the input or the record's state). */
export type Outcome = "allow" | "deny" | `error ${number}` | `unclear: ${string}`;

export interface Observed {
  outcome: Outcome;
  detail: string;
}

function isSignInRedirect(location: string | null) {
  return !!location && /^\/login(\?|$)|\/\/[^/]+\/login(\?|$)/.test(location);
}

/** Pages and route handlers: 2xx allow; 401/403/404 or a redirect to sign in deny; 5xx an error. */
export async function get(client: Client, url: string, accept = "text/html"): Promise<Observed> {
  const page = await client.request(url, { headers: { Accept: accept } });
  const detail = `${page.status}${page.location ? ` → ${page.location}` : ""}`;
  if (page.status >= 500) return { outcome: `error ${page.status}`, detail };
  if (page.status >= 200 && page.status < 300) return { outcome: "allow", detail };
  if ([401, 403, 404].includes(page.status) || (page.status >= 300 && page.status < 400 && isSignInRedirect(page.location)))
    return { outcome: "deny", detail };
  if (page.status >= 300 && page.status < 400) return { outcome: "allow", detail };
  return { outcome: `unclear: ${detail}`, detail };
}

/**
 * One server action call. Its result is the form state the use case's error
 * mapper made: `httpStatus` 403/404 (Forbidden, NotFound) is a refusal; 409,
 * 422 and 429 mean the policy let it through and the input or the record's
 * state decided.
 */
export async function callAction(client: Client, action: BuiltAction, pagePath: string, args: unknown[]): Promise<Observed> {
  const body = await encodeReply(args);
  const response = await fetch(new URL(pagePath, client.baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      Accept: "text/x-component",
      "Next-Action": action.id,
      Origin: new URL(client.baseUrl).origin,
      Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
  });
  const text = await response.text();
  const redirectTo = response.headers.get("x-action-redirect");
  const detail = `${response.status}${redirectTo ? ` → ${redirectTo}` : ""} ${text.match(/^1:(.*)$/m)?.[1]?.slice(0, 300) ?? ""}`.trim();
  if (response.status >= 500) return { outcome: `error ${response.status}`, detail };
  if (response.headers.get("x-nextjs-action-not-found")) return { outcome: "unclear: action not found", detail };
  if (redirectTo) {
    const to = redirectTo.split(";")[0]!;
    // Signing out ends on the sign-in page, saying so.
    return { outcome: isSignInRedirect(to) && !/[?&]signedOut=1/.test(to) ? "deny" : "allow", detail };
  }
  if ([401, 403, 404].includes(response.status)) return { outcome: "deny", detail };
  const result = text.match(/^1:(.*)$/m)?.[1];
  if (response.status === 200 && result === undefined && text.startsWith("0:")) {
    // An action that returns nothing (signing out) or whose result is inline in row 0.
    const row0 = JSON.parse(text.slice(2).split("\n")[0]!) as { a?: unknown };
    if (row0.a === "$undefined" || row0.a === undefined) return { outcome: "allow", detail };
  }
  if (result === undefined) return { outcome: `unclear: ${detail}`, detail };
  const state = JSON.parse(result) as { status?: string; ok?: boolean; httpStatus?: number; message?: string };
  if (state.status === "error") {
    if (state.httpStatus === 403 || state.httpStatus === 404) return { outcome: "deny", detail };
    if (state.httpStatus && state.httpStatus < 500) return { outcome: "allow", detail };
    return { outcome: `unclear: ${detail}`, detail };
  }
  if (state.ok === false) return { outcome: state.httpStatus === 403 || state.httpStatus === 404 ? "deny" : "allow", detail };
  return { outcome: "allow", detail };
}

/** One POST to an action's endpoint: its arguments encoded as React's client does, as a form sent without JavaScript, or a raw body. */
export async function postAction(
  client: Client,
  action: BuiltAction,
  pagePath: string,
  args: unknown[],
  transport: {
    body: "encoded" | "form without JavaScript" | { raw: string | Uint8Array; contentType: string };
    origin: "this site" | "another site" | "null" | "none";
  },
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {
    Accept: transport.body === "form without JavaScript" ? "text/html" : "text/x-component",
    Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
  const origin = { "this site": new URL(client.baseUrl).origin, "another site": "http://evil.example", null: "null", none: undefined }[
    transport.origin
  ];
  if (origin) headers.Origin = origin;
  let body: BodyInit;
  if (transport.body === "encoded") {
    headers["Next-Action"] = action.id;
    const encoded = await encodeReply(args);
    if (typeof encoded === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
    body = encoded;
  } else if (transport.body === "form without JavaScript") {
    // As a browser without JavaScript posts a server action's form: the action's id as a field, then the fields.
    const form = new FormData();
    form.append(`$ACTION_ID_${action.id}`, "");
    for (const arg of args) {
      if (arg instanceof FormData) for (const [k, v] of arg.entries()) form.append(k, v);
      else if (typeof arg === "string") form.append("arg", arg);
    }
    body = form;
  } else {
    headers["Next-Action"] = action.id;
    headers["Content-Type"] = transport.body.contentType;
    body = transport.body.raw as BodyInit;
  }
  const response = await fetch(new URL(pagePath, client.baseUrl), { method: "POST", redirect: "manual", headers, body });
  return { status: response.status, text: await response.text() };
}
