// The authorization matrix, against the running production app: every entry
// point (each page, route handler and server action, read from the code by
// tests/fixtures/entry-points.ts) × every actor and relationship that matters
// (tests/cluster/matrix/world.ts) × lifecycle states where they matter, with
// the expected allow/deny of tests/cluster/matrix/matrix.ts. Pages and routes
// are fetched with each person's session cookie; actions are called through
// their action endpoint. A refused action must change no row.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../scripts/lib/migrations";
import { listEntryPoints, type RouteEntry } from "../fixtures/entry-points";
import { Client, text } from "./browserless";
import { recordFigures, SECRET, startDatabase, startInstance, type Database, type Instance } from "./harness";
import { actionsInBuild, callAction, get, type Observed } from "./matrix/http";
import { ACTION_TARGETS, PAGE_TARGETS, type ActionTarget } from "./matrix/matrix";
import { ACTOR_KEYS, type ActorKey, type World } from "./matrix/actors";

const DEMO_PASSWORD = "matrix demo password 2026";
let database: Database;
let server: Instance;
let world: World;
const clients = new Map<ActorKey, Client>();
const results: {
  entry: string;
  label?: string;
  actor: ActorKey;
  expected: "allow" | "deny";
  observed: Observed;
  rowsChanged?: string[];
}[] = [];

/** Tables a request may write without it being an effect of the attempt: sessions (last seen) and sign-in throttling. */
const BOOKKEEPING = new Set(["UserSession", "SignInAttempt", "SignInThrottle", "_prisma_migrations"]);

/** Every table's row count and an order-free hash of its rows, in one statement. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (
    await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
  )
    .map((t) => t.table_name)
    .filter((t) => !BOOKKEEPING.has(t));
  const sql = `SELECT json_build_object(${tables
    .map((t) => `'${t}', (SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM "${t}" x)`)
    .join(", ")}) AS f`;
  const [row] = await database.query<{ f: Record<string, string> }>(sql);
  return row!.f;
}

const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((t) => before[t] !== after[t]);

beforeAll(async () => {
  database = await startDatabase("matrix");
  await migrate(database.url);
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
  server = await startInstance({ databaseUrl: database.url, env: { OUTBOX_INTERVAL_MS: "3600000" } });
  process.env.NEXTAUTH_URL = server.url;
  const { buildWorld } = await import("./matrix/world");
  const { TEST_PASSWORD } = await import("../fixtures/factories");
  world = await buildWorld(DEMO_PASSWORD);
  for (const actor of ACTOR_KEYS) {
    const client = new Client(server.url);
    if (actor !== "anonymous") {
      const email = world.emails[actor];
      const page = await client.signIn(email, email.endsWith("@demo.test") ? DEMO_PASSWORD : TEST_PASSWORD);
      if (page.url.includes("/login")) throw new Error(`${actor} (${email}) could not sign in: ${text(page.html).slice(0, 300)}`);
    }
    clients.set(actor, client);
  }
});

afterAll(async () => {
  if (process.env.MATRIX_REPORT) {
    mkdirSync(path.dirname(process.env.MATRIX_REPORT), { recursive: true });
    writeFileSync(process.env.MATRIX_REPORT, JSON.stringify(results, null, 1));
  }
  await server?.stop();
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database?.destroy();
});

const expectedFor = (allow: readonly ActorKey[], actor: ActorKey) => (allow.includes(actor) ? "allow" : "deny");

/** Text a caller might send: anything, unicode, real-looking ids, paths, huge. */
const anyText = () =>
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

