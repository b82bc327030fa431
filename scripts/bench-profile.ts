// `npm run bench:profile -- "<route name>" [--requests 300] [--users 5] [--top 40]`:
// where a page's server time goes. Starts the production server on the bench's
// database (.bench/, seeded by `npm run bench` first) with `node --cpu-prof`,
// warms the route up, requests it a few hundred times as the bench's signed-in
// user, stops the server, and prints the functions with the most self time and
// the time per package. CPU profiles are relative, so they stay meaningful on a
// busy machine. The .cpuprofile is kept under .bench/profiles/ (open it in
// Chrome DevTools → Performance for the flame chart; summarise it again with
// `--file <path> [--window <last seconds>]`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { buildIfNeeded, serverArgs, serverEnv } from "./lib/build";
import { freePort, PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-db";
import { load } from "./bench/load";
import { rscPayloadBytes } from "./bench/rsc-payload";
import { BENCH_SECRET, routesFor, sessionCookie } from "./bench/routes";
import type { SeededIds } from "./bench/seed";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const routeName = args.find((a, i) => !a.startsWith("--") && !/^--(requests|users|top|file|window|node-flag)$/.test(args[i - 1] ?? ""));
const REQUESTS = option("requests", 300);
const USERS = option("users", 5);
const TOP = option("top", 40);
const BENCH_DIR = path.join(PROJECT_ROOT, ".bench");
process.env.NEXT_TELEMETRY_DISABLED = "1";

let database: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;

async function main() {
  // `--file <profile> --window <seconds>`: summarise a profile taken before.
  const saved = args.indexOf("--file");
  if (saved >= 0) return summarise(path.resolve(args[saved + 1]!), option("window", 1e6) * 1e6);
  const marker = path.join(BENCH_DIR, "seeded.json");
  if (!existsSync(marker)) throw new Error("No bench database: run `npm run bench` once first.");
  const ids = (JSON.parse(readFileSync(marker, "utf8")) as { ids: SeededIds & { bigAwardDecisionId: string } }).ids;
  database = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DIR, "postgres") });
  const url = database.urlFor("bench");
  const routes = await routesFor(ids, url);
  const route = routes.find((r) => r.name === routeName);
  if (!route) throw new Error(`Name a route: ${routes.map((r) => JSON.stringify(r.name)).join(", ")}`);
  buildIfNeeded();

  const dir = path.join(BENCH_DIR, "profiles", `${new Date().toISOString().replaceAll(":", "-").slice(0, 19)}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // `--node-flag <flag>` (repeatable) tries a Node.js setting on the server, e.g. `--node-flag --max-old-space-size=256`; `--no-profile` measures without the profiler.
  const nodeFlags = args.flatMap((a, i) => (a === "--node-flag" ? [args[i + 1]!] : []));
  const profiling = !args.includes("--no-profile");
  server = spawn(process.execPath, [...(profiling ? [`--cpu-prof`, `--cpu-prof-dir=${dir}`] : []), ...serverArgs(nodeFlags)], {
    cwd: PROJECT_ROOT,
    env: {
      ...serverEnv(),
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: base,
      LOG_LEVEL: "warn",
    },
    // Warnings and errors only (LOG_LEVEL above): a failing page says why.
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let healthy = false; !healthy; await new Promise((r) => setTimeout(r, 100))) {
    healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  }
  const cookie = route.as ? await sessionCookie(url, ids, route.as) : null;
  const headers = { ...(cookie ? { cookie } : {}), accept: "text/html,*/*;q=0.8" };
  for (let i = 0; i < 10; i++) {
    const response = await fetch(base + route.path, { headers, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}`);
    if (i === 0) {
      // What the page sends: its HTML, and the part of it that is the React Server Components payload (inline scripts).
      writeFileSync(path.join(dir, "page.html"), body);
      const rsc = rscPayloadBytes(body);
      console.log(`${route.name}: ${Math.round(body.length / 1024)} KB of HTML, of which ${Math.round(rsc / 1024)} KB RSC payload`);
    }
  }
  // Requests, not seconds: autocannon's `amount` bounds the run.
  const started = Date.now();
  const result = await load(base + route.path, cookie, USERS, 0, server.pid!, REQUESTS);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${route.name}: ${result.requests} requests in ${seconds.toFixed(1)} s, p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.non2xx + result.errors} failed, server RSS up to ${result.maxRssMb} MB`,
  );
  await stopServer();
  if (!profiling) return;
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("The server wrote no profile");
  // The server stops within a second of the last request: the last seconds of the profile are the load, not the start-up.
  summarise(path.join(dir, file), (seconds + 1) * 1e6);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * Self time per function and per package, and total time per source file of
 * the app (src/, through the build's source maps), from a V8 .cpuprofile; only
 * the samples of the last `windowUs` microseconds count.
 */
function summarise(file: string, windowUs: number) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    endTime: number;
    startTime: number;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  const from = profile.endTime - windowUs;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from) self.set(id, (self.get(id) ?? 0) + delta);
  });
  let total = 0;
  let idle = 0;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  const appFile = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const original = originalPosition(frame);
    const where = original ?? (frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "");
    add(fn, `${frame.functionName || "(anonymous)"}  ${where}`, us);
    add(pkg, original ? `app: ${original.split(":")[0]}` : packageOf(frame.url, frame.functionName), us);
    // Total time: every app source file on the sample's stack, once.
    const files = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const o = originalPosition(byId.get(n)!.callFrame);
      if (o) files.add(o.split(":")[0]!);
    }
    for (const f of files) add(appFile, f, us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nprofile: ${path.relative(PROJECT_ROOT, file)}`);
  console.log(`last ${(windowUs / 1e6).toFixed(1)} s: busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`);
  console.log(`\nSelf time by package (app: the portal's own code):`);
  for (const [name, us] of top(pkg, 25)) console.log(`${pct(us)}  ${name}`);
  console.log(`\nTotal time under each of the portal's source files (a file calling another counts both):`);
  for (const [name, us] of top(appFile, 25)) console.log(`${pct(us)}  ${name}`);
  console.log(`\nTop ${TOP} functions by self time:`);
  for (const [name, us] of top(fn, TOP)) console.log(`${pct(us)}  ${name}`);
}

