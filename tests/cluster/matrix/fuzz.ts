// Generated bad input for the route fuzz (tests/cluster/authorization-matrix.test.ts),
// and the fuzz of next-auth's POSTs, which are sign-in attempts: each case comes
// from an address of its own (X-Forwarded-For behind TRUSTED_PROXY_COUNT=1 on the
// instance), for accounts the matrix never signs in with, so the throttle it
// (rightly) triggers never slows or blocks the matrix's own sign-ins.
import fc from "fast-check";
import { Client } from "../browserless";

/** Text a caller might send: anything, unicode, real-looking ids, paths, huge. */
export const anyText = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.uuid(),
    fc.constantFrom(
      "-".repeat(36),
      "..%2F..%2Fetc%2Fpasswd",
      "%00",
      "%E0%A4%A",
      "é".repeat(40),
      "x".repeat(6000),
      "null",
      "[]",
      "{}",
      "-1",
      "1e309",
    ),
  );

export const NEXT_AUTH_POST = "POST /api/auth/[...nextauth]";

/** What next-auth serves by POST, and doors it does not ("nobody" is no provider; the last is any path). */
export const NEXT_AUTH_POST_ACTIONS = [
  "callback/credentials",
  "signin/credentials",
  "signout",
  "_log",
  "session",
  "signin",
  "callback/nobody",
  "(any path)",
] as const;

/** The fuzz's own accounts: one that exists (a wrong password is all it ever gets) and some that do not. */
export const FUZZ_EMAILS = ["fuzz-victim@fuzz.example", "no-such-person@fuzz.example", "FUZZ-VICTIM@FUZZ.EXAMPLE "];

const CALLBACK_URLS = fc.oneof(
  anyText(),
  fc.constantFrom(
    "/tenders",
    "http://evil.example/",
    "//evil.example",
    "/\t/evil.example",
    "/%2F/evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "http://[",
    "------",
    " ",
    "",
  ),
);

