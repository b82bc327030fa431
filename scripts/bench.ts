// `npm run bench`: how fast the portal is at a realistic, large size, and how
// its cost grows. Builds the production app, seeds a SEPARATE embedded
// PostgreSQL (.bench/, never the demo's .data/) with a seeded-random large data
// set, measures start-up, drives the server with autocannon as signed-in users
// of every role next to a static page, runs the scoring engine alone, prints
// one table and writes everything as JSON under bench/results/.
//   --quick     shorter runs (for trying changes; figures are rougher)
//   --reseed    throw the bench database away and seed it again
//   --routes "moderation overview (big),award summary (big)"
//               only those routes (and the static page, the baseline of the
//               ratios); skips the scoring engine and the step test
//   --bid-counts  only the step over bid counts (the moderation overview of
//               copies of the big tender with 3 to 200 bids), next to the static page
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded, serverArgs, serverEnv } from "./lib/build";
import { freePort, PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-db";
import { migrate } from "./lib/migrations";
import { load, treeRssMb, type LoadResult } from "./bench/load";
import { BENCH_SECRET, routesFor, sessionCookie, type Route } from "./bench/routes";
import { BID_COUNTS, tendersByBidCount } from "./bench/bid-counts";
import { benchScoring } from "./bench/scoring";
import { BENCH_PASSWORD, SEED_VERSION, seedBench, type SeededIds } from "./bench/seed";

const quick = process.argv.includes("--quick");
const reseed = process.argv.includes("--reseed");
const onlyBidCounts = process.argv.includes("--bid-counts");
const routesArg = process.argv.indexOf("--routes");
const onlyRoutes =
  routesArg >= 0
    ? (process.argv[routesArg + 1] ?? "")
        .split(/,(?! )/) // names are separated by a comma with no space after it ("moderation, one bid (big)" has one)
        .map((r) => r.trim())
        .filter(Boolean)
    : null;
const SECONDS = quick ? 3 : 8;
const STEP_SECONDS = quick ? 2 : 5;
const USERS = 20;
const STEPS = [1, 5, 20, 50];
const BENCH_DIR = path.join(PROJECT_ROOT, ".bench");
const SECRET = BENCH_SECRET;
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The use cases called while seeding (notifications) read the same settings as the server.
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";

let database: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  mkdirSync(BENCH_DIR, { recursive: true });
  database = await startEmbeddedPostgres({
    dataDir: path.join(BENCH_DIR, "postgres"),
    settings: {
      shared_preload_libraries: "pg_stat_statements",
      "pg_stat_statements.track": "all",
      "pg_stat_statements.track_utility": "off",
    },
  });
  const url = database.urlFor("bench");
  process.env.DATABASE_URL = url;
  const ids = await prepareDatabase(url);

  if (!onlyRoutes && !onlyBidCounts) log("scoring engine alone (median of 7 runs each)…");
  const scoring = onlyRoutes || onlyBidCounts ? [] : benchScoring(7);

  buildIfNeeded((line) => log(line));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const coldStartMs = await startServer(port, url);
  await stopServer();
  const warmRestartMs = await startServer(port, url);
  log(`start-up: first start ${coldStartMs} ms, restart ${warmRestartMs} ms to a healthy /api/health`);

  const npmStart = onlyRoutes || onlyBidCounts ? null : await timeNpmStart();
  if (npmStart)
    log(
      `npm start: first start ${npmStart.firstMs} ms (new embedded database, migrations, demo seed; build present), restart ${npmStart.restartMs} ms`,
    );

  const allRoutes = await routesFor(ids, url);
  const unknown = (onlyRoutes ?? []).filter((name) => !allRoutes.some((r) => r.name === name));
  if (unknown.length > 0)
    throw new Error(`Unknown route ${unknown.join(", ")}: name one of ${allRoutes.map((r) => JSON.stringify(r.name)).join(", ")}`);
  const routes = onlyRoutes
    ? allRoutes.filter((r) => r.name === "static page" || onlyRoutes.includes(r.name))
    : onlyBidCounts
      ? allRoutes.filter((r) => r.name === "static page" || r.name === "moderation overview (big)")
      : allRoutes;
  const cookies = new Map<string, string>();
  for (const route of routes) if (route.as && !cookies.has(route.as)) cookies.set(route.as, await sessionCookie(url, ids, route.as));
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();

  // One request each first: it must succeed, and it warms the route up.
  for (const route of routes) {
    const response = await fetch(base + route.path, { headers: route.as ? { cookie: cookies.get(route.as)! } : {}, redirect: "manual" });
    const body = Buffer.from(await response.arrayBuffer());
    route.status = response.status;
    route.htmlBytes = body.length;
    if (response.status !== 200)
      throw new Error(`${route.name} (${route.path}) answered ${response.status}; the bench needs every route to work`);
  }

  const serverPid = server!.pid!;
  // SQL statements per request first, one request at a time and with no load
  // running, so no other request's statements are counted.
  const sqlPerRequest = new Map<string, number>();
  for (const route of routes) sqlPerRequest.set(route.name, await statementsPerRequest(stats, base, route, cookies));
  const staticAlone = await timeOne(base + "/words");

  // Each route's ratio is to the static page measured just before it, so a
  // machine that gets busier or quieter during the run (other builds and tests
  // on the same cores) moves both figures of a ratio alike.
  const results: (Route & LoadResult & { sqlPerRequest: number; ratioP95: number; staticP95: number })[] = [];
  let staticP95 = 0;
  for (const route of routes) {
    log(`${route.name}…`);
    if (route.name !== "static page" && staticP95 > 0) {
      staticP95 = (await load(base + "/words", null, USERS, SECONDS, serverPid)).p95;
      await drain(base, staticAlone);
    }
    const result = await load(base + route.path, route.as ? cookies.get(route.as)! : null, USERS, SECONDS, serverPid);
    if (route.name === "static page") staticP95 = result.p95;
    const sql = sqlPerRequest.get(route.name)!;
    const ratioP95 = staticP95 ? Math.round((result.p95 / staticP95) * 10) / 10 : 0;
    results.push({ ...route, ...result, sqlPerRequest: sql, ratioP95, staticP95 });
    log(`  ${result.reqPerSec} req/s, p95 ${result.p95} ms (static page just before: ${staticP95} ms), ${sql} SQL statements per request`);
    await drain(base, staticAlone);
  }

  log(`step test (${STEPS.join(", ")} concurrent users)…`);
  const stepRoutes = (onlyRoutes || onlyBidCounts ? [] : routes).filter((r) =>
    ["static page", "tenders list", "moderation overview (big)", "time (technician)"].includes(r.name),
  );
  const steps: { route: string; users: number; reqPerSec: number; p50: number; p95: number; p99: number; maxRssMb: number }[] = [];
  for (const route of stepRoutes)
    for (const users of STEPS) {
      const r = await load(base + route.path, route.as ? cookies.get(route.as)! : null, users, STEP_SECONDS, serverPid);
      steps.push({ route: route.name, users, reqPerSec: r.reqPerSec, p50: r.p50, p95: r.p95, p99: r.p99, maxRssMb: r.maxRssMb });
      await drain(base, staticAlone);
    }
  const bidCounts = onlyRoutes
    ? []
    : await bidCountStep(url, ids.bigTenderId, base, cookies.get("commissioner1@bench.test")!, stats, serverPid, staticAlone);
  const rssAfter = treeRssMb(serverPid);
  await stats.end();

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: await postgresVersion(url),
    platform: `${os.platform()} ${os.release()}`,
  };
  const report = {
    at: new Date().toISOString(),
    quick,
    machine,
    settings: { users: USERS, secondsPerRoute: SECONDS, stepSeconds: STEP_SECONDS, steps: STEPS },
    data: await dataShape(url),
    startup: { coldStartMs, warmRestartMs, npmStartFirstMs: npmStart?.firstMs ?? null, npmStartRestartMs: npmStart?.restartMs ?? null },
    routes: results.map((r) => ({
      route: r.name,
      as: r.as,
      path: r.path,
      reqPerSec: r.reqPerSec,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      ratioP95ToStatic: r.ratioP95,
      staticP95JustBefore: r.staticP95,
      sqlPerRequest: r.sqlPerRequest,
      htmlBytes: r.htmlBytes,
      maxRssMb: r.maxRssMb,
      requests: r.requests,
      errors: r.errors,
      non2xx: r.non2xx,
    })),
    steps,
    bidCounts,
    scoring,
    serverRssAfterMb: rssAfter,
  };
  printReport(report);
  const dir = path.join(PROJECT_ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${report.at.replaceAll(":", "-").slice(0, 19)}${quick ? "-quick" : ""}${onlyRoutes ? "-some-routes" : ""}${onlyBidCounts ? "-bid-counts" : ""}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  log(`written ${path.relative(PROJECT_ROOT, file)}`);
}

