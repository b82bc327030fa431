import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "./db";

/** How long readiness waits for PostgreSQL before saying it is unreachable. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export type Readiness =
  | { status: "ok"; database: "ok"; migrations: "current" }
  | { status: "error"; database: "unreachable" }
  | { status: "error"; database: "ok"; migrations: "pending"; pending: string[] }
  | { status: "stopping" };

/**
 * The migrations this build expects: listed at build time (next.config.ts puts
 * them in COCOMMISSION_MIGRATIONS), or read from prisma/migrations under the
 * working directory when running outside a build (tests, scripts).
 */
export function expectedMigrations(): string[] {
  const bundled = process.env.COCOMMISSION_MIGRATIONS;
  if (bundled) return bundled.split(",").filter(Boolean);
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Set by the server (scripts/serve.ts) once it has been asked to stop. */
export function isStopping(): boolean {
  return (globalThis as { cocommissionStopping?: boolean }).cocommissionStopping === true;
}

/**
 * Ready to serve: PostgreSQL answers within a short timeout and every
 * migration this build expects has been applied. A database with more
 * migrations (a newer instance migrated it during a rolling update) is ready.
 */
export async function readiness(): Promise<Readiness> {
  if (isStopping()) return { status: "stopping" };
  let applied: Set<string>;
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      DATABASE_CHECK_TIMEOUT_MS,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    // Ask the server to check PostgreSQL before the next page (scripts/serve.ts answers 503 while it is down).
    (globalThis as { cocommissionDbSuspect?: boolean }).cocommissionDbSuspect = true;
    return { status: "error", database: "unreachable" };
  }
  const pending = expectedMigrations().filter((name) => !applied.has(name));
  if (pending.length > 0) return { status: "error", database: "ok", migrations: "pending", pending };
  return { status: "ok", database: "ok", migrations: "current" };
}

export function readinessResponse(result: Readiness): Response {
  return Response.json(result, { status: result.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