/** Each route handler's own inputs (path parameters, query), with a real record's id now and then. */
const ROUTE_INPUTS: Record<string, (w: World) => fc.Arbitrary<string>> = {
  "GET /api/audit.csv": () => anyText().map((k) => `/api/audit.csv?kind=${encodeURIComponent(k)}`),
  "GET /api/auth/[...nextauth]": () =>
    fc
      .tuple(
        fc.oneof(fc.constantFrom("session", "csrf", "providers", "signin", "signout", "callback/credentials", "error"), anyText()),
        anyText(),
      )
      .map(
        ([p, q]) =>
          `/api/auth/${p.split("/").map(encodeURIComponent).join("/")}?error=${encodeURIComponent(q)}&callbackUrl=${encodeURIComponent(q)}`,
      ),
  "POST /api/auth/[...nextauth]": () =>
    fc
      .tuple(fc.constantFrom("signin/credentials", "callback/credentials", "signout", "_log", "session", "csrf"), anyText())
      .map(([p, q]) => `/api/auth/${p}?body=${encodeURIComponent(q)}`),
  "GET /api/bids/attachments/[id]": (w) =>
    fc
      .oneof(anyText(), fc.constantFrom(w.bidFile.published, w.bidFile.evaluation))
      .map((id) => `/api/bids/attachments/${encodeURIComponent(id)}`),
  "GET /api/health": () => anyText().map((q) => `/api/health?${encodeURIComponent(q)}`),
  "GET /api/health/live": () => anyText().map((q) => `/api/health/live?${encodeURIComponent(q)}`),
  "GET /api/health/ready": () => anyText().map((q) => `/api/health/ready?${encodeURIComponent(q)}`),
  "GET /api/ocds/releases": () =>
    fc
      .record({ since: anyText(), after: anyText(), limit: fc.oneof(anyText(), fc.integer().map(String)) }, { requiredKeys: [] })
      .map((q) => `/api/ocds/releases?${new URLSearchParams(q as Record<string, string>).toString()}`),
  "GET /api/ocds/tenders/[ocid]": (w) =>
    fc
      .oneof(
        anyText(),
        fc.constant(w.ocid),
        anyText().map((t) => `${w.ocid}${t}`),
      )
      .map((o) => `/api/ocds/tenders/${encodeURIComponent(o)}`),
  "GET /api/representations/attachments/[id]": (w) =>
    fc.oneof(anyText(), fc.constant(w.representationFile)).map((id) => `/api/representations/attachments/${encodeURIComponent(id)}`),
  "GET /api/tenders/[tenderId]/audit.csv": (w) =>
    fc
      .tuple(fc.oneof(anyText(), fc.constantFrom(...Object.values(w.tenders))), anyText())
      .map(([id, k]) => `/api/tenders/${encodeURIComponent(id)}/audit.csv?kind=${encodeURIComponent(k)}`),
  "GET /api/time/claims.csv": () => anyText().map((q) => `/api/time/claims.csv?unpaid=${encodeURIComponent(q)}`),
};
const BODIES = fc.oneof(
  fc.constant(""),
  fc.string().map((s) => `csrfToken=${encodeURIComponent(s)}&email=${encodeURIComponent(s)}&password=x`),
  fc.json(),
  fc.string({ minLength: 100_000, maxLength: 100_000 }),
);
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/**
 * next-auth's own API still answers some malformed requests with a 500 (GET /api/auth/callback/credentials?callbackUrl=
 * found by this fuzzing); the portal signs in through its own form, so these wait for a fix in the route.
 */
// Posting to next-auth is a sign-in attempt: throttled with growing delays (as it should be), which makes random
// posts slow and slows the matrix's own sign-ins after them. Its bad input is covered by tests/integration/sign-in.test.ts.
const NOT_YET_FUZZED = new Set(["POST /api/auth/[...nextauth]"]);

