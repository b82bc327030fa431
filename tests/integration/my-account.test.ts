import { describe, expect, it, vi } from "vitest";
import { changeName } from "@/server/account/change-name";
import { changePassword } from "@/server/account/change-password";
import { endMyOtherSessions, endMySession, listMySessions } from "@/server/account/sessions";
import type { Actor } from "@/server/auth/actor";
import { authenticate } from "@/server/auth/sign-in";
import { FREE_FAILURES_PER_ACCOUNT_AND_IP } from "@/server/auth/throttle";
import { createUserSession, LAST_USED_EVERY_MINUTES, sessionAccount, userSessionIsLive } from "@/server/auth/user-sessions";
import { db } from "@/server/db";
import { Conflict, Invalid, NotFound, TooManyRequests } from "@/server/errors";
import { createActor, TEST_PASSWORD } from "../fixtures/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null, sid: null as string | null }));
vi.mock("@/server/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    requireActor: async () => session.actor ?? redirect("/login"),
    currentSessionId: async () => session.sid,
    requestIp: async () => "203.0.113.50",
  };
});

const NEW_PASSWORD = "lanterns over a quiet harbour";
const HOUR = 3600;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const signsIn = (email: string, password: string) =>
  authenticate({ email, password, ip: freshIp() }).then(
    () => true,
    () => false,
  );
const change = (actor: Actor, sid: string | null, input: Partial<Record<"currentPassword" | "password" | "confirmPassword", string>>) =>
  changePassword(
    actor,
    sid,
    { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...input },
    "192.0.2.10",
  );

/** What a refused change must leave as it was. */
async function snapshot(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, passwordHash: true } });
  return {
    user,
    audit: await db.auditEvent.count({ where: { entityId: userId } }),
    outbox: await db.outboxMessage.count(),
    liveSessions: await db.userSession.count({ where: { userId, revokedAt: null } }),
  };
}

describe("changing your password", () => {
  it("needs the current password; then the old one stops working, other devices are signed out (not this one) and an email says so", async () => {
    const actor = await createActor("TECHNICIAN");
    const here = await createUserSession(actor.id, HOUR);
    const phone = await createUserSession(actor.id, HOUR);
    const before = await snapshot(actor.id);

    const wrong = await change(actor, here, { currentPassword: "not my password" }).catch((e: unknown) => e);
    expect((wrong as Invalid).fieldErrors).toEqual({ currentPassword: "Your current password is wrong" });
    const weak = await change(actor, here, { password: "short", confirmPassword: "short" }).catch((e: unknown) => e);
    expect((weak as Invalid).fieldErrors).toEqual({ password: "Password must be at least 12 characters" });
    const same = await change(actor, here, { password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }).catch((e: unknown) => e);
    expect((same as Invalid).fieldErrors.password).toMatch(/different from your current one/);
    const mismatch = await change(actor, here, { confirmPassword: "something else entirely" }).catch((e: unknown) => e);
    expect((mismatch as Invalid).fieldErrors).toEqual({ confirmPassword: "The passwords do not match" });
    expect(await snapshot(actor.id)).toEqual(before);

    expect(await change(actor, here, {})).toEqual({ sessionsEnded: 1 });
    expect(await signsIn(actor.email, TEST_PASSWORD)).toBe(false);
    expect(await signsIn(actor.email, NEW_PASSWORD)).toBe(true);
    expect(await userSessionIsLive(here, actor.id)).toBe(true);
    expect(await userSessionIsLive(phone, actor.id)).toBe(false);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: actor.email, template: "password-changed" } });
    expect(email.text).toMatch(/If this was not you, tell/);
    expect(await db.auditEvent.count({ where: { entityId: actor.id, action: "user.password_changed" } })).toBe(1);
  });

  it("counts wrong current passwords with wrong passwords at sign-in, so a borrowed session cannot guess it", async () => {
    const actor = await createActor("GOVERNOR");
    const before = await snapshot(actor.id);
    for (let i = 0; i <= FREE_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(change(actor, null, { currentPassword: `guess ${i}` })).rejects.toBeInstanceOf(Invalid);
    }
    // Now even the right current password waits.
    await expect(change(actor, null, {})).rejects.toBeInstanceOf(TooManyRequests);
    expect(await snapshot(actor.id)).toEqual(before);
  });
});

