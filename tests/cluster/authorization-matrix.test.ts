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
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../scripts/lib/migrations";
import { listEntryPoints, type PageEntry, type RouteEntry } from "../fixtures/entry-points";
import { Client, text } from "./browserless";
import { errorLogLines, recordFigures, SECRET, startDatabase, startInstance, type Database, type Instance } from "./harness";
import { actionsInBuild, callAction, get, postAction, type Observed } from "./matrix/http";
import { ACTION_TARGETS, PAGE_TARGETS, type ActionTarget } from "./matrix/matrix";
import { ACTOR_KEYS, type ActorKey, type World } from "./matrix/actors";
import {
  addresses,
  anyText,
  argumentsCase,
  TRANSPORT,
  csrfFor,
  FUZZ_EMAILS,
  NEXT_AUTH_POST,
  NEXT_AUTH_POST_ACTIONS,
  postCase,
  requestFor,
  signInThroughNextAuth,
} from "./matrix/fuzz";

const DEMO_PASSWORD = "matrix demo password 2026";
// One seed for every fuzz in this file, printed so a failure can be replayed: FUZZ_SEED=<seed> npm run test:cluster.
const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
fc.configureGlobal({ seed: FUZZ_SEED });
console.log(`fuzz seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED})`);
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
  // json_build_object takes at most 100 arguments (50 tables): one object per 40 tables, joined.
  const chunks = Array.from({ length: Math.ceil(tables.length / 40) }, (_, i) => tables.slice(i * 40, i * 40 + 40));
  const objects = chunks.map(
    (c) =>
      `jsonb_build_object(${c.map((t) => `'${t}', (SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM "${t}" x)`).join(", ")})`,
  );
  const sql = `SELECT ${objects.join(" || ")} AS f`;
  const [row] = await database.query<{ f: Record<string, string> }>(sql);
  return row!.f;
}

const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((t) => before[t] !== after[t]);

