import { describe, expect, it, vi } from "vitest";
import {
  acceptPasswordResetRequest,
  RESET_EMAILS_PER_ACCOUNT,
  RESET_REQUESTS_PER_ADDRESS,
  RESET_VALID_MINUTES,
  sendPasswordReset,
} from "@/server/account/request-password-reset";
import { checkResetLink, resetPassword } from "@/server/account/reset-password";
import { RESET_LINK_MARKER } from "@/server/account/emails";
import { authenticate } from "@/server/auth/sign-in";
import { createUserSession, userSessionIsLive } from "@/server/auth/user-sessions";
import { db } from "@/server/db";
import { Conflict, Invalid, NotFound, TooManyRequests } from "@/server/errors";
import { openSecrets } from "@/server/notifications/outbox-secret";
import { createUser, TEST_PASSWORD } from "../fixtures/factories";

const NEW_PASSWORD = "seven green kites over the river";
const minutes = (n: number) => n * 60_000;
let ipCounter = 0;
/** Each test asks from its own network address, so the per-address limit is only met where a test means to. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function ask(email: string, now = new Date(), ip: string | null = freshIp()) {
  const request = await acceptPasswordResetRequest({ email }, ip, now);
  await sendPasswordReset(request);
}

/** The link in the newest reset email to an address, as the sender would deliver it. */
async function linkSentTo(email: string): Promise<string> {
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { to: email, template: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  expect(message.text).toContain(RESET_LINK_MARKER);
  return openSecrets(message.secret!)[RESET_LINK_MARKER]!;
}
const tokenOf = (link: string) => link.split("/reset-password/")[1]!;

async function signsIn(email: string, password: string): Promise<boolean> {
  return authenticate({ email, password, ip: freshIp() }).then(
    () => true,
    () => false,
  );
}

describe("forgotten your password?", () => {
  it("emails a one-time link (only its hash stored) that sets a new password, ends every session and stops the old password", async () => {
    const user = await createUser("TECHNICIAN", { email: "mo@reset.example" });
    const phone = await createUserSession(user.id, 3600);
    const laptop = await createUserSession(user.id, 3600);
    await ask("  Mo@Reset.Example ");
    const link = await linkSentTo("mo@reset.example");
    const token = tokenOf(link);
    // 256 bits, base64url; the database never holds the token itself.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await db.outboxMessage.findMany())).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(minutes(RESET_VALID_MINUTES));

    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await signsIn("mo@reset.example", TEST_PASSWORD)).toBe(false);
    expect(await signsIn("mo@reset.example", NEW_PASSWORD)).toBe(true);
    expect(await userSessionIsLive(phone, user.id)).toBe(false);
    expect(await userSessionIsLive(laptop, user.id)).toBe(false);
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { to: "mo@reset.example", template: "password-changed" } });
    expect(notice.text).toMatch(/was reset with a link/);
    expect(notice.text).toMatch(/If this was not you, tell .+ straight away/);
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["password_reset.requested", "password_reset.completed"]));
  });

  it("says what the reset email is for and whom to tell if it was not them", async () => {
    await createUser("GOVERNOR", { email: "gill@reset.example" });
    await ask("gill@reset.example");
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: "gill@reset.example", template: "password-reset" } });
    expect(message.text).toMatch(/asked to reset the password/);
    expect(message.text).toMatch(/works once, for 30 minutes/);
    expect(message.text).toMatch(/If this was not you, tell/);
  });

  it("answers the same and writes the same throttle rows whether or not the address has an account, and sends nothing to a missing or disabled one", async () => {
    await createUser("COMMISSIONER", { email: "real@reset.example" });
    await createUser("PROVIDER", { email: "off@reset.example", disabled: true });
    const before = await db.outboxMessage.count();
    const throttleRows = async (email: string) =>
      (
        await db.$queryRaw<
          { hits: number }[]
        >`SELECT hits FROM "SignInThrottle" WHERE key = encode(sha256(convert_to(${`reset-account:${email}`}, 'UTF8')), 'hex')`
      ).map((r) => r.hits);
    const answers = [];
    for (const email of ["real@reset.example", "nobody@reset.example", "off@reset.example"]) {
      const request = await acceptPasswordResetRequest({ email }, freshIp());
      answers.push({ mayEmail: request.mayEmail });
      expect(await throttleRows(email)).toEqual([1]);
      await sendPasswordReset(request);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]).toEqual(answers[2]);
    expect(await db.outboxMessage.count()).toBe(before + 1);
    expect(await db.passwordReset.count({ where: { user: { email: { in: ["off@reset.example"] } } } })).toBe(0);
  });

  it("refuses a malformed or 12 MB address with a clear message, and writes nothing", async () => {
    const before = await db.signInThrottle.count();
    for (const email of ["", "not an address", "x".repeat(12 * 1024 * 1024)]) {
      const error = await acceptPasswordResetRequest({ email }, freshIp()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors.email).toMatch(/Enter your email address|correct format|254 characters/);
    }
    expect(await db.signInThrottle.count()).toBe(before);
  });

  it("sends at most 3 emails an hour to one address (the same answer after that), and makes a busy network wait", async () => {
    await createUser("TECHNICIAN", { email: "many@reset.example" });
    const t0 = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < RESET_EMAILS_PER_ACCOUNT + 2; i++) await ask("many@reset.example", t0);
    expect(await db.outboxMessage.count({ where: { to: "many@reset.example", template: "password-reset" } })).toBe(
      RESET_EMAILS_PER_ACCOUNT,
    );
    await ask("many@reset.example", new Date(t0.getTime() + minutes(61)));
    expect(await db.outboxMessage.count({ where: { to: "many@reset.example", template: "password-reset" } })).toBe(
      RESET_EMAILS_PER_ACCOUNT + 1,
    );

    const ip = freshIp();
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++) await acceptPasswordResetRequest({ email: `x${i}@reset.example` }, ip, t0);
    const refused = await acceptPasswordResetRequest({ email: "y@reset.example" }, ip, t0).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequests);
    expect((refused as TooManyRequests).message).toMatch(/Wait 15 minutes/);
    // Counted in one statement: 20 requests at once from one address let exactly the limit through.
    const burstIp = freshIp();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => acceptPasswordResetRequest({ email: `b${i}@reset.example` }, burstIp, t0)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RESET_REQUESTS_PER_ADDRESS);
  });

  it("a link works once, for 30 minutes; a newer link replaces it; weak or mismatched passwords change nothing", async () => {
    const user = await createUser("COMMISSIONER", { email: "lena@reset.example" });
    const t0 = new Date();
    await ask("lena@reset.example", t0);
    const first = tokenOf(await linkSentTo("lena@reset.example"));
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    const weak = await resetPassword({ token: first, password: "short", confirmPassword: "short" }, t0).catch((e: unknown) => e);
    expect((weak as Invalid).fieldErrors).toEqual({ password: "Password must be at least 12 characters" });
    const named = await resetPassword({ token: first, password: "lena lena lena lena", confirmPassword: "lena lena lena lena" }, t0).catch(
      (e: unknown) => e,
    );
    expect((named as Invalid).fieldErrors).toEqual({ password: "Password must not contain your email address" });
    const mismatch = await resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: "something else" }, t0).catch(
      (e: unknown) => e,
    );
    expect((mismatch as Invalid).fieldErrors).toEqual({ confirmPassword: "The passwords do not match" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    expect((await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();

    // 30 minutes later it has expired.
    const late = new Date(t0.getTime() + minutes(RESET_VALID_MINUTES));
    expect(await checkResetLink(first, late)).toEqual({ kind: "expired" });
    await expect(resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, late)).rejects.toBeInstanceOf(
      Conflict,
    );

    // A newer link replaces it.
    await ask("lena@reset.example", t0);
    const second = tokenOf(await linkSentTo("lena@reset.example"));
    expect(await checkResetLink(first, t0)).toEqual({ kind: "unknown" });
    await expect(resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, t0)).rejects.toBeInstanceOf(
      NotFound,
    );

    // Used once, then never again.
    await resetPassword({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, t0);
    expect(await checkResetLink(second, t0)).toEqual({ kind: "used" });
    const again = await resetPassword(
      { token: second, password: "another long password", confirmPassword: "another long password" },
      t0,
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Conflict);
    expect(await signsIn("lena@reset.example", NEW_PASSWORD)).toBe(true);
  });

  it("two tabs submitting the same link at once: one wins, the other is told it was used", async () => {
    await createUser("TECHNICIAN", { email: "twin@reset.example" });
    await ask("twin@reset.example");
    const token = tokenOf(await linkSentTo("twin@reset.example"));
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first tab password here", confirmPassword: "first tab password here" }),
      resetPassword({ token, password: "second tab password here", confirmPassword: "second tab password here" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await db.auditEvent.count({
        where: {
          action: "password_reset.completed",
          entityId: (await db.user.findUniqueOrThrow({ where: { email: "twin@reset.example" } })).id,
        },
      }),
    ).toBe(1);
  });

  it("a link of an account disabled after it was sent stops working", async () => {
    const user = await createUser("PROVIDER", { email: "later@reset.example" });
    await ask("later@reset.example");
    const token = tokenOf(await linkSentTo("later@reset.example"));
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await checkResetLink(token)).toEqual({ kind: "unknown" });
    await expect(resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("the form's answer", () => {
  it("is the same redirect for an account, no account and a disabled account", async () => {
    vi.doMock("@/server/auth/session", () => ({ requestIp: async () => "203.0.113.77" }));
    const { requestPasswordResetAction } = await import("@/app/(public)/reset-password/actions");
    await createUser("COMMISSIONER", { email: "same@reset.example" });
    await createUser("COMMISSIONER", { email: "same-off@reset.example", disabled: true });
    const answer = async (email: string) => {
      const form = new FormData();
      form.set("email", email);
      return requestPasswordResetAction({ status: "idle" }, form).then(
        (state) => ({ state }),
        (error: { digest?: string }) => ({ digest: error.digest }),
      );
    };
    const answers = [await answer("same@reset.example"), await answer("none@reset.example"), await answer("same-off@reset.example")];
    expect(answers[0]).toEqual({ digest: expect.stringContaining("/reset-password?sent=1") });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await db.outboxMessage.count({ where: { to: { startsWith: "same" }, template: "password-reset" } })).toBe(1);
    vi.doUnmock("@/server/auth/session");
  });
});
