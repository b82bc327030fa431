import type { AuditAction } from "@/server/audit-trail/labels";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { audit, auditAlone } from "@/server/audit";
import { auditEventHash, verifyAuditChain } from "@/server/audit-trail/chain";
import { canonicalJson } from "@/server/content-hash";
import { db } from "@/server/db";
import { migrate, MIGRATIONS_DIR } from "../../scripts/lib/migrations";

function runVerifyScript(databaseUrl: string) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CHAIN_MIGRATION = "20261125212000_audit_hash_chain";

async function tamper(sql: string): Promise<void> {
  // Behind the app's back: lift the append-only trigger, edit, put it back.
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  });
}

async function record(action: string, entityId: string, extra: { before?: unknown; after?: unknown } = {}) {
  await db.$transaction((tx) => audit(tx, null, { action: action as AuditAction, entityType: "Thing", entityId, ...extra }));
}

describe("the audit hash chain", () => {
  it("links every event to the one before it, and verifies", async () => {
    await record("chain.one", "c-1", {
      after: { pence: 12345678901n, text: 'line\nbreak "quoted" £ \u0001', nested: { b: 1, a: [true, null, 0.5] } },
    });
    await record("chain.two", "c-2", { before: { z: 1, a: 2 } });
    const [first, second] = await db.auditEvent.findMany({ where: { entityId: { in: ["c-1", "c-2"] } }, orderBy: { id: "asc" } });
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second!.prevHash).toBe(first!.hash);
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.hash).toBe(second!.hash);
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: expect.any(Number) });
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    // Writer A records its event and holds its transaction open; writer B
    // starts while A holds the chain and must link to A's event, not to the
    // event A linked to.
    let releaseA!: () => void;
    const aHolds = new Promise<void>((resolve) => (releaseA = resolve));
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((resolve) => (aWrote = resolve));
    const a = db.$transaction(async (tx) => {
      await audit(tx, null, { action: "chain.writer_a" as AuditAction, entityType: "Thing", entityId: "w-a" });
      aWrote();
      await aHolds;
    });
    await aHasWritten;
    const b = db.$transaction((tx) => audit(tx, null, { action: "chain.writer_b" as AuditAction, entityType: "Thing", entityId: "w-b" }));
    releaseA();
    await Promise.all([a, b]);
    const eventA = await db.auditEvent.findFirstOrThrow({ where: { entityId: "w-a" } });
    const eventB = await db.auditEvent.findFirstOrThrow({ where: { entityId: "w-b" } });
    expect(eventB.prevHash).toBe(eventA.hash);

    // And a burst of writers at once.
    await Promise.all(Array.from({ length: 8 }, (_, i) => record("chain.concurrent", `w-${i}`)));
    const rows = await db.auditEvent.findMany({ where: { action: "chain.concurrent" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(8);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("an event on its own (a download) is chained in one statement, with the same hash TypeScript works out", async () => {
    const actor = await db.user.create({ data: { email: "chain-alone@test.invalid", name: "Chain Alone", role: "COMMISSIONER" } });
    const before = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    await auditAlone({ id: actor.id, role: "COMMISSIONER" } as Parameters<typeof auditAlone>[0], {
      action: "chain.alone" as AuditAction,
      entityType: "Thing",
      entityId: "alone-1",
      after: { count: 4000, unpaidOnly: false, text: 'a "b"\n£' },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: "alone-1" } });
    expect(event).toMatchObject({
      actorId: actor.id,
      actorRole: "COMMISSIONER",
      action: "chain.alone",
      before: null,
      prevHash: before.hash,
    });
    expect(event.after).toEqual({ count: 4000, unpaidOnly: false, text: 'a "b"\n£' });
    expect(event.hash).toBe(auditEventHash(event));
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ lastEventId: event.id, hash: event.hash });

    // Many at once, mixed with events written inside transactions: one unbroken chain, in id order.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? record("chain.mixed", `m-${i}`)
          : auditAlone(null, { action: "chain.mixed" as AuditAction, entityType: "Thing", entityId: `m-${i}` }),
      ),
    );
    expect(await db.auditEvent.count({ where: { action: "chain.mixed" } })).toBe(12);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("a rolled-back write leaves the chain as it was", async () => {
    const before = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, null, { action: "chain.rolled_back" as AuditAction, entityType: "Thing", entityId: "rb" });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
    await record("chain.after_rollback", "rb-2");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("canonical JSON in SQL (used to chain older events) matches canonicalJson() in TypeScript", async () => {
    const values: unknown[] = [
      { b: 1, a: "x", c: { z: [1, 2, { y: null, x: false }], é: "ü", A: "upper" } },
      ["tab\there", "nl\nhere", "cr\rhere", "ff\fbs\b", 'quote"back\\slash', "ctl\u0001\u001f", "emoji 😀", "<script>&'"],
      { n: -12.5, big: 9007199254740991, zero: 0, empty: {}, list: [] },
      "plain",
      null,
    ];
    for (const v of values) {
      const json = JSON.stringify(v);
      const [{ c }] = await db.$queryRaw<[{ c: string }]>`SELECT "cocommission_canonical_json"(${json}::jsonb) AS c`;
      expect(c).toBe(canonicalJson(v));
    }
  });
});

