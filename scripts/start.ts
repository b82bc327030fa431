// `npm start`: embedded PostgreSQL (unless DATABASE_URL is set) → migrations →
// demo seed (embedded only, when empty) → production build if needed → serve.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded, serverArgs, serverEnv } from "./lib/build";
import { PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-db";
import { persistentSecret, randomDemoPassword, randomSecret } from "./lib/local-secrets";
import { migrate } from "./lib/migrations";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(PROJECT_ROOT, process.env.COCOMMISSION_DATA_DIR ?? ".data");
process.env.NEXT_TELEMETRY_DISABLED = "1";

let embedded: EmbeddedDatabase | undefined;
let stopping = false;

async function main() {
  const useEmbedded = !process.env.DATABASE_URL;
  if (useEmbedded) {
    console.log(`Starting the embedded PostgreSQL (data in ${path.relative(PROJECT_ROOT, dataDir) || "."}/postgres)…`);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    });
    await embedded.createDatabase("cocommission");
    process.env.DATABASE_URL = embedded.urlFor("cocommission");
  } else {
    console.log("Using the database in DATABASE_URL.");
  }
  process.env.NEXTAUTH_SECRET ??= persistentSecret(dataDir, "nextauth-secret", randomSecret);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const result = await migrate(process.env.DATABASE_URL!);
  console.log(
    result.applied.length
      ? `Applied migrations: ${result.applied.join(", ")}`
      : `Database schema is up to date (${result.alreadyApplied} migrations).`,
  );

  // Issue 17's one-off correction of standstills that were running with the short count (idempotent).
  {
    const { correctRunningStandstills } = await import("../src/server/awards/correct-standstills");
    const corrections = await correctRunningStandstills();
    if (corrections.length)
      console.log(`Corrected ${corrections.length} running standstill(s) to PSR regulation 12 (audited; bidders told).`);
  }

  if (useEmbedded) {
    const password = (process.env.DEMO_PASSWORD ??= persistentSecret(dataDir, "demo-password", randomDemoPassword));
    const { seedDemo } = await import("../src/server/demo/demo-scenario");
    const seeded = await seedDemo({ password });
    console.log(
      seeded.created
        ? "Seeded the demo: the Feltham YOI health services re-tender in draft and a tender at every later stage (see the README)."
        : "Demo data already present.",
    );
    printLogins(seeded.users, password);
  }
  {
    const { db } = await import("../src/server/db");
    await db.$disconnect();
  }

  if (!dev) buildIfNeeded();
  // scripts/serve.ts rather than `next start`: logs, 503 while PostgreSQL is down, a graceful stop, and the TCP peer's address (sign-in limits).
  const child = spawn(process.execPath, [...serverArgs(), ...(dev ? ["--dev"] : [])], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...serverEnv(), PORT: String(port) },
  });
  console.log(`\nCoCommission: http://localhost:${port}  (Ctrl-C to stop)\n`);
  let childExited = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The server finishes the requests in flight and closes its pool (scripts/serve.ts); PostgreSQL stops after it.
    if (!childExited) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
    }
    if (embedded) {
      console.log("Stopping PostgreSQL…");
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => {
    childExited = true;
    void shutdown(code ?? 0);
  });
}

function printLogins(users: { email: string; role: string; name: string }[], password: string) {
  if (users.length === 0) return;
  console.log("\nDemo sign-ins (all use the same password):");
  for (const u of users) console.log(`  ${u.role.padEnd(13)} ${u.email.padEnd(26)} ${u.name}`);
  console.log(`  Password: ${password}   (set DEMO_PASSWORD before the first start to choose it)\n`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
