import type { AuditAction } from "@/server/audit-trail/labels";
import { describe, expect, it } from "vitest";
import { audit } from "@/server/audit";
import { db } from "@/server/db";

describe("audit log", () => {
  it("records an entry in the caller's transaction, with before and after", async () => {
    await db.$transaction((tx) =>
      audit(tx, null, {
        action: "test.changed" as AuditAction,
        entityType: "Thing",
        entityId: "t-1",
        before: { a: 1 },
        after: { a: 2, pence: 12n },
      }),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: "t-1" } });
    expect(row).toMatchObject({ action: "test.changed", entityType: "Thing", before: { a: 1 }, after: { a: 2, pence: "12" } });
    expect(row.at).toBeInstanceOf(Date);
  });

  it("rolls back with the change it records", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, null, { action: "test.rolled_back" as AuditAction, entityType: "Thing", entityId: "t-2" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { entityId: "t-2" } })).toBe(0);
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await db.$transaction((tx) => audit(tx, null, { action: "test.kept" as AuditAction, entityType: "Thing", entityId: "t-3" }));
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "entityId" = 't-3'`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.updateMany({ where: { entityId: "t-3" }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "entityId" = 't-3'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: "t-3" } });
    expect(row.action).toBe("test.kept");
  });
});
