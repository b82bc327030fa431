import { freePort } from "../../scripts/lib/embedded-db";
import { describe, expect, it } from "vitest";

describe("health checks with PostgreSQL down", () => {
  it("readiness and /api/health are 503 and say the database is unreachable; liveness stays 200", async () => {
    // Point this file's Prisma client at a port where nothing listens.
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/nothing`;
    const { GET: health } = await import("@/app/api/health/route");
    const { GET: ready } = await import("@/app/api/health/ready/route");
    const { GET: live } = await import("@/app/api/health/live/route");
    for (const GET of [ready, health]) {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
    }
    expect(live().status).toBe(200);
  });
});
