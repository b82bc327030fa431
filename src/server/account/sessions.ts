import "server-only";
import { wallClock } from "../clock";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { Conflict, NotFound } from "../errors";
import { isId } from "../ids";

// "Where you are signed in" on My account. Sessions run on real time (like user-sessions.ts), not the test clock.

export interface SignedInSession {
  id: string;
  device: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  current: boolean;
}

/** The actor's live sessions, this device first, then the most recently used. */
export async function listMySessions(actor: Actor, currentSessionId: string | null, now = wallClock()): Promise<SignedInSession[]> {
  const sessions = await db.userSession.findMany({
    where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, device: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ lastUsedAt: "desc" }, { id: "asc" }],
    take: 50,
  });
  return sessions.map((s) => ({ ...s, current: s.id === currentSessionId })).sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs out one of the actor's other devices. Only their own sessions; "this device" signs out with Sign out. */
export async function endMySession(actor: Actor, currentSessionId: string | null, sessionId: string): Promise<void> {
  if (!isId(sessionId)) throw new NotFound("That session has already ended.");
  if (sessionId === currentSessionId)
    throw new Conflict("This is the device you are using now. To sign out here, use Sign out at the top.");
  await db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { id: sessionId, userId: actor.id, revokedAt: null },
      data: { revokedAt: wallClock() },
    });
    if (ended.count !== 1) throw new NotFound("That session has already ended.");
    await audit(tx, actor, { action: "user.session_ended", entityType: "User", entityId: actor.id, after: { sessionId } });
  });
}

/** Signs out every device but this one. */
export async function endMyOtherSessions(actor: Actor, currentSessionId: string | null): Promise<{ ended: number }> {
  return db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { userId: actor.id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: wallClock() },
    });
    if (ended.count === 0) throw new Conflict("You are not signed in anywhere else.");
    await audit(tx, actor, { action: "user.other_sessions_ended", entityType: "User", entityId: actor.id, after: { ended: ended.count } });
    return { ended: ended.count };
  });
}
