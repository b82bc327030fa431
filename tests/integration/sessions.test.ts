import pg from "pg";
import { describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/load-actor";
import { createUserSession, revokeUserSession, sessionAccount, userSessionIsLive } from "@/server/auth/user-sessions";
import { db } from "@/server/db";
import { createEstablishment, createUser } from "../fixtures/factories";

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

  it("one statement gives the session's account as sign-in loads it, with the young commissioner's consent", async () => {
    const [a, b] = [await createEstablishment(), await createEstablishment()];
    const governor = await createUser("GOVERNOR", { establishmentIds: [a.id, b.id] });
    const provider = await createUser("PROVIDER");
    const agreed = await createUser("TECHNICIAN");
    const notYet = await createUser("TECHNICIAN", { consented: false });
    for (const user of [governor, provider, agreed, notYet]) {
      const account = await sessionAccount(await createUserSession(user.id, HOUR), user.id);
      const expected = (await loadActor(user.id))!;
      expect(account?.actor).toEqual({ ...expected, establishmentIds: [...expected.establishmentIds].sort() });
    }
    expect((await sessionAccount(await createUserSession(governor.id, HOUR), governor.id))!.actor.establishmentIds).toHaveLength(2);
    expect((await sessionAccount(await createUserSession(agreed.id, HOUR), agreed.id))!.consented).toBe(true);
    expect((await sessionAccount(await createUserSession(notYet.id, HOUR), notYet.id))!.consented).toBe(false);
    // A withdrawn consent, or one to an older text, does not count.
    const withdrawn = await createUser("TECHNICIAN");
    await db.technicianConsent.updateMany({ where: { userId: withdrawn.id }, data: { withdrawnAt: new Date() } });
    const older = await createUser("TECHNICIAN", { consented: false });
    await db.technicianConsent.create({ data: { userId: older.id, textVersion: "2020-01-v0" } });
    for (const user of [withdrawn, older])
      expect((await sessionAccount(await createUserSession(user.id, HOUR), user.id))!.consented).toBe(false);
  });

  it("a disabled account has no session account even while its session row is still open", async () => {
    const user = await createUser("COMMISSIONER");
    const sid = await createUserSession(user.id, HOUR);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    // Reopen the row the disabling trigger closed: the account check stands on its own.
    await db.userSession.update({ where: { id: sid }, data: { revokedAt: null } });
    expect(await db.userSession.count({ where: { id: sid, revokedAt: null } })).toBe(1);
    expect(await sessionAccount(sid, user.id)).toBeNull();
  });
});
