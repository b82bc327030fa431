import { describe, expect, it } from "vitest";
import { authenticate, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, RATE_LIMIT_WINDOW_MINUTES } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { Invalid, TooManyRequests } from "@/server/errors";
import { createEstablishment, createUser, TEST_PASSWORD } from "../fixtures/factories";

const minutes = (n: number) => n * 60_000;

describe("signing in", () => {
  it("accepts the right password, whatever the case and spaces of the email, and returns the Actor", async () => {
    const establishment = await createEstablishment();
    const user = await createUser("GOVERNOR", { email: "ruth@test.example", establishmentIds: [establishment.id] });
    const actor = await authenticate({ email: "  Ruth@Test.Example ", password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(actor).toMatchObject({ id: user.id, role: "GOVERNOR", establishmentIds: [establishment.id] });
    expect(await db.auditEvent.count({ where: { action: "user.signed_in", entityId: user.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    await createUser("COMMISSIONER", { email: "priya@test.example" });
    const wrong = await authenticate({ email: "priya@test.example", password: "not the password", ip: null }).catch((e: unknown) => e);
    const unknown = await authenticate({ email: "nobody@test.example", password: "not the password", ip: null }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(Invalid);
    expect(unknown).toBeInstanceOf(Invalid);
    expect((wrong as Invalid).fieldErrors).toEqual((unknown as Invalid).fieldErrors);
  });

  it("asks for both fields when they are empty", async () => {
    const error = await authenticate({ email: "  ", password: "", ip: null }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ email: "Enter your email address", password: "Enter your password" });
  });

  it("refuses a disabled account even with the right password", async () => {
    await createUser("PROVIDER", { email: "gone@test.example", disabled: true });
    await expect(authenticate({ email: "gone@test.example", password: TEST_PASSWORD, ip: null })).rejects.toBeInstanceOf(Invalid);
  });

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, refuses even the right password, and unlocks after ${RATE_LIMIT_WINDOW_MINUTES} minutes`, async () => {
    await createUser("TECHNICIAN", { email: "jay@test.example" });
    const t0 = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(
        authenticate({ email: "jay@test.example", password: "guess " + i, ip: `192.0.2.${i}`, now: new Date(t0.getTime() + i * 1000) }),
      ).rejects.toBeInstanceOf(Invalid);
    }
    const during = new Date(t0.getTime() + minutes(5));
    await expect(authenticate({ email: "jay@test.example", password: TEST_PASSWORD, ip: "198.51.100.1", now: during })).rejects.toBeInstanceOf(
      TooManyRequests,
    );
    const after = new Date(t0.getTime() + minutes(RATE_LIMIT_WINDOW_MINUTES) + 10_000);
    await expect(authenticate({ email: "jay@test.example", password: TEST_PASSWORD, ip: "198.51.100.1", now: after })).resolves.toMatchObject({
      email: "jay@test.example",
    });
  });

  it(`limits one IP address to ${MAX_FAILURES_PER_IP} failures across many accounts`, async () => {
    const victim = await createUser("ADMIN", { email: "victim@test.example" });
    const t0 = new Date("2026-11-24T12:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate({ email: `spray${i}@test.example`, password: "x", ip: "203.0.113.9", now: t0 }).catch(() => {});
    }
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.9", now: t0 })).rejects.toBeInstanceOf(TooManyRequests);
    // The same account from another address is fine: the IP limit is per IP.
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.10", now: t0 })).resolves.toMatchObject({ id: victim.id });
  });

  it("a successful sign-in resets the account's failure count", async () => {
    await createUser("PROVIDER", { email: "mia@test.example" });
    const t0 = new Date("2026-11-24T14:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      await authenticate({ email: "mia@test.example", password: "wrong", ip: null, now: t0 }).catch(() => {});
    }
    const t1 = new Date(t0.getTime() + 1000);
    await authenticate({ email: "mia@test.example", password: TEST_PASSWORD, ip: null, now: t1 });
    const t2 = new Date(t1.getTime() + 1000);
    await authenticate({ email: "mia@test.example", password: "wrong", ip: null, now: t2 }).catch(() => {});
    await expect(authenticate({ email: "mia@test.example", password: TEST_PASSWORD, ip: null, now: t2 })).resolves.toBeTruthy();
  });
});
