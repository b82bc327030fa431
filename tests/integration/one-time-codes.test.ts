import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normaliseCode } from "@/domain/one-time-code";
import { db } from "@/server/db";
import { Conflict, Invalid, NotFound, TooManyRequests } from "@/server/errors";
import {
  batchSummaries,
  CODE_NOT_WORKING,
  issueCodes,
  openCode,
  redeemCode,
  revokeBatch,
  WRONG_CODES_PER_ADDRESS,
} from "@/server/one-time-codes/codes";
import { fieldErrors } from "../fixtures/expect-invalid";
import { shapingStage } from "../fixtures/shaping-builders";

const NOW = new Date("2026-12-08T10:00:00Z");
const LATER = new Date("2026-12-20T00:00:00Z");
let ipCounter = 0;
/** Each test guesses from its own network address, so the limit is only met where a test means to. */
const freshIp = () => `203.0.113.${++ipCounter}`;

async function batchOf(count: number, expiresAt = LATER) {
  const s = await shapingStage();
  const issued = await db.$transaction((tx) => issueCodes(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, count, expiresAt }, NOW));
  return { ...s, ...issued };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("one-time codes", () => {
  it("are shown once in clear and stored only as SHA-256 hashes (not in the rows, not in the audit trail)", async () => {
    const { codes, stageId, batch } = await batchOf(12);
    expect(batch).toBe(1);
    expect(codes).toHaveLength(12);
    expect(new Set(codes).size).toBe(12);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
    const rows = await db.oneTimeCode.findMany({ where: { stageId } });
    expect(rows).toHaveLength(12);
    const stored =
      JSON.stringify(rows) + JSON.stringify(await db.auditEvent.findMany(), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(normaliseCode(code)!);
    }
    const hashes = new Set(rows.map((r) => r.codeHash));
    for (const code of codes) expect(hashes).toContain(createHash("sha256").update(normaliseCode(code)!).digest("hex"));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "one_time_codes.issued", entityId: stageId } });
    expect(event.after).toMatchObject({ purpose: "SHAPING", batch: 1, count: 12 });
  });

  it("number batches per stage and refuse a count outside 1–200 or an expiry already past, writing nothing", async () => {
    const s = await batchOf(2);
    const second = await db.$transaction((tx) =>
      issueCodes(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, count: 200, expiresAt: LATER }, NOW),
    );
    expect(second.batch).toBe(2);
    for (const count of [0, -1, 201, 1.5, Number.NaN, 100_000]) {
      const errors = await fieldErrors(
        db.$transaction((tx) => issueCodes(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, count, expiresAt: LATER }, NOW)),
      );
      expect(errors.count).toMatch(/1 to 200/);
    }
    for (const expiresAt of [NOW, new Date("2026-01-01"), new Date("not a date")]) {
      const errors = await fieldErrors(
        db.$transaction((tx) => issueCodes(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, count: 3, expiresAt }, NOW)),
      );
      expect(errors.expiresOn).toBeTruthy();
    }
    expect(await db.oneTimeCode.count({ where: { stageId: s.stageId } })).toBe(202);
    await expect(
      db.$transaction((tx) => issueCodes(tx, s.lead, { purpose: "SHAPING", stageId: "not-an-id", count: 1, expiresAt: LATER }, NOW)),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("open their form while unused, and say nothing about which way a code fails (wrong, used, expired, revoked, other form)", async () => {
    const { codes, stageId, lead } = await batchOf(5, new Date("2026-12-09T00:00:00Z"));
    const ip = freshIp();
    const opened = await openCode(codes[0]!.toLowerCase().replace(/-/g, " "), { purpose: "SHAPING", ip }, NOW);
    expect(opened).toMatchObject({ purpose: "SHAPING", stageId, contractId: null });

    await db.$transaction((tx) => redeemCode(tx, codes[1], { purpose: "SHAPING", ip }, NOW));
    await db.$transaction((tx) => revokeBatch(tx, lead, { purpose: "SHAPING", stageId, batch: 1 }, NOW));
    const fresh = await batchOf(1, new Date("2026-12-09T00:00:00Z"));

    const failures = [
      () => openCode("ABCD-EFGH-JK", { purpose: "SHAPING", ip }, NOW), // wrong
      () => openCode(codes[1], { purpose: "SHAPING", ip }, NOW), // used
      () => openCode(codes[2], { purpose: "SHAPING", ip }, NOW), // revoked
      () => openCode(fresh.codes[0], { purpose: "SHAPING", ip }, new Date("2026-12-09T00:00:00Z")), // expired, to the millisecond
      () => openCode(fresh.codes[0], { purpose: "FEEDBACK", ip }, NOW), // another form's code
      () => openCode("", { purpose: "SHAPING", ip }, NOW),
      () => openCode(["array"], { purpose: "SHAPING", ip }, NOW),
      () => openCode("𝒜".repeat(50_000), { purpose: "SHAPING", ip }, NOW),
    ];
    for (const attempt of failures) {
      const error = await refusal(attempt());
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).message).toBe(CODE_NOT_WORKING);
      expect((error as Invalid).fieldErrors).toEqual({ code: CODE_NOT_WORKING });
    }
    // The revoke left the used code's use alone.
    const rows = await db.oneTimeCode.findMany({ where: { stageId } });
    expect(rows.filter((r) => r.usedAt)).toHaveLength(1);
    expect(rows.filter((r) => r.revokedAt)).toHaveLength(4);
    expect(rows.some((r) => r.usedAt && r.revokedAt)).toBe(false);
  });

  it("count once when two submissions use one code at the same moment", async () => {
    const { codes, stageId } = await batchOf(1);
    const submit = () =>
      db.$transaction(async (tx) => {
        const opened = await redeemCode(tx, codes[0], { purpose: "SHAPING", ip: freshIp() }, NOW);
        // What the form writes with it, so a losing submission's rows would show.
        await tx.auditEvent.count();
        return opened;
      });
    const results = await Promise.allSettled([submit(), submit(), submit()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(Invalid);
    const row = await db.oneTimeCode.findFirstOrThrow({ where: { stageId } });
    expect(row.usedAt).toEqual(NOW);
  });

  it("stop guesses from one address after the limit, with how long to wait; right codes do not count; other addresses go on", async () => {
    const { codes } = await batchOf(3);
    const ip = freshIp();
    // A shared computer in the health centre opens many right codes without filling the window.
    for (let i = 0; i < WRONG_CODES_PER_ADDRESS + 5; i++) await openCode(codes[0], { purpose: "SHAPING", ip }, NOW);
    for (let i = 0; i < WRONG_CODES_PER_ADDRESS; i++) {
      expect(
        await refusal(openCode(`ZZZZ-ZZZZ-${String(i).padStart(2, "2").replace(/[01]/g, "A")}`, { purpose: "SHAPING", ip }, NOW)),
      ).toBeInstanceOf(Invalid);
    }
    const stopped = await refusal(openCode(codes[0], { purpose: "SHAPING", ip }, NOW));
    expect(stopped).toBeInstanceOf(TooManyRequests);
    expect((stopped as TooManyRequests).status).toBe(429);
    expect((stopped as TooManyRequests).message).toMatch(/Too many tries.*Wait 15 minutes/);
    // Nothing is used by a refused try, and it counts for that address only.
    await expect(openCode(codes[0], { purpose: "SHAPING", ip: freshIp() }, NOW)).resolves.toBeTruthy();
    // The window passes.
    await expect(openCode(codes[0], { purpose: "SHAPING", ip }, new Date(NOW.getTime() + 16 * 60_000))).resolves.toBeTruthy();
  });

  it("throttle tries from an unknown address too (one shared window)", async () => {
    const { codes } = await batchOf(1);
    await db.signInThrottle.deleteMany();
    for (let i = 0; i < WRONG_CODES_PER_ADDRESS; i++) await refusal(openCode("ZZZZ-ZZZZ-ZZ", { purpose: "SHAPING", ip: null }, NOW));
    expect(await refusal(openCode(codes[0], { purpose: "SHAPING", ip: null }, NOW))).toBeInstanceOf(TooManyRequests);
    await db.signInThrottle.deleteMany();
  });

  it("revoke a batch's unused codes; a second revoke, an unknown batch or another stage's batch change nothing", async () => {
    const s = await batchOf(4);
    const other = await batchOf(2);
    await db.$transaction((tx) => redeemCode(tx, s.codes[0], { purpose: "SHAPING", ip: freshIp() }, NOW));
    const { revoked } = await db.$transaction((tx) => revokeBatch(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, batch: 1 }, NOW));
    expect(revoked).toBe(3);
    await expect(
      db.$transaction((tx) => revokeBatch(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, batch: 1 }, NOW)),
    ).rejects.toBeInstanceOf(Conflict);
    for (const batch of [2, 0, -1, 1.5, 1e12]) {
      await expect(
        db.$transaction((tx) => revokeBatch(tx, s.lead, { purpose: "SHAPING", stageId: s.stageId, batch }, NOW)),
      ).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db.oneTimeCode.count({ where: { stageId: other.stageId, revokedAt: { not: null } } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "one_time_codes.revoked", entityId: s.stageId } });
    expect(event.after).toMatchObject({ batch: 1, revoked: 3 });

    const [summary] = await batchSummaries(db, { purpose: "SHAPING", stageId: s.stageId }, NOW);
    expect(summary).toMatchObject({ batch: 1, made: 4, used: 1, revoked: 3, expired: 0, unused: 0 });
    const [otherSummary] = await batchSummaries(db, { purpose: "SHAPING", stageId: other.stageId }, LATER);
    expect(otherSummary).toMatchObject({ made: 2, used: 0, revoked: 0, expired: 2, unused: 0 });
  });

  it("belong to exactly one thing by purpose (the database refuses a feedback code on a stage)", async () => {
    const s = await shapingStage();
    await expect(
      db.oneTimeCode.create({
        data: { purpose: "FEEDBACK", stageId: s.stageId, codeHash: "x".repeat(64), batch: 1, expiresAt: LATER, createdById: s.lead.id },
      }),
    ).rejects.toThrow(/OneTimeCode_scope_check/);
    await expect(
      db.oneTimeCode.create({ data: { purpose: "SHAPING", codeHash: "y".repeat(64), batch: 1, expiresAt: LATER, createdById: s.lead.id } }),
    ).rejects.toThrow(/OneTimeCode_scope_check/);
  });
});