type BidCountRow = {
  bids: number;
  sqlPerRequest: number;
  postgresMsPerRequest: number;
  singleUserP50: number;
  p95: number;
  staticP95JustBefore: number;
  ratioP95ToStatic: number;
  htmlBytes: number;
  maxRssMb: number;
};

/**
 * The moderation overview of copies of the big tender with 3 to 200 bids (the
 * chair, the same 10 criteria and 12 members): what one request costs
 * PostgreSQL (pg_stat_statements over 5 requests one at a time, after one that
 * fills the kept results), one user's p50, and 20 users' p95 against the static
 * page just before. Its cost should not grow with the bids.
 */
async function bidCountStep(
  url: string,
  bigTenderId: string,
  base: string,
  cookie: string,
  stats: pg.Client,
  serverPid: number,
  staticAlone: number,
): Promise<BidCountRow[]> {
  log(`step over bid counts (${BID_COUNTS.join(", ")} bids)…`);
  const tenders = await tendersByBidCount(url, bigTenderId);
  const rows: BidCountRow[] = [];
  for (const [bids, tenderId] of tenders) {
    const route: Route = { name: `moderation overview (${bids} bids)`, path: `/panels/${tenderId}/moderation`, as: "chair" };
    const cookies = new Map([["chair", cookie]]);
    const first = await fetch(base + route.path, { headers: { cookie }, redirect: "manual" });
    const htmlBytes = (await first.arrayBuffer()).byteLength;
    if (first.status !== 200) throw new Error(`${route.path} answered ${first.status}`);
    const execMs = async () =>
      Number(
        (
          await stats.query<{ ms: string }>(
            `SELECT coalesce(sum(total_exec_time), 0)::text AS ms FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
          )
        ).rows[0]!.ms,
      );
    const msBefore = await execMs();
    const sqlPerRequest = await statementsPerRequest(stats, base, route, cookies);
    const postgresMsPerRequest = Math.round((((await execMs()) - msBefore) / 5) * 100) / 100;
    const single = await load(base + route.path, cookie, 1, STEP_SECONDS, serverPid);
    await drain(base, staticAlone);
    const staticP95 = (await load(base + "/words", null, USERS, SECONDS, serverPid)).p95;
    await drain(base, staticAlone);
    const loaded = await load(base + route.path, cookie, USERS, SECONDS, serverPid);
    await drain(base, staticAlone);
    const row = {
      bids,
      sqlPerRequest,
      postgresMsPerRequest,
      singleUserP50: single.p50,
      p95: loaded.p95,
      staticP95JustBefore: staticP95,
      ratioP95ToStatic: staticP95 ? Math.round((loaded.p95 / staticP95) * 10) / 10 : 0,
      htmlBytes,
      maxRssMb: loaded.maxRssMb,
    };
    log(
      `  ${bids} bids: PostgreSQL ${row.postgresMsPerRequest} ms and ${sqlPerRequest} statements per request, 1 user p50 ${row.singleUserP50} ms, 20 users p95 ${row.p95} ms (${row.ratioP95ToStatic}× static)`,
    );
    rows.push(row);
  }
  return rows;
}

async function timeOne(url: string): Promise<number> {
  const start = performance.now();
  await (await fetch(url)).arrayBuffer();
  return performance.now() - start;
}

/**
 * When a timed run ends, the server is still answering the requests that were
 * in flight; wait until the static page is about as quick as it was alone, so
 * one route's backlog is not measured as the next route's latency.
 */
async function drain(base: string, staticAlone: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await timeOne(base + "/words")) <= Math.max(50, staticAlone * 3)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SQL statements the server sends for one request of a route (pg_stat_statements, 5 sequential requests). */
async function statementsPerRequest(stats: pg.Client, base: string, route: Route, cookies: Map<string, string>): Promise<number> {
  const count = async () =>
    Number(
      (
        await stats.query<{ n: string }>(
          `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
        )
      ).rows[0]!.n,
    );
  const before = await count();
  const n = 5;
  for (let i = 0; i < n; i++) {
    const response = await fetch(base + route.path, { headers: route.as ? { cookie: cookies.get(route.as)! } : {}, redirect: "manual" });
    await response.arrayBuffer();
  }
  return Math.round((((await count()) - before) / n) * 10) / 10;
}

async function prepareDatabase(url: string): Promise<SeededIds & { bigAwardDecisionId: string }> {
  const marker = path.join(BENCH_DIR, "seeded.json");
  const migrations =
    readFileSync(path.join(PROJECT_ROOT, "prisma", "migrations", "migration_lock.toml"), "utf8") + (await migrationNames());
  if (!reseed && existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, "utf8")) as {
      version: string;
      migrations: string;
      ids: SeededIds & { bigAwardDecisionId: string };
    };
    if (saved.version === SEED_VERSION && saved.migrations === migrations) {
      log("bench database already seeded (--reseed to start again)");
      return saved.ids;
    }
  }
  rmSync(marker, { force: true });
  const admin = new pg.Client({ connectionString: database!.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS bench WITH (FORCE)`);
  await admin.end();
  await database!.createDatabase("bench");
  await migrate(url);
  const started = Date.now();
  log("seeding the large data set…");
  const { hashPassword } = await import("../src/server/auth/password");
  const { CONSENT_TEXT_VERSION } = await import("../src/server/technicians/consent-text");
  const { auditEventHash: auditHash } = await import("../src/server/audit-trail/chain");
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  const ids = await seedBench(client, {
    passwordHash: await hashPassword(BENCH_PASSWORD),
    consentVersion: CONSENT_TEXT_VERSION,
    now: new Date(),
    auditHash,
  });
  log(
    `rows in ${((Date.now() - started) / 1000).toFixed(1)} s; taking ${ids.toAward.length} tenders through the award with the real use cases…`,
  );
  const bigAwardDecisionId = await awardThroughUseCases(ids);
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await client.query("VACUUM ANALYZE");
  await client.end();
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const all = { ...ids, bigAwardDecisionId };
  writeFileSync(marker, JSON.stringify({ version: SEED_VERSION, migrations, ids: all }));
  return all;
}

async function migrationNames(): Promise<string> {
  const { readdirSync } = await import("node:fs");
  return readdirSync(path.join(PROJECT_ROOT, "prisma", "migrations"))
    .sort()
    .join(",");
}

/** Freeze, recommend, sign off and award with the portal's own use cases, so summaries, hashes and contracts are real. */
async function awardThroughUseCases(ids: SeededIds): Promise<string> {
  const { freezeRanking } = await import("../src/server/evaluation/moderation");
  const { recommendAward } = await import("../src/server/awards/recommend-award");
  const { decideAward } = await import("../src/server/awards/decide-award");
  const { confirmAward } = await import("../src/server/awards/confirm-award");
  const { computeResults } = await import("../src/server/evaluation/results");
  const { db } = await import("../src/server/db");
  const actorOf = (userId: string) => {
    const u = ids.users.find((x) => x.id === userId)!;
    return {
      id: u.id,
      role: u.role as "COMMISSIONER",
      name: u.name,
      email: u.email,
      organisationId: u.organisationId,
      establishmentIds: u.establishmentIds,
    };
  };
  // Each step is one transaction; on a busy machine one can outlive Prisma's
  // 5-second transaction limit, and it is then rolled back whole: try again.
  const retry = async <T>(step: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (attempt >= 4 || !/expired transaction|Transaction API error|timeout/i.test(String(error))) throw error;
      }
    }
  };
  let bigDecision = "";
  const later = new Date(Date.now() + 40 * 86_400_000);
  for (const t of ids.toAward) {
    const chair = actorOf(t.chair);
    await retry(() => freezeRanking(chair, t.id));
    const { result } = await computeResults(db, t.id);
    const top = result.bids[0]!;
    const { awardDecisionId } = await retry(() =>
      recommendAward(chair, t.id, {
        bidId: top.bidId,
        justification: top.tie ? "The panel chose between the tied bids in the meeting." : "",
        noteToYoungCommissioners: "Thank you for your scores.",
      }),
    );
    if (t.id === ids.bigTenderId) bigDecision = awardDecisionId;
    if (t.target === "AWARD_PENDING_SIGNOFF") continue;
    const governor = actorOf(t.governor);
    const decision = await db.awardDecision.findUniqueOrThrow({ where: { id: awardDecisionId } });
    await retry(() =>
      decideAward(governor, awardDecisionId, {
        decision: "APPROVED",
        typedName: governor.name,
        comment: "",
        contentHash: decision.contentHash,
      }),
    );
    if (t.target === "AWARDED") await retry(() => confirmAward(chair, t.id, later));
  }
  await db.$disconnect();
  return bigDecision;
}

async function startServer(port: number, url: string): Promise<number> {
  const started = Date.now();
  // The same server as `npm start` (scripts/serve.ts, with its request logs), on loopback only.
  server = spawn(process.execPath, serverArgs(), {
    cwd: PROJECT_ROOT,
    env: {
      ...serverEnv(),
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("The portal did not become healthy within 120 seconds");
}

/**
 * The real `npm start` (scripts/start.ts), as a user runs it, to a healthy
 * /api/health: first in an empty data folder (a new embedded PostgreSQL,
 * every migration, the demo seed; the production build is already there),
 * then a restart with nothing changed. Its own folder and ports, never the
 * demo's .data or the bench's database.
 */
async function timeNpmStart(): Promise<{ firstMs: number; restartMs: number }> {
  const dataDir = path.join(BENCH_DIR, "npm-start");
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COCOMMISSION_DATA_DIR: path.relative(PROJECT_ROOT, dataDir),
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    DEMO_PASSWORD: BENCH_PASSWORD,
    NEXTAUTH_URL: undefined,
    NEXTAUTH_SECRET: undefined,
    DATABASE_URL: undefined,
  };
  const once = async () => {
    const started = Date.now();
    const child = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      const deadline = Date.now() + 300_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
        const healthy = await fetch(`http://127.0.0.1:${env.PORT}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (healthy) return Date.now() - started;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("npm start was not healthy within 5 minutes");
    } finally {
      child.kill("SIGTERM"); // scripts/start.ts stops the server, then PostgreSQL
      await exited;
    }
  };
  const firstMs = await once();
  const restartMs = await once();
  rmSync(dataDir, { recursive: true, force: true });
  return { firstMs, restartMs };
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return rows[0]!.server_version;
}

