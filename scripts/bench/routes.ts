// The routes the bench drives, and signed-in sessions for the seeded users:
// shared by the bench (scripts/bench.ts) and the profiler (scripts/bench-profile.ts).
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { SeededIds } from "./seed";

export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-0123";

export interface Route {
  name: string;
  path: string;
  as: string | null;
  status?: number;
  htmlBytes?: number;
}

export async function routesFor(ids: SeededIds & { bigAwardDecisionId: string }, url: string): Promise<Route[]> {
  const big = ids.bigTenderId;
  // A provider with a bid on a tender still open for bids.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ tenderId: string; email: string }>(
    `SELECT b."tenderId"::text AS "tenderId", u.email FROM "Bid" b JOIN "Tender" t ON t.id = b."tenderId" JOIN "User" u ON u."organisationId" = b."organisationId"
     WHERE t.status = 'PUBLISHED' AND t."submissionDeadline" > now() ORDER BY t.reference, u.email LIMIT 1`,
  );
  await client.end();
  const provider = rows[0]!;
  return [
    { name: "static page", path: "/words", as: null },
    { name: "tenders list", path: "/tenders", as: "commissioner1@bench.test" },
    { name: "tender page (big)", path: `/tenders/${big}`, as: "commissioner1@bench.test" },
    { name: "moderation overview (big)", path: `/panels/${big}/moderation`, as: "commissioner1@bench.test" },
    { name: "moderation, one bid (big)", path: `/panels/${big}/moderation/${ids.bigBidIds[0]}`, as: "commissioner1@bench.test" },
    { name: "award summary (big)", path: `/tenders/${big}/award`, as: "commissioner1@bench.test" },
    { name: "governor sign-off (big)", path: `/establishment/sign-offs/${ids.bigAwardDecisionId}`, as: "governor1@bench.test" },
    { name: "governor establishment", path: "/establishment", as: "governor1@bench.test" },
    { name: "provider opportunities", path: "/opportunities", as: provider.email },
    { name: "provider bid page", path: `/opportunities/${provider.tenderId}/bid`, as: provider.email },
    { name: "technician panels", path: "/panels", as: "technician1@bench.test" },
    { name: "time (technician)", path: "/time", as: "technician1@bench.test" },
    { name: "time approvals (commissioner)", path: "/time", as: "commissioner1@bench.test" },
    { name: "payroll CSV", path: "/api/time/claims.csv", as: "commissioner1@bench.test" },
    { name: "contracts", path: "/contracts", as: "commissioner1@bench.test" },
    { name: "users (admin)", path: "/admin/users", as: "admin@bench.test" },
    { name: "outbox (admin)", path: "/admin/outbox", as: "admin@bench.test" },
  ];
}

/** A signed-in session for a seeded user, made the way the sign-in form makes it: a UserSession row and its id in the next-auth JWT. */
export async function sessionCookie(url: string, ids: SeededIds, email: string): Promise<string> {
  const user = ids.users.find((u) => u.email === email)!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "UserSession" ("userId", "expiresAt") VALUES ($1, now() + interval '8 hours') RETURNING id::text`,
    [user.id],
  );
  await client.end();
  const token = await encode({
    secret: BENCH_SECRET,
    maxAge: 8 * 60 * 60,
    token: { sub: user.id, name: user.name, email: user.email, role: user.role, sid: rows[0]!.id },
  });
  return `next-auth.session-token=${token}`;
}
