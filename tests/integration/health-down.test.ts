import { freePort } from "../../scripts/lib/embedded-db";
import { describe, expect, it } from "vitest";

describe("GET /api/health with PostgreSQL down", () => {
  it("is 503 and says the database is unreachable", async () => {
    // Point this file's Prisma client at a port where nothing listens.
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/nothing`;
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
  });
});