describe("verification names the first broken link", () => {
  it("an event edited behind the app's back", async () => {
    await record("tamper.a", "t-a");
    await record("tamper.b", "t-b", { after: { decision: "APPROVED" } });
    await record("tamper.c", "t-c");
    const target = await db.auditEvent.findFirstOrThrow({ where: { entityId: "t-b" } });
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"decision":"REJECTED"}' WHERE "id" = ${target.id}`);
    const check = await verifyAuditChain();
    expect(check).toMatchObject({ ok: false, brokenAt: { id: target.id.toString(), action: "tamper.b" } });
    expect(!check.ok && check.reason).toMatch(/changed after it was written/);
    // Put it back, so the next case starts from an intact chain.
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"decision":"APPROVED"}' WHERE "id" = ${target.id}`);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("an event removed from the middle, and one from the end", async () => {
    await record("remove.a", "r-a");
    await record("remove.b", "r-b");
    await record("remove.c", "r-c");
    const [a, b, c] = await db.auditEvent.findMany({ where: { entityId: { in: ["r-a", "r-b", "r-c"] } }, orderBy: { id: "asc" } });
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${b!.id}`);
    const middle = await verifyAuditChain();
    expect(middle).toMatchObject({ ok: false, brokenAt: { id: c!.id.toString() } });
    expect(!middle.ok && middle.reason).toContain(`does not link to event ${a!.id}`);
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" >= ${c!.id}`);
    // With b gone too the chain still breaks; the end check names the head.
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${a!.id}`);
    const end = await verifyAuditChain();
    expect(end).toMatchObject({ ok: false, brokenAt: { id: c!.id.toString() } });
    expect(!end.ok && end.reason).toMatch(/removed from the end/);
  });
});

describe("the migration that starts the chain", () => {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `chain_backfill_${Date.now()}`;
  let client: PrismaClient | undefined;
  afterAll(async () => {
    await client?.$disconnect();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("chains events written before it so that they verify", async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // The migrations up to (not including) the chain.
    const dir = mkdtempSync(path.join(os.tmpdir(), "chain-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    for (const m of readdirSync(dir)) if (m >= CHAIN_MIGRATION) rmSync(path.join(dir, m), { recursive: true });
    await migrate(url.toString(), dir);
    const pgc = new pg.Client({ connectionString: url.toString() });
    await pgc.connect();
    await pgc.query(`INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "before", "after", "at") VALUES
      ('old.one', 'Thing', 'o-1', NULL, '{"b": 2, "a": {"y": [1, "two", null]}, "text": "tab\\there \\"q\\" £"}', '2026-01-02T03:04:05.678Z'),
      ('old.two', 'Thing', 'o-2', '{"status": "DRAFT"}', '{"status": "PUBLISHED", "pence": "12345678901"}', '2026-06-30T23:59:59.999Z'),
      ('old.three', 'Thing', 'o-3', NULL, NULL, now())`);
    await pgc.end();
    await migrate(url.toString());
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    expect(await verifyAuditChain(client)).toEqual({ ok: true, checked: 3 });
    // and the app's writer carries on from the backfilled end
    await client.$transaction((tx) => audit(tx, null, { action: "new.one" as AuditAction, entityType: "Thing", entityId: "n-1" }));
    expect(await verifyAuditChain(client)).toEqual({ ok: true, checked: 4 });

    // npm run audit:verify says so, and names the first broken link after an edit.
    const ok = runVerifyScript(url.toString());
    expect(ok).toMatchObject({ status: 0, stdout: expect.stringContaining("Audit log intact: 4 events checked") });
    const pgt = new pg.Client({ connectionString: url.toString() });
    await pgt.connect();
    await pgt.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const { rows } = await pgt.query<{ id: string }>(
      `UPDATE "AuditEvent" SET "actorRole" = 'ADMIN' WHERE "action" = 'old.two' RETURNING "id"::text`,
    );
    await pgt.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    await pgt.end();
    const broken = runVerifyScript(url.toString());
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit log BROKEN at event ${rows[0]!.id} (2026-06-30T23:59:59.999Z, old.two)`);
  });
});
