import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// The one Prisma client. Nothing else creates one. It connects lazily, so
// importing this module during `next build` needs no database. It is kept on
// globalThis so that every bundle of the server (pages, route handlers,
// instrumentation) and the server's shutdown (scripts/serve.ts) share one pool.
const globalForDb = globalThis as unknown as { cocommissionDb?: PrismaClient };

/** Connections per instance: instances × this must stay under PostgreSQL's max_connections. */
export function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: process.env.DATABASE_URL,
    max: poolSize(),
    // With PostgreSQL down or unreachable a request fails within seconds
    // (and the server answers 503) instead of hanging: waiting for a
    // connection, and any one statement, are bounded.
    connectionTimeoutMillis: 3_000,
    statement_timeout: 8_000,
    query_timeout: 9_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.cocommissionDb ?? createClient();
globalForDb.cocommissionDb = db;

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
