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

/** Node arguments that run the production server (scripts/serve.ts) on the last build. */
export function serverArgs(): string[] {
  return ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", "serve.ts")];
}