beforeAll(async () => {
  database = await startDatabase("matrix");
  await migrate(database.url);
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
  // As behind one load balancer: the last X-Forwarded-For entry is the client. The matrix's own requests send none
  // (their address is the TCP peer's); next-auth's POSTs are fuzzed last, each case from an address of its own.
  server = await startInstance({ databaseUrl: database.url, env: { OUTBOX_INTERVAL_MS: "3600000", TRUSTED_PROXY_COUNT: "1" } });
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

/** Each route handler's own inputs (path parameters, query), with a real record's id now and then. */
const ROUTE_INPUTS: Record<string, (w: World) => fc.Arbitrary<string>> = {
  "GET /api/account/data.json": () => anyText().map((q) => `/api/account/data.json?${encodeURIComponent(q)}`),
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
  "GET /api/ocds/notices/[awardDecisionId]/[kind]": (w) =>
    fc
      .tuple(
        fc.oneof(anyText(), fc.constantFrom(w.awardDecision.standstill, w.awardDecision.awarded, w.awardDecision.signOff)),
        fc.oneof(anyText(), fc.constantFrom("intention", "award")),
      )
      .map(([id, kind]) => `/api/ocds/notices/${encodeURIComponent(id)}/${encodeURIComponent(kind)}`),
  "GET /api/contracts/[contractId]/return-files/[fileId]": (w) =>
    fc
      .tuple(fc.oneof(anyText(), fc.constant(w.checks.contract)), fc.oneof(anyText(), fc.constant(w.checks.file)))
      .map(([c, f]) => `/api/contracts/${encodeURIComponent(c)}/return-files/${encodeURIComponent(f)}`),
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
/** The route fuzz's figures so far: the last step (next-auth's POSTs) adds its own and prints the total. */
const routeFuzz = { handlers: 0, requests: 0, serverErrors: 0 };

describe("malformed percent-escapes in a path", () => {
  it("are a 400 on every page and route handler with a path parameter, signed in and out, with no error logged", async () => {
    const dynamic = listEntryPoints().filter((e): e is RouteEntry | PageEntry => e.kind !== "action" && e.route.includes("["));
    expect(dynamic.length).toBeGreaterThan(25);
    const escapes = ["%ff", "%E0%A4%A", "%", "%zz", "a%C0%AFb", "%ED%A0%80"];
    const someId = world.tenders.published;
    const urls = dynamic.flatMap((e) =>
      escapes.flatMap((bad) => {
        const segments = e.route.split("/");
        const dynamicAt = segments.flatMap((s, i) => (s.startsWith("[") ? [i] : []));
        // Every parameter malformed, and only the last one (the others a real id).
        return [
          segments.map((s) => (s.startsWith("[") ? bad : s)).join("/"),
          segments.map((s, i) => (!s.startsWith("[") ? s : i === dynamicAt.at(-1) ? bad : someId)).join("/"),
        ].map((url) => ({ method: e.kind === "page" ? "GET" : e.method, url }));
      }),
    );
    const from = server.output.length;
    const wrong: string[] = [];
    for (const actor of [
      "anonymous",
      "admin",
      "commissioner: created the tender",
      "provider: bidder",
      "governor: this establishment",
    ] as const) {
      for (const { method, url } of urls) {
        const page = await clients
          .get(actor)!
          .on(server.url)
          .request(url, { method, headers: { Accept: "text/html" } });
        if (page.status !== 400 && page.status !== 404) wrong.push(`${method} ${url} as ${actor}: ${page.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(errorLogLines(server, from)).toEqual([]);
    console.info(
      `${dynamic.length} entry points with a path parameter × ${urls.length / dynamic.length} malformed paths × 5 people: all 400, no error logged`,
    );
  });
});

describe("an id that is no record", () => {
  it("is the 404 page on every page with an id in its path, for someone whose section it is, with no error logged", async () => {
    // Parameters that are not record ids: one-time link tokens, and a notice's kind.
    const NOT_IDS: Record<string, string | null> = { "[token]": null, "[code]": null, "[kind]": "intention", "[version]": "1" };
    // Who uses each section (policy.ts SECTIONS); everything else is a commissioner's.
    const WHO: Record<string, ActorKey> = {
      admin: "admin",
      establishment: "governor: this establishment",
      opportunities: "provider: bidder",
      time: "young commissioner: accepted seat",
    };
    const pages = listEntryPoints().filter(
      (e): e is PageEntry => e.kind === "page" && e.route.includes("[") && !e.route.split("/").some((s) => NOT_IDS[s] === null),
    );
    expect(pages.length).toBeGreaterThan(20);
    const from = server.output.length;
    const wrong: string[] = [];
    for (const entry of pages) {
      const url = entry.route
        .split("/")
        .map((s) => (s.startsWith("[") ? (NOT_IDS[s] ?? crypto.randomUUID()) : s))
        .join("/");
      const actor = WHO[entry.route.split("/")[1]!] ?? "commissioner: created the tender";
      const page = await clients.get(actor)!.request(url, { headers: { Accept: "text/html" } });
      if (page.status !== 404) wrong.push(`${url} as ${actor}: ${page.status}`);
    }
    expect(wrong).toEqual([]);
    expect(errorLogLines(server, from)).toEqual([]);
    console.info(`${pages.length} pages with an id in their path: a random UUID is their 404 page`);
  });
});

describe("HSTS behind the one trusted proxy (TRUSTED_PROXY_COUNT=1 on this instance)", () => {
  it("follows what the proxy wrote, the last X-Forwarded-Proto entry, not what the client wrote before it", async () => {
    const hsts = async (proto: string) =>
      (await fetch(new URL("/login", server.url), { headers: { "X-Forwarded-Proto": proto } })).headers.get("strict-transport-security");
    expect(await hsts("https")).toBe("max-age=63072000; includeSubDomains");
    expect(await hsts("http, https")).toBe("max-age=63072000; includeSubDomains");
    expect(await hsts("https, http")).toBeNull();
    expect(await hsts("http")).toBeNull();
    expect((await fetch(new URL("/login", server.url))).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("fuzzing every route handler over HTTP", () => {
  it("never answers 5xx, whoever asks, whatever the path, query or body", async () => {
    const all = listEntryPoints().filter((e): e is RouteEntry => e.kind === "route");
    // next-auth's POSTs are sign-in attempts: fuzzed last, from addresses of their own (see the end of this file).
    expect(all.map((r) => r.id).filter((id) => !ROUTE_INPUTS[id] && id !== NEXT_AUTH_POST)).toEqual([]);
    expect(all.map((r) => r.id)).toContain(NEXT_AUTH_POST);
    const routes = all.filter((r) => r.id !== NEXT_AUTH_POST);
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
    Object.assign(routeFuzz, { handlers: routes.length, requests: cases, serverErrors: serverErrors.length });
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

describe("fuzzing every server action over HTTP", () => {
  it("never a 5xx and never an error logged: shifted, missing and wrong-typed arguments, empty and oversized bodies, other sites, signed in and out", async () => {
    const { bodyLimitFor } = await import("@/server/request-guard");
    const { TEST_PASSWORD } = await import("../fixtures/factories");
    const built = actionsInBuild();
    // One target per action (the matrix has some twice, in different states); signing out last.
    const targets = [...new Map(ACTION_TARGETS.map((t) => [t.entry, t])).values()].sort(
      (a, b) => Number(a.entry.includes("signOutAction")) - Number(b.entry.includes("signOutAction")),
    );
    expect(targets.length).toBe(listEntryPoints().filter((e) => e.kind === "action").length);
    // Signed in with sessions of the fuzz's own, so an action that ends a session ends none the other tests use.
    const sessions = new Map<ActorKey, Client>([["anonymous", new Client(server.url)]]);
    const clientFor = async (actor: ActorKey) => {
      if (!sessions.has(actor)) {
        const client = new Client(server.url);
        const email = world.emails[actor as Exclude<ActorKey, "anonymous">];
        await client.signIn(email, email.endsWith("@demo.test") ? DEMO_PASSWORD : TEST_PASSWORD);
        sessions.set(actor, client);
      }
      return sessions.get(actor)!;
    };
    const from = server.output.length;
    const serverErrors: string[] = [];
    const wrongStatus: string[] = [];
    let requests = 0;
    const kinds = new Map<string, number>();
    const send = async (
      actor: ActorKey,
      target: ActionTarget,
      args: unknown[],
      transport: Parameters<typeof postAction>[4],
      kind: string,
      expected?: number,
    ) => {
      const name = target.entry.replace(/^action /, "");
      const client = await clientFor(actor);
      const page = target.page(world);
      const { status, text } = await postAction(client, built.get(name)!, page, args, transport);
      requests++;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const where = `${name} [${kind}, ${typeof transport.body === "string" ? transport.body : "raw"}, ${transport.origin}] as ${actor}`;
      if (status >= 500 || /Something went wrong on our side/.test(text)) serverErrors.push(`${where}: ${status} ${text.slice(0, 200)}`);
      if (expected !== undefined && status !== expected) wrongStatus.push(`${where}: ${status}, expected ${expected}`);
    };
    const RUNS = Number(process.env.ACTION_FUZZ_RUNS ?? 10);
    for (const target of targets) {
      const signedInActor = target.allow.find((a) => a !== "anonymous") ?? "admin";
      for (const actor of ["anonymous", signedInActor] as const) {
        const valid = target.args(world, actor);
        const page = target.page(world);
        const limit = bodyLimitFor(page)!;
        // Every action, every time: an empty body (400), a body over the page's limit (413), another site (403).
        await send(
          actor,
          target,
          [],
          { body: { raw: "", contentType: "text/plain;charset=UTF-8" }, origin: "this site" },
          "empty body",
          400,
        );
        const big = new FormData();
        big.append("1_text", "x".repeat(limit + 1024));
        await send(actor, target, [big], { body: "encoded", origin: "this site" }, "body over the limit", 413);
        await send(actor, target, valid, { body: "encoded", origin: "another site" }, "another site", 403);
        await fc.assert(
          fc.asyncProperty(argumentsCase(valid), TRANSPORT, async (c, transport) => {
            await send(actor, target, c.args, transport, c.kind);
          }),
          { numRuns: RUNS },
        );
      }
    }
    const errorLines = errorLogLines(server, from);
    console.info(
      `${targets.length} server actions × ${2 * (RUNS + 3)} cases (signed out and signed in) = ${requests} requests, ${serverErrors.length} server errors, ${errorLines.length} error-level log lines (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`,
    );
    recordFigures("actionFuzz", {
      actions: targets.length,
      casesEach: 2 * (RUNS + 3),
      requests,
      serverErrors: serverErrors.length,
      errorLogLines: errorLines.length,
    });
    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(wrongStatus.slice(0, 20)).toEqual([]);
    expect(errorLines.slice(0, 10).map((l) => l.slice(0, 600))).toEqual([]);
  }, 600_000); // thousands of action calls on 2 cores: a guard against a hang, not a speed target
});

describe("a session that has ended", () => {
  it("is empty everywhere: /api/auth/session answers {} and drops the cookie after signing out, or once the account is disabled", async () => {
    const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
    const from = server.output.length;
    const sessionWith = async (cookie: string) => {
      const response = await fetch(new URL("/api/auth/session", server.url), {
        headers: { Cookie: `next-auth.session-token=${cookie}`, Accept: "application/json" },
      });
      const sessionCookies = response.headers.getSetCookie().filter((c) => c.startsWith("next-auth.session-token="));
      return { status: response.status, body: (await response.json()) as { user?: { email?: string } }, sessionCookies };
    };
    for (const ending of ["signed out", "account disabled"] as const) {
      const user = await createUser("COMMISSIONER");
      const client = new Client(server.url);
      const landing = await client.signIn(user.email, TEST_PASSWORD);
      const cookie = client.cookies.get("next-auth.session-token")!;
      expect(cookie, ending).toBeTruthy();
      const live = await sessionWith(cookie);
      expect(live.body.user?.email, ending).toBe(user.email);
      if (ending === "signed out") expect((await client.submit(landing, "Sign out")).url).toContain("/login");
      else await database.query(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [user.id]);
      // The old cookie, as a copy of it would be sent: nothing about the user, and the cookie cleared, never re-issued.
      for (let i = 0; i < 2; i++) {
        const after = await sessionWith(cookie);
        expect([ending, after.status, after.body]).toEqual([ending, 200, {}]);
        expect(after.sessionCookies.length, ending).toBe(1);
        expect(after.sessionCookies[0], ending).toMatch(/^next-auth\.session-token=;.*Max-Age=0/i);
      }
    }
    // A cookie that is not a session of ours at all: the same answer, and nothing logged as an error.
    for (const forged of ["garbage", "a.b.c.d.e", "x".repeat(4000)]) {
      const after = await sessionWith(forged);
      expect([after.status, after.body, after.sessionCookies.length]).toEqual([200, {}, 1]);
    }
    expect(errorLogLines(server, from)).toEqual([]);
  });
});

describe("fuzzing next-auth's POSTs over HTTP, last", () => {
  it("never answers 5xx and writes nothing but the throttle rows of the fuzz's own addresses: no session, no user changed", async () => {
    const { createUser, TEST_PASSWORD } = await import("../fixtures/factories");
    const { throttleKey } = await import("@/server/auth/throttle");
    const address = addresses();
    await createUser("PROVIDER", { email: FUZZ_EMAILS[0] });
    const signedIn = await createUser("COMMISSIONER", { email: "fuzz-signed-in@fuzz.example" });
    const csrf = await csrfFor(server.url, address());
    const { session } = await signInThroughNextAuth(server.url, csrf, signedIn.email, TEST_PASSWORD, address());
    expect(session, "the fuzz's own person signs in through next-auth's API").toBeTruthy();
    const fuzzSid = (await decode({ token: session!, secret: SECRET }))?.sid;
    expect(fuzzSid).toBeTruthy();

    const throttleRows = () =>
      database.query<{ key: string; row: string }>(`SELECT "key", row_to_json(t)::text AS row FROM "SignInThrottle" t ORDER BY "key"`);
    const sessionRows = () =>
      database.query<{ id: string; userId: string; row: string }>(
        `SELECT "id", "userId", row_to_json(s)::text AS row FROM "UserSession" s ORDER BY "id"`,
      );
    const before = { tables: await fingerprint(), throttle: await throttleRows(), sessions: await sessionRows() };
    const serverErrors: string[] = [];
    let requests = 0;
    const send = async (url: string, init: RequestInit) => {
      const response = await fetch(new URL(url, server.url), { ...init, redirect: "manual" });
      const body = await response.text();
      requests++;
      const where = `POST ${url.slice(0, 200)} (${String((init.headers as Record<string, string>)["Content-Type"])})`;
      if (response.status >= 500) serverErrors.push(`${where}: ${response.status} ${body.slice(0, 200)}`);
      expect(response.status, where).toBeLessThan(500);
      // A session cookie may only be the fuzz's own session re-issued (next-auth's session update does that).
      for (const cookie of response.headers.getSetCookie()) {
        const token = /^(?:__Secure-)?next-auth\.session-token=([^;]+)/.exec(cookie)?.[1];
        if (token) expect((await decode({ token, secret: SECRET }))?.sid, `${where} started a session`).toBe(fuzzSid);
      }
      return { response, body };
    };

    // Found by this fuzzing once (next-auth parsed a body sent as JSON unguarded: a 500): asked every run.
    for (const [action, body] of [
      ["callback/credentials", `csrfToken=${csrf.token}&email=a`],
      ["signout", ""],
      ["session", "{"],
    ] as const) {
      const { response } = await send(`/api/auth/${action}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: `next-auth.csrf-token=${csrf.cookie}`, "X-Forwarded-For": address() },
        body,
      });
      expect(response.status, `${action} with ${JSON.stringify(body)} as JSON`).toBe(400);
    }
    // Attempts that got as far as the portal's sign-in check (next-auth then answers "CredentialsSignin"): proof the
    // fuzz often gets past the CSRF check and body parsing, not only bounced at the door.
    let passwordChecks = 0;
    for (const action of NEXT_AUTH_POST_ACTIONS) {
      await fc.assert(
        fc.asyncProperty(postCase(action, csrf), async (c) => {
          const { url, init } = requestFor(c, csrf, session!, address());
          const { response, body } = await send(url, init);
          if (/error=CredentialsSignin/.test(`${response.headers.get("location")} ${body.slice(0, 500)}`)) passwordChecks++;
        }),
        { numRuns: FUZZ_RUNS },
      );
    }

    expect(passwordChecks).toBeGreaterThan(FUZZ_RUNS / 20);
    // Replayed: one wrong password, sent again and again from one address, is refused every time and then throttled.
    const wrong = new URLSearchParams({ csrfToken: csrf.token, email: FUZZ_EMAILS[0]!, password: "not the password" }).toString();
    const post = (from: string) => ({
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: `next-auth.csrf-token=${csrf.cookie}`,
        "X-Forwarded-For": from,
      },
      body: wrong,
    });
    const replayedFrom = address();
    for (let i = 0; i < 6; i++) {
      const { response } = await send("/api/auth/callback/credentials", post(replayedFrom));
      expect(response.headers.get("location")).toMatch(/error=CredentialsSignin/);
    }
    const [pair] = await database.query<{ blockedUntil: Date | null }>(`SELECT "blockedUntil" FROM "SignInThrottle" WHERE "key" = $1`, [
      throttleKey("account-ip", `${FUZZ_EMAILS[0]}|${replayedFrom}`),
    ]);
    expect(pair?.blockedUntil, "the replayed wrong password is throttled").toBeTruthy();
    // Concurrent: the same submit at once from one address, and from many; sign-outs at once.
    const together = address();
    await Promise.all([
      ...Array.from({ length: 8 }, () => send("/api/auth/callback/credentials", post(together))),
      ...Array.from({ length: 8 }, () => send("/api/auth/callback/credentials", post(address()))),
      ...Array.from({ length: 4 }, () =>
        send("/api/auth/signout", {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Cookie: `next-auth.csrf-token=${csrf.cookie}; next-auth.session-token=garbage`,
            "X-Forwarded-For": address(),
          },
          body: `csrfToken=${csrf.token}`,
        }),
      ),
    ]);

    // Nothing written but the throttle: no table changed, no session started, no throttle row of anyone else touched
    // (the matrix's own, from 127.0.0.1); a valid sign-out may only have ended the fuzz's own session.
    expect(changed(before.tables, await fingerprint())).toEqual([]);
    const after = new Map((await throttleRows()).map((r) => [r.key, r.row]));
    expect(before.throttle.filter((r) => after.get(r.key) !== r.row).map((r) => r.key)).toEqual([]);
    const sessionsBefore = new Map(before.sessions.map((r) => [r.id, r.row]));
    const sessionsAfter = await sessionRows();
    expect(sessionsAfter.map((r) => r.id)).toEqual([...sessionsBefore.keys()]);
    expect(sessionsAfter.filter((r) => r.row !== sessionsBefore.get(r.id) && r.userId !== signedIn.id).map((r) => r.id)).toEqual([]);

    const handlers = routeFuzz.handlers + 1;
    const errors = routeFuzz.serverErrors + serverErrors.length;
    console.info(
      `${handlers} route handlers × ${FUZZ_RUNS} cases, ${errors} server errors (${routeFuzz.requests + requests} requests; next-auth's POST: ${FUZZ_RUNS} for each of its ${NEXT_AUTH_POST_ACTIONS.length} doors, ${passwordChecks} reaching the sign-in check, then replayed and concurrent submits)`,
    );
    recordFigures("routeFuzz", {
      routeHandlers: handlers,
      casesEach: FUZZ_RUNS,
      nextAuthPostDoors: NEXT_AUTH_POST_ACTIONS.length,
      nextAuthPasswordChecks: passwordChecks,
      requests: routeFuzz.requests + requests,
      serverErrors: errors,
    });
  }, 360_000); // hundreds of sign-in attempts (Argon2 each) on 2 cores: a guard against a hang, not a speed target
});
