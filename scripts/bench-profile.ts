// `npm run bench:profile -- "<route name>" [--requests 300] [--users 5] [--top 40]`:
// where a page's server time goes. Starts the production server on the bench's
// database (.bench/, seeded by `npm run bench` first) with `node --cpu-prof`,
// warms the route up, requests it a few hundred times as the bench's signed-in
// user, stops the server, and prints the functions with the most self time and
// the time per package. CPU profiles are relative, so they stay meaningful on a
// busy machine. The .cpuprofile is kept under .bench/profiles/ (open it in
// Chrome DevTools → Performance for the flame chart).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded, serverArgs } from "./lib/build";
import { freePort, PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-db";
import { load } from "./bench/load";
import { BENCH_SECRET, routesFor, sessionCookie } from "./bench/routes";
import type { SeededIds } from "./bench/seed";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const routeName = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const REQUESTS = option("requests", 300);
const USERS = option("users", 5);
const TOP = option("top", 40);
const BENCH_DIR = path.join(PROJECT_ROOT, ".bench");
process.env.NEXT_TELEMETRY_DISABLED = "1";

let database: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;

async function main() {
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
  server = spawn(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${dir}`, ...serverArgs()], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: base,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
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
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}`);
  }
  // Requests, not seconds: autocannon's `amount` bounds the run.
  const started = Date.now();
  const result = await load(base + route.path, cookie, USERS, 0, server.pid!, REQUESTS);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${route.name}: ${result.requests} requests in ${seconds.toFixed(1)} s, p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.non2xx + result.errors} failed, server RSS up to ${result.maxRssMb} MB`,
  );
  await stopServer();
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("The server wrote no profile");
  summarise(path.join(dir, file));
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Self time per function and per package, from a V8 .cpuprofile. */
function summarise(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const where = shortUrl(url);
    const key = `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const group = packageOf(url, functionName);
    pkg.set(group, (pkg.get(group) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`\nprofile: ${path.relative(PROJECT_ROOT, file)}`);
  console.log(`busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s\n\nSelf time by package:`);
  for (const [name, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(us)}  ${name}`);
  console.log(`\nTop ${TOP} functions by self time:`);
  for (const [name, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(us)}  ${name}`);
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
