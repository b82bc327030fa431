import pg from "pg";
import { describe, expect, it } from "vitest";
import { createUserSession, revokeUserSession, userSessionIsLive } from "@/server/auth/user-sessions";
import { db } from "@/server/db";
import { createUser } from "../fixtures/factories";

// The session cookie carries a session id; these rows decide whether it still
// works. Every request asks PostgreSQL (src/server/auth/session.ts getActor),
// so a session ended on one app instance is ended on all of them.
const HOUR = 3600;

describe("server-side sessions", () => {
  it("a session works until it is signed out, and then never again", async () => {
    const user = await createUser("COMMISSIONER");
    const sid = await createUserSession(user.id, HOUR);
    expect(await userSessionIsLive(sid, user.id)).toBe(true);
    await revokeUserSession(sid);
    expect(await userSessionIsLive(sid, user.id)).toBe(false);
    // Signing out twice (two tabs) is harmless.
    await revokeUserSession(sid);
    expect(await userSessionIsLive(sid, user.id)).toBe(false);
  });

  it("signing out on one device leaves the user's other devices signed in", async () => {
    const user = await createUser("TECHNICIAN");
    const laptop = await createUserSession(user.id, HOUR);
    const phone = await createUserSession(user.id, HOUR);
    await revokeUserSession(laptop);
    expect(await userSessionIsLive(laptop, user.id)).toBe(false);
    expect(await userSessionIsLive(phone, user.id)).toBe(true);
  });

  it("a revocation written by another app instance (another connection) is seen at once", async () => {
    const user = await createUser("GOVERNOR");
    const sid = await createUserSession(user.id, HOUR);
    expect(await userSessionIsLive(sid, user.id)).toBe(true);
    const otherInstance = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await otherInstance.connect();
    try {
      await otherInstance.query(`UPDATE "UserSession" SET "revokedAt" = now() WHERE id = $1`, [sid]);
    } finally {
      await otherInstance.end();
    }
    expect(await userSessionIsLive(sid, user.id)).toBe(false);
  });

  it("disabling an account ends all its sessions, whoever disables it (a database trigger)", async () => {
    const user = await createUser("PROVIDER");
    const a = await createUserSession(user.id, HOUR);
    const b = await createUserSession(user.id, HOUR);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await userSessionIsLive(a, user.id)).toBe(false);
    expect(await userSessionIsLive(b, user.id)).toBe(false);
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    // Enabling the account again does not bring old sessions back.
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await userSessionIsLive(a, user.id)).toBe(false);
  });

  it("an expired session, another user's session, a missing or malformed id do not work", async () => {
    const user = await createUser("COMMISSIONER");
    const other = await createUser("COMMISSIONER");
    const t0 = new Date("2026-11-24T10:00:00Z");
    const expired = await createUserSession(user.id, HOUR, t0);
    expect(await userSessionIsLive(expired, user.id, new Date(t0.getTime() + HOUR * 1000 - 1))).toBe(true);
    expect(await userSessionIsLive(expired, user.id, new Date(t0.getTime() + HOUR * 1000))).toBe(false);
    const sid = await createUserSession(user.id, HOUR);
    expect(await userSessionIsLive(sid, other.id)).toBe(false);
    expect(await userSessionIsLive(undefined, user.id)).toBe(false);
    expect(await userSessionIsLive("' OR 1=1 --", user.id)).toBe(false);
    expect(await userSessionIsLive(42, user.id)).toBe(false);
  });
});
