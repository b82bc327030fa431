import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// The one Prisma client. Nothing else creates one. It connects lazily, so
// importing this module during `next build` needs no database.
const globalForDb = globalThis as unknown as { cocommissionDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.cocommissionDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.cocommissionDb = db;

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