async function dataShape(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const shape: Record<string, number> = {};
  for (const table of ["Establishment", "Tender", "Bid", "Score", "ScoreRevision", "TimeEntry", "AuditEvent", "OutboxMessage", "User"]) {
    shape[table] = Number((await client.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM "${table}"`)).rows[0]!.n);
  }
  await client.end();
  return shape;
}

type Report = {
  machine: Record<string, unknown>;
  startup: { coldStartMs: number; warmRestartMs: number; npmStartFirstMs: number | null; npmStartRestartMs: number | null };
  routes: {
    route: string;
    reqPerSec: number;
    p50: number;
    p95: number;
    p99: number;
    ratioP95ToStatic: number;
    staticP95JustBefore: number;
    sqlPerRequest: number;
    htmlBytes?: number;
    maxRssMb: number;
    non2xx: number;
    errors: number;
  }[];
  steps: { route: string; users: number; reqPerSec: number; p50: number; p95: number; p99: number }[];
  bidCounts: BidCountRow[];
  scoring: { votes: number; rule: string; medianMs: number; microsPerVote: number }[];
};

function printReport(report: Report) {
  const m = report.machine;
  console.log(
    `\nMachine: ${String(m.cpus)} CPUs (${String(m.cpuModel)}), Node ${String(m.node)}, PostgreSQL ${String(m.postgres)}. ${USERS} concurrent users, ${SECONDS} s per route.\n`,
  );
  console.log(
    "| route | req/s | p50 ms | p95 ms | p99 ms | static p95 ms, just before | p95 ÷ static p95 | SQL per request | HTML KB | server RSS MB |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of report.routes) {
    const failed = r.non2xx + r.errors > 0 ? ` (${r.non2xx + r.errors} failed)` : "";
    console.log(
      `| ${r.route}${failed} | ${r.reqPerSec} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.staticP95JustBefore} | ${r.ratioP95ToStatic} | ${r.sqlPerRequest} | ${Math.round((r.htmlBytes ?? 0) / 1024)} | ${r.maxRssMb} |`,
    );
  }
  console.log("\nStep test (p95 ms at 1 / 5 / 20 / 50 concurrent users):\n");
  const byRoute = new Map<string, typeof report.steps>();
  for (const s of report.steps) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
  console.log("| route | " + STEPS.map((u) => `${u} users`).join(" | ") + " |");
  console.log("| --- |" + STEPS.map(() => " ---: |").join(""));
  for (const [route, rows] of byRoute) console.log(`| ${route} | ${rows.map((s) => `${s.p95} (${s.reqPerSec} req/s)`).join(" | ")} |`);
  if (report.bidCounts.length > 0) {
    console.log("\nModeration overview by bid count (the chair; the same 10 criteria and 12 members):\n");
    console.log(
      "| bids | PostgreSQL ms per request | SQL per request | 1 user p50 ms | 20 users p95 ms | static p95 ms, just before | p95 ÷ static p95 | HTML KB | server RSS MB |",
    );
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const b of report.bidCounts)
      console.log(
        `| ${b.bids} | ${b.postgresMsPerRequest} | ${b.sqlPerRequest} | ${b.singleUserP50} | ${b.p95} | ${b.staticP95JustBefore} | ${b.ratioP95ToStatic} | ${Math.round(b.htmlBytes / 1024)} | ${b.maxRssMb} |`,
      );
  }
  if (report.scoring.length > 0) {
    console.log("\nScoring engine alone (median):\n");
    console.log("| votes | equal votes ms | panel parity ms | µs per vote |");
    console.log("| ---: | ---: | ---: | ---: |");
    const votes = [...new Set(report.scoring.map((s) => s.votes))];
    for (const v of votes) {
      const eq = report.scoring.find((s) => s.votes === v && s.rule === "EQUAL_VOTES")!;
      const par = report.scoring.find((s) => s.votes === v && s.rule === "PANEL_PARITY")!;
      console.log(`| ${v.toLocaleString("en-GB")} | ${eq.medianMs} | ${par.medianMs} | ${eq.microsPerVote} / ${par.microsPerVote} |`);
    }
  }
  console.log(
    `\nStart-up to a healthy /api/health: the server alone, first start ${report.startup.coldStartMs} ms, restart ${report.startup.warmRestartMs} ms.`,
  );
  if (report.startup.npmStartFirstMs !== null)
    console.log(
      `\`npm start\`: first start ${report.startup.npmStartFirstMs} ms (new embedded database, migrations, demo seed; build present), restart ${report.startup.npmStartRestartMs} ms.\n`,
    );
}

async function cleanup() {
  await stopServer().catch(() => {});
  await database?.stop().catch(() => {});
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

main()
  .then(cleanup)
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
