import "server-only";
import { wallClock } from "../clock";
import { db } from "../db";
import { CONSENT_TEXT_VERSION } from "../technicians/consent-text";
import type { Actor } from "./actor";

// Server-side session records. The session cookie (a next-auth JWT) carries the
// record's id as `sid`; a cookie is only as good as its row here, so signing
// out ends it on every app instance sharing the database, and a copied cookie
// stops working. Sessions run on real time, not the test clock in clock.ts.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Last used" moves forward at most this often: a write every few minutes per session, not one per request. */
export const LAST_USED_EVERY_MINUTES = 5;

export async function createUserSession(
  userId: string,
  maxAgeSeconds: number,
  now = wallClock(),
  device: string | null = null,
): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, createdAt: now, lastUsedAt: now, device, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** The account behind a live session, and (for a young commissioner) whether they have agreed to the current welcome text. */
export interface SessionAccount {
  actor: Actor;
  /** A current consent (consent-gate.ts currentConsentWhere: this text version, not withdrawn). */
  consented: boolean;
}

interface SessionAccountRow {
  id: string;
  role: Actor["role"];
  name: string;
  email: string;
  organisationId: string | null;
  establishmentIds: string[];
  consented: boolean;
}

/**
 * The session's account, in ONE statement (every signed-in request makes it): null unless the session exists,
 * belongs to this user, is not revoked and has not expired, and the account is not disabled. It carries what
 * load-actor.ts loads for sign-in (governors' establishments) and what the consent gate asks on every page.
 */
export async function sessionAccount(sid: unknown, userId: unknown, now = wallClock()): Promise<SessionAccount | null> {
  if (typeof sid !== "string" || !UUID.test(sid) || typeof userId !== "string" || !UUID.test(userId)) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MINUTES * 60_000);
  // The same statement moves "last used" forward when it is more than a few minutes old (a data-modifying WITH
  // runs whether or not the SELECT reads it), so the sessions list is right to within minutes at no extra round trip.
  const rows = await db.$queryRaw<SessionAccountRow[]>`
    WITH touched AS (
      UPDATE "UserSession" SET "lastUsedAt" = ${now}
      WHERE id = ${sid}::uuid AND "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND "lastUsedAt" < ${staleBefore}
      RETURNING id
    )
    SELECT u.id::text AS id, u.role::text AS role, u.name, u.email, u."organisationId"::text AS "organisationId",
      CASE WHEN u.role = 'GOVERNOR'
        THEN ARRAY(SELECT g."establishmentId"::text FROM "GovernorEstablishment" g WHERE g."userId" = u.id ORDER BY g."establishmentId")
        ELSE ARRAY[]::text[] END AS "establishmentIds",
      EXISTS (SELECT 1 FROM "TechnicianConsent" c
              WHERE c."userId" = u.id AND c."textVersion" = ${CONSENT_TEXT_VERSION} AND c."withdrawnAt" IS NULL) AS consented
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sid}::uuid AND s."userId" = ${userId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
      AND u."disabledAt" IS NULL`;
  const row = rows[0];
  if (!row) return null;
  const { consented, ...actor } = row;
  return { actor, consented };
}

/** True while the session exists, belongs to this user, is not revoked and has not expired (and its account is enabled). */
export async function userSessionIsLive(sid: unknown, userId: string, now = wallClock()): Promise<boolean> {
  return (await sessionAccount(sid, userId, now)) !== null;
}

/** Ends one session (signing out). Unknown or already ended sessions are ignored. */
export async function revokeUserSession(sid: unknown, now = wallClock()): Promise<void> {
  if (typeof sid !== "string" || !UUID.test(sid)) return;
  await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now } });
}