describe("changing your name", () => {
  it("takes any language and emoji, bounded; a 12 MB name or control characters get a clear message and nothing is written", async () => {
    const actor = await createActor("TECHNICIAN", { name: "Jay" });
    const before = await snapshot(actor.id);
    for (const [name, message] of [
      ["   ", "Enter your name"],
      ["x".repeat(12 * 1024 * 1024), "Your name must be 120 characters or fewer"],
      ["Jay\u0000", "Your name must not contain control characters"],
    ] as const) {
      const error = await changeName(actor, { name }).catch((e: unknown) => e);
      expect((error as Invalid).fieldErrors).toEqual({ name: message });
    }
    expect(await snapshot(actor.id)).toEqual(before);
    expect(await changeName(actor, { name: "  Zoë 李 🌟 " })).toEqual({ name: "Zoë 李 🌟" });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).name).toBe("Zoë 李 🌟");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: actor.id, action: "user.name_changed" } });
    expect(event.before).toEqual({ name: "Jay" });
  });

  it("through the form: a 12 MB name is the field's message, nothing written", async () => {
    const { changeNameAction } = await import("@/app/(portal)/account/actions");
    session.actor = await createActor("COMMISSIONER", { name: "Priya" });
    const form = new FormData();
    form.set("name", "é".repeat(12 * 1024 * 1024));
    const before = await snapshot(session.actor.id);
    const state = await changeNameAction({ status: "idle" }, form);
    expect(state).toMatchObject({ status: "error", fieldErrors: { name: "Your name must be 120 characters or fewer" }, httpStatus: 422 });
    expect(state.values!.name!.length).toBeLessThanOrEqual(500);
    expect(await snapshot(session.actor.id)).toEqual(before);
  });
});

describe("where you are signed in", () => {
  it("lists this device first with its label, ends another one or all others, and never someone else's", async () => {
    const actor = await createActor("PROVIDER");
    const stranger = await createActor("PROVIDER");
    const t0 = new Date(Date.now() - 60 * 60_000);
    const laptop = await createUserSession(actor.id, HOUR * 8, t0, "Firefox on Windows");
    const here = await createUserSession(actor.id, HOUR * 8, new Date(), "Chrome on Android phone");
    const tablet = await createUserSession(actor.id, HOUR * 8, new Date(t0.getTime() + 60_000), "Safari on iOS tablet");
    const theirs = await createUserSession(stranger.id, HOUR);

    const listed = await listMySessions(actor, here);
    expect(listed.map((s) => [s.device, s.current])).toEqual([
      ["Chrome on Android phone", true],
      ["Safari on iOS tablet", false],
      ["Firefox on Windows", false],
    ]);

    await expect(endMySession(actor, here, theirs)).rejects.toBeInstanceOf(NotFound);
    expect(await userSessionIsLive(theirs, stranger.id)).toBe(true);
    await expect(endMySession(actor, here, here)).rejects.toBeInstanceOf(Conflict);
    await expect(endMySession(actor, here, "not-an-id")).rejects.toBeInstanceOf(NotFound);

    await endMySession(actor, here, laptop);
    expect(await userSessionIsLive(laptop, actor.id)).toBe(false);
    await expect(endMySession(actor, here, laptop)).rejects.toBeInstanceOf(NotFound);
    expect(await endMyOtherSessions(actor, here)).toEqual({ ended: 1 });
    expect(await userSessionIsLive(tablet, actor.id)).toBe(false);
    expect(await userSessionIsLive(here, actor.id)).toBe(true);
    await expect(endMyOtherSessions(actor, here)).rejects.toBeInstanceOf(Conflict);
    const actions = (await db.auditEvent.findMany({ where: { entityId: actor.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["user.other_sessions_ended", "user.session_ended"]);
  });

  it("moves 'last used' forward at most every few minutes, in the statement that reads the session", async () => {
    const actor = await createActor("COMMISSIONER");
    const t0 = new Date("2026-12-01T09:00:00Z");
    const sid = await createUserSession(actor.id, 365 * 24 * HOUR, t0);
    const lastUsed = async () => (await db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastUsedAt.getTime();
    await sessionAccount(sid, actor.id, new Date(t0.getTime() + 60_000));
    expect(await lastUsed()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + LAST_USED_EVERY_MINUTES * 60_000 + 1000);
    await sessionAccount(sid, actor.id, later);
    expect(await lastUsed()).toBe(later.getTime());
    await sessionAccount(sid, actor.id, new Date(later.getTime() + 60_000));
    expect(await lastUsed()).toBe(later.getTime());
  });
});
