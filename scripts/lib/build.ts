// "Builds if needed": a production build is reused until a source file,
// dependency or setting changes. The stamp is a hash of every input's path,
// size and modification time, which is cheap to compute on start.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./embedded-db";

const INPUTS = [
  "src",
  "public",
  "prisma/schema.prisma",
  "prisma/migrations",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];
const STAMP = path.join(PROJECT_ROOT, ".next", "cocommission-build-stamp");

function fingerprint(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== "node_modules") visit(path.join(p, name));
    } else {
      hash.update(`${path.relative(PROJECT_ROOT, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) visit(path.join(PROJECT_ROOT, input));
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint();
}

/** Runs `next build` unless the last build is still current. */
export function buildIfNeeded(log: (line: string) => void = console.log): void {
  if (buildIsCurrent()) return;
  log("Building the portal (first run, or the code changed). This takes a minute or two…");
  const stampBefore = fingerprint();
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(STAMP, stampBefore);
}

export function nextBin(): string {
  return path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
}

/**
 * V8's garbage collector settings for the server, so its memory stays near 512 MB under load (issue 11). With its
 * defaults on a big machine (a 4 GB heap limit) V8 lets the old generation grow to several times what is live before
 * collecting: 20 concurrent renders of the big moderation page took the server to 690–720 MB, of which ~440 MB V8
 * heap. `--heap-growing-percent=40` collects once the old generation is 1.4× what the last collection kept, with no
 * hard cap (nothing runs out of memory at a fixed size, unlike `--max-old-space-size`, which cost p95 ~1.2–1.5×);
 * a 32 MB semi-space (16 MB by default) lets a request's short-lived objects die young instead of being promoted,
 * which keeps p95 where it was. Measured by `npm run bench:profile -- "moderation overview (big)" --no-profile
 * --users 20` (300 requests, same hour): default p95 1212–1396 ms, RSS 684–723 MB; these settings 1199 ms, 539 MB;
 * `--max-old-space-size=384` 1410 ms, 496 MB. A flag named in NODE_OPTIONS wins over the default here.
 */
export const SERVER_V8_FLAGS = ["--heap-growing-percent=40", "--max-semi-space-size=32"];

/** The environment the server starts with: glibc keeps 2 malloc arenas instead of 8 per core (~30–50 MB less RSS under load). */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}

/** Node arguments that run the production server (scripts/serve.ts) on the last build; `extraFlags` win over the defaults. */
export function serverArgs(extraFlags: string[] = []): string[] {
  const named = (flag: string) => flag.split("=")[0]!.replaceAll("_", "-");
  const chosen = [...(process.env.NODE_OPTIONS ?? "").split(/\s+/), ...extraFlags].filter(Boolean).map(named);
  const defaults = SERVER_V8_FLAGS.filter((flag) => !chosen.includes(named(flag)));
  return [...defaults, ...extraFlags, "--import", "tsx", path.join(PROJECT_ROOT, "scripts", "serve.ts")];
}
