import "server-only";
import { db } from "../db";

// Server-side session records. The session cookie (a next-auth JWT) carries the
// record's id as `sid`; a cookie is only as good as its row here, so signing
// out ends it on every app instance sharing the database, and a copied cookie
// stops working. Sessions run on real time, not the test clock in clock.ts.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createUserSession(userId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** True while the session exists, belongs to this user, is not revoked and has not expired. */
export async function userSessionIsLive(sid: unknown, userId: string, now = new Date()): Promise<boolean> {
  if (typeof sid !== "string" || !UUID.test(sid) || !UUID.test(userId)) return false;
  const live = await db.userSession.count({ where: { id: sid, userId, revokedAt: null, expiresAt: { gt: now } } });
  return live === 1;
}

/** Ends one session (signing out). Unknown or already ended sessions are ignored. */
export async function revokeUserSession(sid: unknown, now = new Date()): Promise<void> {
  if (typeof sid !== "string" || !UUID.test(sid)) return;
  await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now } });
}
