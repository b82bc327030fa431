// `npm run test:e2e`: a throwaway embedded PostgreSQL with the demo seeded,
// the production build served by scripts/serve.ts (as `npm start` does), and Playwright in Chromium.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, serverArgs } from "./lib/build";
import { findChromium, CHROMIUM_HINT } from "./lib/chromium";
import { freePort, PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-db";
import { migrate } from "./lib/migrations";

export const E2E_DEMO_PASSWORD = "e2e demo password 2026";

const chromium = findChromium();
if (!chromium) {
  console.error(CHROMIUM_HINT);
  process.exit(1);
}

let database: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;

async function main(): Promise<number> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  database = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `cocommission-e2e-pg-${process.pid}`), ephemeral: true });
  await database.createDatabase("e2e");
  const databaseUrl = database.urlFor("e2e");
  await migrate(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // The seed runs the real use cases, which read the environment (links in emails).
  process.env.NEXTAUTH_URL = baseUrl;
  process.env.NEXTAUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
  const { seedDemo } = await import("../src/server/demo/demo-scenario");
  await seedDemo({ password: E2E_DEMO_PASSWORD });
  const { db } = await import("../src/server/db");
  await db.$disconnect();

  buildIfNeeded();
  const clockFile = path.join(os.tmpdir(), `cocommission-e2e-clock-${process.pid}`);
  writeFileSync(clockFile, "0");
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    // Lets the e2e tests move the server's clock (past a deadline, through
    // standstill): src/server/clock.ts. Never set in production.
    COCOMMISSION_TEST_CLOCK_FILE: clockFile,
  };
  // The production server, as `npm start` runs it; its JSON request log goes to a file, not over Playwright's output.
  const log = openSync(path.join(os.tmpdir(), `cocommission-e2e-server-${process.pid}.log`), "w");
  server = spawn(process.execPath, serverArgs(), {
    cwd: PROJECT_ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", log, "inherit"],
  });
  await waitForHealthy(`${baseUrl}/api/health`);

  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)],
    {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: { ...env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl, E2E_DEMO_PASSWORD, PLAYWRIGHT_CHROMIUM_EXECUTABLE: chromium! },
    },
  );
  return result.status ?? 1;
}

async function waitForHealthy(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not become healthy at ${url} within 60 seconds`);
}

async function cleanup() {
  server?.kill("SIGTERM");
  await database?.stop().catch(() => {});
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