const sourceMaps = new Map<string, SourceMap | null>();
const positions = new Map<string, string | null>();

/** `src/…:line` for a frame in the build's own chunks (not Next.js or node_modules code bundled into them). */
function originalPosition(frame: ProfileNode["callFrame"]): string | null {
  if (!frame.url.includes("/.next/server/")) return null;
  const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
  if (positions.has(key)) return positions.get(key)!;
  const file = frame.url.replace(/^file:\/\//, "");
  if (!sourceMaps.has(file)) {
    try {
      sourceMaps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as ConstructorParameters<typeof SourceMap>[0]));
    } catch {
      sourceMaps.set(file, null);
    }
  }
  const entry = sourceMaps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  let position: string | null = null;
  if (entry && "originalSource" in entry) {
    const m = /(?:^|\/)(src\/.*)$/.exec(entry.originalSource);
    if (m && !entry.originalSource.includes("node_modules")) position = `${m[1]}:${entry.originalLine + 1}`;
  }
  positions.set(key, position);
  return position;
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, "").replace(PROJECT_ROOT + "/", "");
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native / V8 builtins)";
  const u = shortUrl(url);
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (u.startsWith(".next/")) {
    // Next's server bundles: name the chunk's biggest hint (package in the path, or the chunk).
    const inner = /\[project\]_node_modules_((?:@[^_]+_)?[^_.]+)/.exec(u) ?? /node_modules_((?:@[a-z0-9-]+_)?[a-z0-9-]+)/.exec(u);
    return inner ? `.next bundle: ${inner[1]}` : `.next bundle: ${u.split("/").slice(-1)[0]}`;
  }
  if (nm) return nm[1]!;
  if (u.startsWith("node:") || !u.startsWith("/")) return `node: ${u.split("/")[0]}`;
  return u;
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

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopServer().catch(() => {});
    await database?.stop().catch(() => {});
  });
