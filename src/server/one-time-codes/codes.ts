import "server-only";
import { createHash, randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH, codeFromIndexes, formatCode, MAX_CODES_PER_BATCH, normaliseCode } from "@/domain/one-time-code";
import type { OneTimeCodePurpose } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { wait } from "../auth/sign-in";
import { consumeWindowAttempt, refundWindowAttempt, throttleKey } from "../auth/throttle";
import { audit } from "../audit";
import type { Db, Tx } from "../db";
import { db } from "../db";
import { Conflict, Invalid, NotFound, TooManyRequests } from "../errors";
import { isId } from "../ids";

// One-time codes, shared by every anonymous form (issue 24: shaping a service; issue 25: feedback on a contract).
// A code is printed on a card, opens one form once, and expires. Only its SHA-256 hash is stored (as invitation
// tokens are), so a copy of the database opens nothing. Wrong guesses are counted per network address in the
// sign-in throttle table. This module knows no roles: the caller's use case authorizes (e.g. `shaping.facilitate`)
// and then calls issueCodes / revokeBatch inside its transaction, which write their own audit events.

/** What a code belongs to: a shaping stage's questions, or a contract's feedback form. */
export type CodeScope = { purpose: "SHAPING"; stageId: string } | { purpose: "FEEDBACK"; contractId: string };

/** Wrong codes one network address may type per window before it is told to wait (a wing's shared computer included). */
export const WRONG_CODES_PER_ADDRESS = 20;
export const WRONG_CODES_WINDOW_MINUTES = 15;

/** The one answer for a wrong, used, expired, revoked or other-form code: it never says which. */
export const CODE_NOT_WORKING =
  "That code is not working. Check you typed it as it is on your card. If it still does not work, ask the person who gave you the card for a new one.";

/** What a working code opens. */
export interface OpenedCode {
  codeId: string;
  purpose: OneTimeCodePurpose;
  stageId: string | null;
  contractId: string | null;
  expiresAt: Date;
}

/** A new code (10 characters drawn with crypto.randomInt) and the hash that is stored. */
export function newCode(): { code: string; codeHash: string } {
  const code = codeFromIndexes(Array.from({ length: CODE_LENGTH }, () => randomInt(CODE_ALPHABET.length)));
  return { code, codeHash: hashCode(code) };
}

/** The stored hash of a code as printed or typed (normalised first), or null when it cannot be a code. */
export function hashCode(typed: string): string {
  const code = normaliseCode(typed);
  if (!code) throw new RangeError("Not a one-time code");
  return createHash("sha256").update(code).digest("hex");
}

const scopeWhere = (scope: CodeScope) =>
  scope.purpose === "SHAPING"
    ? { purpose: scope.purpose, stageId: scope.stageId }
    : { purpose: scope.purpose, contractId: scope.contractId };