/** A field's value: text in a form; in JSON also numbers, objects, arrays, null. */
const fieldValue = (text: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

export interface Csrf {
  /** The token next-auth expects in the body. */
  token: string;
  /** Its double-submit cookie ("next-auth.csrf-token"), as the server set it. */
  cookie: string;
}

interface PostCase {
  action: string;
  query: string;
  fields: Record<string, unknown>;
  body: { kind: "form" } | { kind: "json" } | { kind: "raw"; raw: string | Uint8Array };
  contentType: string | undefined;
  csrfCookie: "valid" | "none" | string;
  session: "fuzz user" | "none" | string;
  callbackCookie: string | undefined;
  spoofedForwardedFor: string | undefined;
  forwardedHost: string | undefined;
}

/** One POST to next-auth: an action, a query, a body (form, JSON or raw bytes), cookies and forwarding headers. */
/** Absent three times in four: a bad callbackUrl alone is refused at the door (400), which would hide everything else. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const FORM_TYPES = ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8"];
const JSON_TYPES = ["application/json", "application/json; charset=utf-8"];
const ANY_TYPE = fc.constantFrom(...FORM_TYPES, ...JSON_TYPES, "text/plain", "multipart/form-data; boundary=x", "x/y", undefined);
const FORM = { kind: "form" as const };
const JSON_BODY = { kind: "json" as const };
const RAW_BODY = fc
  .oneof(
    fc.string(),
    fc.constantFrom("{", '{"csrfToken":', "null", "[]", "1", '"text"', "", "csrfToken=%", "a=1&a=2&&=&%E0%A4%A="),
    fc.string({ minLength: 100_000, maxLength: 100_000 }),
    fc.uint8Array({ maxLength: 200 }),
  )
  .map((raw) => ({ kind: "raw" as const, raw }));

export function postCase(action: (typeof NEXT_AUTH_POST_ACTIONS)[number], csrf: Csrf): fc.Arbitrary<PostCase> {
  return fc
    .record({
      action:
        action === "(any path)"
          ? fc.array(anyText(), { minLength: 1, maxLength: 3 }).map((p) => p.map(encodeURIComponent).join("/"))
          : fc.constant(action),
      query: sometimes(CALLBACK_URLS).map((c) => (c === undefined ? "" : `?callbackUrl=${encodeURIComponent(c)}`)),
      fields: fc
        .tuple(
          fc.record(
            {
              csrfToken: fc.oneof(
                { weight: 8, arbitrary: fc.constant(csrf.token) },
                { weight: 1, arbitrary: fieldValue(anyText()) },
                { weight: 1, arbitrary: fc.constantFrom(`${csrf.token}x`, csrf.token.toUpperCase(), csrf.cookie) },
              ),
              email: fieldValue(
                fc.oneof(
                  fc.constantFrom(...FUZZ_EMAILS),
                  anyText(),
                  fc.string({ unit: "grapheme" }).map((s) => `${s}@fuzz.example`),
                ),
              ),
              password: fieldValue(fc.oneof(anyText(), fc.constant("p".repeat(300)))),
              callbackUrl: fieldValue(CALLBACK_URLS),
              json: fieldValue(fc.constantFrom("true", "false", "")),
              redirect: fieldValue(fc.constantFrom("true", "false")),
              // _log's fields; "level" names a method of next-auth's logger.
              code: fieldValue(anyText()),
              level: fieldValue(
                fc.oneof(fc.constantFrom("error", "warn", "debug", "constructor", "__proto__", "toString", "hasOwnProperty"), anyText()),
              ),
              // session's update payload.
              data: fc.jsonValue({ maxDepth: 3 }),
            },
            { requiredKeys: ["csrfToken"] },
          ),
          fc.dictionary(anyText(), fieldValue(anyText()), { maxKeys: 4 }),
        )
        .map(([known, extra]) => ({ ...extra, ...known })),
      // Mostly a body sent as what it says it is (so most cases get as far as the password check), else anything.
      encoding: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...FORM_TYPES).map((contentType) => ({ body: FORM, contentType })) },
        { weight: 3, arbitrary: fc.constantFrom(...JSON_TYPES).map((contentType) => ({ body: JSON_BODY, contentType })) },
        { weight: 2, arbitrary: fc.record({ body: fc.oneof(fc.constant(FORM), fc.constant(JSON_BODY), RAW_BODY), contentType: ANY_TYPE }) },
      ),
      csrfCookie: fc.oneof(
        { weight: 8, arbitrary: fc.constant("valid") },
        { weight: 1, arbitrary: fc.constant("none") },
        { weight: 1, arbitrary: anyText().map(encodeURIComponent) },
        { weight: 1, arbitrary: fc.constant(encodeURIComponent(`${csrf.token}|0000`)) },
      ),
      session: fc.oneof(fc.constant("none"), fc.constant("fuzz user"), anyText().map(encodeURIComponent)),
      callbackCookie: sometimes(CALLBACK_URLS.map(encodeURIComponent)),
      // Written by the client, so ignored: only the entry the trusted proxy appended (the case's own address) counts.
      spoofedForwardedFor: fc.option(fc.constantFrom("127.0.0.1", "::1", "1.2.3.4", "evil", "999.1.1.1", "unknown", ""), {
        nil: undefined,
      }),
      forwardedHost: fc.option(fc.constantFrom("evil.example", "localhost:1", "[", ""), { nil: undefined }),
    })
    .map(({ encoding, ...rest }) => ({ ...rest, ...encoding }));
}

function encodeForm(fields: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) form.append(k, typeof v === "string" ? v : JSON.stringify(v));
  return form.toString();
}

/** The request for one case, from `address` (appended to X-Forwarded-For as the trusted proxy would). */
export function requestFor(c: PostCase, csrf: Csrf, sessionCookie: string, address: string): { url: string; init: RequestInit } {
  const cookies: string[] = [];
  if (c.csrfCookie === "valid") cookies.push(`next-auth.csrf-token=${csrf.cookie}`);
  else if (c.csrfCookie !== "none") cookies.push(`next-auth.csrf-token=${c.csrfCookie}`);
  if (c.session === "fuzz user") cookies.push(`next-auth.session-token=${sessionCookie}`);
  else if (c.session !== "none") cookies.push(`next-auth.session-token=${c.session}`);
  if (c.callbackCookie !== undefined) cookies.push(`next-auth.callback-url=${c.callbackCookie}`);
  const body = c.body.kind === "form" ? encodeForm(c.fields) : c.body.kind === "json" ? JSON.stringify(c.fields) : c.body.raw;
  return {
    url: `/api/auth/${c.action}${c.query}`,
    init: {
      method: "POST",
      headers: {
        Accept: "*/*",
        Cookie: cookies.join("; "),
        "X-Forwarded-For": c.spoofedForwardedFor === undefined ? address : `${c.spoofedForwardedFor}, ${address}`,
        ...(c.contentType ? { "Content-Type": c.contentType } : {}),
        ...(c.forwardedHost !== undefined ? { "X-Forwarded-Host": c.forwardedHost } : {}),
      },
      body: body as BodyInit,
    },
  };
}

/** A fresh address for each case: 10.x.y.z, never the test's own 127.0.0.1. */
export function addresses(): () => string {
  let n = 0;
  return () => {
    n++;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };
}

/** next-auth's CSRF token and its cookie, as a browser gets them. */
export async function csrfFor(baseUrl: string, address: string): Promise<Csrf> {
  const client = new Client(baseUrl);
  const page = await client.request("/api/auth/csrf", { headers: { Accept: "application/json", "X-Forwarded-For": address } });
  const { csrfToken } = JSON.parse(page.html) as { csrfToken: string };
  const cookie = client.cookies.get("next-auth.csrf-token");
  if (!csrfToken || !cookie) throw new Error(`No CSRF token from /api/auth/csrf: ${page.status} ${page.html.slice(0, 200)}`);
  return { token: csrfToken, cookie };
}

/** Signs in through next-auth's own API (the password callback) and returns the session cookie's value. */
export async function signInThroughNextAuth(baseUrl: string, csrf: Csrf, email: string, password: string, address: string) {
  const client = new Client(baseUrl);
  client.cookies.set("next-auth.csrf-token", csrf.cookie);
  const page = await client.request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
    body: new URLSearchParams({ csrfToken: csrf.token, email, password, json: "true" }).toString(),
  });
  return { page, session: client.cookies.get("next-auth.session-token") };
}