describe("fuzzing every route handler over HTTP", () => {
  it("never answers 5xx, whoever asks, whatever the path, query or body", async () => {
    const all = listEntryPoints().filter((e): e is RouteEntry => e.kind === "route");
    expect(all.map((r) => r.id).filter((id) => !ROUTE_INPUTS[id] && !NOT_YET_FUZZED.has(id))).toEqual([]);
    const routes = all.filter((r) => !NOT_YET_FUZZED.has(r.id));
    const serverErrors: string[] = [];
    let cases = 0;
    // Found by this fuzzing once (next-auth's default redirect callback parsed callbackUrl unguarded): asked every run.
    for (const url of [
      "/api/auth/session?callbackUrl=------",
      "/api/auth/signin?callbackUrl=%20",
      "/api/auth/csrf?callbackUrl=http%3A%2F%2F%5B",
      // …and next-auth's GET to the password callback ("not supported", a 500): now a 405.
      "/api/auth/callback/credentials?callbackUrl=",
    ]) {
      expect((await new Client(server.url).request(url, { headers: { Accept: "application/json" } })).status, url).toBeLessThan(500);
    }
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ACTOR_KEYS),
          ROUTE_INPUTS[route.id]!(world),
          BODIES,
          fc.constantFrom("*/*", "text/html", "application/json", "text/csv", "x/y"),
          async (actor, url, body, accept) => {
            // A copy: a response that clears a cookie must not sign the person out for the rest of the run.
            const client = clients.get(actor)!.on(server.url);
            const page = await client.request(url, {
              method: route.method,
              headers: { Accept: accept, ...(route.method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
              ...(route.method === "POST" ? { body } : {}),
            });
            cases++;
            if (page.status >= 500)
              serverErrors.push(`${route.method} ${url.slice(0, 200)} as ${actor}: ${page.status} ${page.html.slice(0, 200)}`);
            expect(page.status).toBeLessThan(500);
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    }
    console.info(`${routes.length} route handlers × ${FUZZ_RUNS} cases (${cases} requests), ${serverErrors.length} server errors`);
    recordFigures("routeFuzz", { routeHandlers: routes.length, casesEach: FUZZ_RUNS, requests: cases, serverErrors: serverErrors.length });
  }, 360_000); // thousands of HTTP requests on 2 cores: a guard against a hang, not a speed target
});

describe("the authorization matrix", () => {
  it("covers every entry point in the code, and every action is in the build", () => {
    const inCode = listEntryPoints().map((e) => e.id);
    const inMatrix = new Set([...PAGE_TARGETS, ...ACTION_TARGETS].map((t) => t.entry));
    expect(inCode.filter((id) => !inMatrix.has(id))).toEqual([]);
    expect([...inMatrix].filter((id) => !inCode.includes(id))).toEqual([]);
    const built = actionsInBuild();
    for (const t of ACTION_TARGETS) expect(built.has(t.entry.replace(/^action /, "")), t.entry).toBe(true);
  });

  it("every actor × every entry point: allowed where expected, refused elsewhere, and a refusal changes no row", async () => {
    const built = actionsInBuild();
    for (const target of PAGE_TARGETS) {
      for (const actor of ACTOR_KEYS) {
        const client = clients.get(actor)!;
        const url = target.path(world);
        const observed =
          target.method === "POST"
            ? await (async (): Promise<Observed> => {
                const page = await client.request(url, {
                  method: "POST",
                  headers: { Accept: target.accept ?? "*/*", "Content-Type": "application/x-www-form-urlencoded" },
                  body: "",
                });
                const detail = String(page.status);
                if (page.status >= 500) return { outcome: `error ${page.status}`, detail };
                return { outcome: page.status < 400 ? "allow" : "deny", detail };
              })()
            : await get(client, url, target.accept);
        results.push({ entry: target.entry, label: target.label, actor, expected: expectedFor(target.allow, actor), observed });
      }
    }

    // Actions: every refused attempt first (they must change nothing), then the allowed ones,
    // those that change a seat, a consent or a session last.
    const calls: { target: ActionTarget; actor: ActorKey; expected: "allow" | "deny" }[] = [];
    for (const target of ACTION_TARGETS)
      for (const actor of ACTOR_KEYS) calls.push({ target, actor, expected: expectedFor(target.allow, actor) });
    const rank = (c: (typeof calls)[number]) => (c.expected === "deny" ? 0 : c.target.last ? 2 : 1);
    calls.sort((a, b) => rank(a) - rank(b));
    for (const { target, actor, expected } of calls) {
      const before = await fingerprint();
      const observed = await callAction(
        clients.get(actor)!,
        built.get(target.entry.replace(/^action /, ""))!,
        target.page(world),
        target.args(world, actor),
      );
      const rowsChanged = changed(before, await fingerprint());
      results.push({ entry: target.entry, label: target.label, actor, expected, observed, rowsChanged });
    }

    const unexpected = results.filter(
      (r) => r.observed.outcome !== r.expected || (r.expected === "deny" && r.rowsChanged && r.rowsChanged.length > 0),
    );
    const entries = new Set(results.map((r) => r.entry)).size;
    const targets = new Set(results.map((r) => `${r.entry} ${r.label ?? ""}`)).size;
    console.info(
      `${entries} entry points (${targets} with lifecycle states) × ${ACTOR_KEYS.length} actor/relationship cases = ${results.length} checks, ${unexpected.length} unexpected`,
    );
    recordFigures("authorizationMatrix", {
      entryPoints: entries,
      targets,
      actors: ACTOR_KEYS.length,
      checks: results.length,
      unexpected: unexpected.length,
    });
    expect(
      unexpected.map(
        (r) =>
          `${r.entry}${r.label ? ` [${r.label}]` : ""} as ${r.actor}: expected ${r.expected}, got ${r.observed.outcome} (${r.observed.detail})${r.rowsChanged?.length ? `, rows changed in ${r.rowsChanged.join(", ")}` : ""}`,
      ),
    ).toEqual([]);
  }, 360_000); // thousands of HTTP requests on 2 cores: a guard against a hang, not a speed target
});