/** Locks what the codes belong to (so batch numbers are handed out one at a time) and finds its tender for the audit. */
async function lockScope(tx: Tx, scope: CodeScope): Promise<{ scopeId: string; tenderId: string; establishmentId: string | null }> {
  if (scope.purpose === "SHAPING") {
    if (!isId(scope.stageId)) throw new NotFound();
    const rows = await tx.$queryRaw<{ tenderId: string }[]>`
      SELECT "tenderId"::text AS "tenderId" FROM "ShapingStage" WHERE "id" = ${scope.stageId}::uuid FOR UPDATE`;
    if (!rows[0]) throw new NotFound();
    return { scopeId: scope.stageId, tenderId: rows[0].tenderId, establishmentId: null };
  }
  if (!isId(scope.contractId)) throw new NotFound();
  const rows = await tx.$queryRaw<{ tenderId: string; establishmentId: string }[]>`
    SELECT "tenderId"::text AS "tenderId", "establishmentId"::text AS "establishmentId" FROM "Contract"
    WHERE "id" = ${scope.contractId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new NotFound();
  return { scopeId: scope.contractId, tenderId: rows[0].tenderId, establishmentId: rows[0].establishmentId };
}

/**
 * Makes a batch of `count` codes (1–200) for a stage's or a contract's form, valid until `expiresAt`, and returns
 * them in clear: the only time they exist outside a card. Call it inside the use case's transaction, after
 * authorizing; it writes the audit event ("one_time_codes.issued", counts only).
 */
export async function issueCodes(
  tx: Tx,
  actor: Actor,
  input: CodeScope & { count: number; expiresAt: Date },
  now: Date,
): Promise<{ batch: number; expiresAt: Date; codes: string[] }> {
  const { count, expiresAt } = input;
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) {
    throw new Invalid({ count: `Enter a whole number of codes from 1 to ${MAX_CODES_PER_BATCH}` });
  }
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime()) || expiresAt <= now) {
    throw new Invalid({ expiresOn: "The codes must work until a day that has not ended yet" });
  }
  const scope: CodeScope =
    input.purpose === "SHAPING" ? { purpose: "SHAPING", stageId: input.stageId } : { purpose: "FEEDBACK", contractId: input.contractId };
  const { scopeId, tenderId, establishmentId } = await lockScope(tx, scope);
  const last = await tx.oneTimeCode.aggregate({ where: scopeWhere(scope), _max: { batch: true } });
  const batch = (last._max.batch ?? 0) + 1;

  // 2^50 codes: a clash with a live code is vanishingly rare, but one would break the unique hash, so draw again.
  const made = new Map<string, string>();
  while (made.size < count) {
    const fresh = Array.from({ length: count - made.size }, newCode).filter((c) => !made.has(c.codeHash));
    const taken = new Set(
      (await tx.oneTimeCode.findMany({ where: { codeHash: { in: fresh.map((c) => c.codeHash) } }, select: { codeHash: true } })).map(
        (r) => r.codeHash,
      ),
    );
    for (const c of fresh) if (!taken.has(c.codeHash) && made.size < count) made.set(c.codeHash, c.code);
  }
  await tx.oneTimeCode.createMany({
    data: [...made.keys()].map((codeHash) => ({
      ...scopeWhere(scope),
      codeHash,
      batch,
      expiresAt,
      createdById: actor.id,
      createdAt: now,
    })),
  });
  await audit(tx, actor, {
    action: "one_time_codes.issued",
    entityType: scope.purpose === "SHAPING" ? "ShapingStage" : "Contract",
    entityId: scopeId,
    tenderId,
    establishmentId,
    after: { purpose: scope.purpose, batch, count, expiresAt },
  });
  return { batch, expiresAt, codes: [...made.values()].map(formatCode) };
}

/**
 * Revokes a batch's codes that have not been used (lost cards, a session cancelled). Used codes keep their answers.
 * Inside the caller's transaction, after authorizing; writes "one_time_codes.revoked".
 */
export async function revokeBatch(tx: Tx, actor: Actor, input: CodeScope & { batch: number }, now: Date): Promise<{ revoked: number }> {
  if (!Number.isInteger(input.batch) || input.batch < 1 || input.batch > 1_000_000)
    throw new NotFound("We could not find that batch of codes.");
  const scope: CodeScope =
    input.purpose === "SHAPING" ? { purpose: "SHAPING", stageId: input.stageId } : { purpose: "FEEDBACK", contractId: input.contractId };
  const { scopeId, tenderId, establishmentId } = await lockScope(tx, scope);
  const where = { ...scopeWhere(scope), batch: input.batch };
  const exists = await tx.oneTimeCode.count({ where });
  if (exists === 0) throw new NotFound("We could not find that batch of codes.");
  const { count } = await tx.oneTimeCode.updateMany({ where: { ...where, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new Conflict("Every code in this batch has been used or revoked already. There is nothing left to revoke.");
  await audit(tx, actor, {
    action: "one_time_codes.revoked",
    entityType: scope.purpose === "SHAPING" ? "ShapingStage" : "Contract",
    entityId: scopeId,
    tenderId,
    establishmentId,
    after: { purpose: scope.purpose, batch: input.batch, revoked: count },
  });
  return { revoked: count };
}

function tooManyTries(retryAfterSeconds: number): TooManyRequests {
  return new TooManyRequests(
    `Too many tries with codes that did not work. Wait ${wait(retryAfterSeconds)} and try again. If your code still does not work then, ask the person who gave you the card.`,
  );
}

/**
 * Checks a typed code for a form, counting the try against the network address: wrong codes fill the window
 * (WRONG_CODES_PER_ADDRESS per WRONG_CODES_WINDOW_MINUTES, then TooManyRequests, HTTP 429), a working one is given
 * back, so a shared computer in a health centre can open many cards. Wrong, used, expired, revoked and
 * other-purpose codes are one Invalid({ code: CODE_NOT_WORKING }). Reads only; redeemCode uses it up.
 */
export async function openCode(
  typed: unknown,
  options: { purpose: OneTimeCodePurpose; ip: string | null },
  now: Date,
): Promise<OpenedCode> {
  // Without a known address (the portal not started through scripts/serve.ts) every try shares one window: still throttled.
  const key = throttleKey("code-ip", options.ip ?? "unknown");
  const attempt = await consumeWindowAttempt(key, now, WRONG_CODES_PER_ADDRESS, WRONG_CODES_WINDOW_MINUTES);
  if (!attempt.allowed) throw tooManyTries(attempt.retryAfterSeconds);
  const code = normaliseCode(typed);
  const row = code
    ? await db.oneTimeCode.findUnique({
        where: { codeHash: hashCode(code) },
        select: { id: true, purpose: true, stageId: true, contractId: true, expiresAt: true, usedAt: true, revokedAt: true },
      })
    : null;
  if (!row || row.purpose !== options.purpose || row.usedAt || row.revokedAt || row.expiresAt <= now) {
    throw new Invalid({ code: CODE_NOT_WORKING }, CODE_NOT_WORKING);
  }
  await refundWindowAttempt(key);
  return { codeId: row.id, purpose: row.purpose, stageId: row.stageId, contractId: row.contractId, expiresAt: row.expiresAt };
}

/**
 * Uses a code up, inside the transaction that saves its form: openCode's checks, then ONE conditional update
 * (unused, not revoked, not expired), so two submissions with one code count once: the second finds nothing to
 * update and gets the same "not working" answer, and its transaction writes nothing.
 */
export async function redeemCode(
  tx: Tx,
  typed: unknown,
  options: { purpose: OneTimeCodePurpose; ip: string | null },
  now: Date,
): Promise<OpenedCode> {
  const opened = await openCode(typed, options, now);
  const { count } = await tx.oneTimeCode.updateMany({
    where: { id: opened.codeId, purpose: options.purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw new Invalid({ code: CODE_NOT_WORKING }, CODE_NOT_WORKING);
  return opened;
}

/** A batch as the facilitator sees it after the codes were shown: counts only, never a code. */
export interface BatchSummary {
  batch: number;
  made: number;
  used: number;
  expired: number;
  revoked: number;
  /** Still usable: not used, not revoked, not expired. */
  unused: number;
  createdAt: Date;
  expiresAt: Date;
  createdByName: string;
}

/** The batches of a stage's or contract's codes, newest first. The caller has authorized reading them. */
export async function batchSummaries(client: Tx | Db, scope: CodeScope, now: Date): Promise<BatchSummary[]> {
  const rows = await client.oneTimeCode.findMany({
    where: scopeWhere(scope),
    select: { batch: true, usedAt: true, revokedAt: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
    orderBy: [{ batch: "desc" }],
  });
  const batches = new Map<number, BatchSummary>();
  for (const r of rows) {
    let b = batches.get(r.batch);
    if (!b) {
      b = {
        batch: r.batch,
        made: 0,
        used: 0,
        expired: 0,
        revoked: 0,
        unused: 0,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        createdByName: r.createdBy.name,
      };
      batches.set(r.batch, b);
    }
    b.made++;
    if (r.usedAt) b.used++;
    else if (r.revokedAt) b.revoked++;
    else if (r.expiresAt <= now) b.expired++;
    else b.unused++;
    if (r.expiresAt > b.expiresAt) b.expiresAt = r.expiresAt;
  }
  return [...batches.values()];
}