// ── Server actions over HTTP ────────────────────────────────────────────────
// Each action is called through its endpoint as React's client calls it (tests/cluster/matrix/http.ts), with its
// real arguments from the matrix turned into garbage: shifted, missing, wrong-typed or extra arguments, a form
// with random fields, bodies that are not an action call at all, sent from this site, another site or none.

/** A value of the wrong type for any argument. */
const junkValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer(),
    fc.constantFrom(null, true, false, 0, -1, 1e309, "", "x".repeat(300)),
    anyText(),
    // A plain object (fast-check's dictionaries have no prototype, which React's client refuses to send).
    fc.dictionary(anyText(), anyText(), { maxKeys: 3 }).map((d) => ({ ...d })),
    fc.array(anyText(), { maxLength: 3 }),
    fc.array(fc.tuple(anyText(), anyText()), { maxLength: 4 }).map((pairs) => {
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, v);
      return form;
    }),
  );

/** The form in `args` with random fields added and its own fields given random values. */
function fuzzedForm(original: FormData): fc.Arbitrary<FormData> {
  const keys = [...new Set([...original.keys()])];
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["x"])), anyText()), fc.dictionary(anyText(), anyText(), { maxKeys: 4 }))
    .map(([changed, extra]) => {
      const form = new FormData();
      for (const [k, v] of original.entries()) if (!(k in changed)) form.append(k, v);
      for (const [k, v] of Object.entries({ ...changed, ...extra })) form.append(k, v);
      return form;
    });
}

export type ArgumentsCase = { kind: string; args: unknown[] };

/** The action's real arguments (`valid`: bound ones, the form state, the form), made wrong in every way a client can. */
export function argumentsCase(valid: unknown[]): fc.Arbitrary<ArgumentsCase> {
  const formAt = valid.findIndex((v) => v instanceof FormData);
  const cases: fc.Arbitrary<ArgumentsCase>[] = [
    fc.constant({ kind: "shifted left", args: valid.slice(1) }),
    junkValue().map((j) => ({ kind: "shifted right", args: [j, ...valid] })),
    fc.constant({ kind: "missing: none", args: [] }),
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => ({ kind: "missing: cut short", args: valid.slice(0, n) })),
    fc
      .tuple(fc.nat({ max: Math.max(0, valid.length - 1) }), junkValue())
      .map(([i, j]) => ({ kind: "wrong-typed", args: valid.map((v, k) => (k === i ? j : v)) })),
    fc.array(junkValue(), { minLength: 1, maxLength: valid.length + 2 }).map((args) => ({ kind: "all wrong", args })),
    junkValue().map((j) => ({ kind: "extra", args: [...valid, j] })),
  ];
  if (formAt >= 0)
    cases.push(
      fuzzedForm(valid[formAt] as FormData).map((form) => ({ kind: "random form", args: valid.map((v, k) => (k === formAt ? form : v)) })),
    );
  return fc.oneof(...cases);
}

/** How the call travels: React's encoding of the arguments, or a body that is not an action call; from which origin. */
export type Transport = {
  body: "encoded" | "form without JavaScript" | { raw: string; contentType: string };
  origin: "this site" | "another site" | "null" | "none";
};

export const TRANSPORT: fc.Arbitrary<Transport> = fc.record({
  body: fc.oneof(
    { weight: 6, arbitrary: fc.constant("encoded" as const) },
    { weight: 2, arbitrary: fc.constant("form without JavaScript" as const) },
    {
      weight: 2,
      arbitrary: fc.record({
        raw: fc.oneof(
          fc.constantFrom("", "{", "[", "1", "null", '{"a":1}', '["$K1"]', '["$@9"]', '["$Q1"]', '"$h1"', "[[[[[[", "0:[]", "--x--"),
          fc.string(),
          fc.json(),
        ),
        contentType: fc.constantFrom(
          "text/plain;charset=UTF-8",
          "multipart/form-data; boundary=x",
          "multipart/form-data",
          "application/json",
        ),
      }),
    },
  ),
  origin: fc.oneof(
    { weight: 8, arbitrary: fc.constant("this site" as const) },
    { weight: 1, arbitrary: fc.constantFrom("another site" as const, "null" as const, "none" as const) },
  ),
});
