import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { db } from "@/server/db";

describe("health checks", () => {
  it("liveness is 200 without asking the database", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("readiness (and /api/health) is 200 with the database reachable and every migration applied", async () => {
    for (const GET of [ready, health]) {
      const response = await GET();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations: "current" });
    }
  });

  it("readiness is 503 and names the migration when the database lacks one", async () => {
    const [last] = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${last!.migration_name}`;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "ok", migrations: "pending", pending: [last!.migration_name] });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${last!.migration_name}`;
    }
  });

  it("readiness is 503 while the instance is stopping, so a load balancer sends it nothing new", async () => {
    (globalThis as { cocommissionStopping?: boolean }).cocommissionStopping = true;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "stopping" });
    } finally {
      (globalThis as { cocommissionStopping?: boolean }).cocommissionStopping = false;
    }
  });
});
