import { describe, expect, it } from "vitest";
import { clientIpFrom, PEER_ADDRESS_HEADER } from "@/server/auth/client-ip";
import {
  authenticate,
  authenticateDevice,
  EMAIL_MAX_LENGTH,
  FREE_FAILURES_PER_ACCOUNT_AND_IP,
  IP_WINDOW_MINUTES,
  MAX_FAILURES_PER_IP,
} from "@/server/auth/sign-in";
import { delayAfterFailures } from "@/server/auth/throttle";
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

  it("lets a few wrong passwords through, then makes the same account and address wait longer and longer", async () => {
    await createUser("TECHNICIAN", { email: "jay@test.example" });
    const t0 = new Date("2026-11-24T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: t0 })).rejects.toBeInstanceOf(
        Invalid,
      );
    }
    // The next wrong password is still checked, but then the pair waits 1 s, 2 s, 4 s…
    await expect(authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: t0 })).rejects.toBeInstanceOf(Invalid);
    const refused = await authenticate({ email: "jay@test.example", password: TEST_PASSWORD, ip: "192.0.2.1", now: t0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TooManyRequests);
    expect((refused as Error).message).toContain("Wait 1 second");
    await expect(authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: at(1000) })).rejects.toBeInstanceOf(
      Invalid,
    );
    const longer = await authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: at(2000) }).catch(
      (e: unknown) => e,
    );
    expect((longer as Error).message).toContain("Wait 1 second");
    await expect(authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: at(3000) })).rejects.toBeInstanceOf(
      Invalid,
    );
    const longer2 = await authenticate({ email: "jay@test.example", password: TEST_PASSWORD, ip: "192.0.2.1", now: at(3000) }).catch(
      (e: unknown) => e,
    );
    expect((longer2 as Error).message).toContain("Wait 4 seconds");
    // Once the delay has passed, the right password gets in, and the count starts again.
    await expect(
      authenticate({ email: "jay@test.example", password: TEST_PASSWORD, ip: "192.0.2.1", now: at(7000) }),
    ).resolves.toMatchObject({ email: "jay@test.example" });
    await expect(authenticate({ email: "jay@test.example", password: "guess", ip: "192.0.2.1", now: at(7000) })).rejects.toBeInstanceOf(
      Invalid,
    );
  });

  it("delays grow to at most 15 minutes and never become a lockout", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(delayAfterFailures)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfterFailures(100)).toBe(15 * 60);
  });

  it("the real user signs in from their own address while an attacker hammers the account from another", async () => {
    const user = await createUser("COMMISSIONER", { email: "target@test.example" });
    const t0 = new Date("2026-11-24T11:00:00Z");
    const attack = await Promise.all(
      Array.from({ length: 40 }, () =>
        authenticate({ email: user.email, password: "guess", ip: "203.0.113.66", now: t0 }).catch((e: unknown) => e),
      ),
    );
    expect(attack.every((e) => e instanceof Invalid || e instanceof TooManyRequests)).toBe(true);
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.7", now: t0 })).resolves.toMatchObject({
      id: user.id,
    });
    // …and the attacker is still waiting.
    await expect(authenticate({ email: user.email, password: "guess", ip: "203.0.113.66", now: t0 })).rejects.toBeInstanceOf(
      TooManyRequests,
    );
  });

  it("concurrent wrong passwords for one account from one address cannot get more password checks than allowed", async () => {
    await createUser("PROVIDER", { email: "burst@test.example" });
    const t0 = new Date("2026-11-24T12:30:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        authenticate({ email: "burst@test.example", password: "guess", ip: "192.0.2.20", now: t0 }).catch((e: unknown) => e),
      ),
    );
    // The free tries plus the one that starts the first delay; all others refused unchecked.
    expect(results.filter((e) => e instanceof Invalid)).toHaveLength(FREE_FAILURES_PER_ACCOUNT_AND_IP + 1);
    expect(results.filter((e) => e instanceof TooManyRequests)).toHaveLength(20 - FREE_FAILURES_PER_ACCOUNT_AND_IP - 1);
  });

  it(`concurrent wrong passwords from one address across many accounts stop at ${MAX_FAILURES_PER_IP}`, async () => {
    const victim = await createUser("ADMIN", { email: "victim2@test.example" });
    const t0 = new Date("2026-11-24T12:45:00Z");
    const results = await Promise.all(
      Array.from({ length: 35 }, (_, i) =>
        authenticate({ email: `spray${i}@test.example`, password: "x", ip: "203.0.113.50", now: t0 }).catch((e: unknown) => e),
      ),
    );
    expect(results.filter((e) => e instanceof Invalid)).toHaveLength(MAX_FAILURES_PER_IP);
    expect(results.filter((e) => e instanceof TooManyRequests)).toHaveLength(35 - MAX_FAILURES_PER_IP);
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.50", now: t0 })).rejects.toBeInstanceOf(
      TooManyRequests,
    );
    const later = new Date(t0.getTime() + minutes(IP_WINDOW_MINUTES) + 1000);
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.50", now: later })).resolves.toMatchObject({
      id: victim.id,
    });
  });

  it(`limits one IP address to ${MAX_FAILURES_PER_IP} failures across many accounts`, async () => {
    const victim = await createUser("ADMIN", { email: "victim@test.example" });
    const t0 = new Date("2026-11-24T12:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate({ email: `spray${i}@test.example`, password: "x", ip: "203.0.113.9", now: t0 }).catch(() => {});
    }
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.9", now: t0 })).rejects.toBeInstanceOf(
      TooManyRequests,
    );
    // The same account from another address is fine: the IP limit is per IP.
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, ip: "203.0.113.10", now: t0 })).resolves.toMatchObject({
      id: victim.id,
    });
  });

  it("a spoofed X-Forwarded-For does not reset the per-address count (no trusted proxy)", async () => {
    const victim = await createUser("ADMIN", { email: "victim3@test.example" });
    const t0 = new Date("2026-11-24T13:00:00Z");
    const request = (i: number) =>
      new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.77", "x-forwarded-for": `10.9.${i}.${i}`, "x-real-ip": `10.8.${i}.1` });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate({ email: `spoof${i}@test.example`, password: "x", ip: clientIpFrom(request(i), 0), now: t0 }).catch(() => {});
    }
    const fresh = new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.77", "x-forwarded-for": "198.51.100.200" });
    await expect(
      authenticate({ email: victim.email, password: TEST_PASSWORD, ip: clientIpFrom(fresh, 0), now: t0 }),
    ).rejects.toBeInstanceOf(TooManyRequests);
  });

  it("refuses a 12 MB email and a huge password without storing anything", async () => {
    const before = await db.signInThrottle.count();
    const hugeEmail = `${"a".repeat(12 * 1024 * 1024)}@test.example`;
    const error = await authenticate({ email: hugeEmail, password: "x", ip: "192.0.2.99" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors.email).toBe(`Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`);
    const hugePassword = await authenticate({ email: "a@test.example", password: "p".repeat(1_000_000), ip: "192.0.2.99" }).catch(
      (e: unknown) => e,
    );
    expect(hugePassword).toBeInstanceOf(Invalid);
    expect(await db.signInThrottle.count()).toBe(before);
    // Nothing anywhere holds the email: throttle keys are fixed-length hashes.
    const keys = await db.signInThrottle.findMany({ select: { key: true } });
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
  });

  it("a successful sign-in resets the account's failure count", async () => {
    await createUser("PROVIDER", { email: "mia@test.example" });
    const t0 = new Date("2026-11-24T14:00:00Z");
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await authenticate({ email: "mia@test.example", password: "wrong", ip: null, now: t0 }).catch(() => {});
    }
    const t1 = new Date(t0.getTime() + 1000);
    await authenticate({ email: "mia@test.example", password: TEST_PASSWORD, ip: null, now: t1 });
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await authenticate({ email: "mia@test.example", password: "wrong", ip: null, now: t1 }).catch(() => {});
    }
    await expect(authenticate({ email: "mia@test.example", password: TEST_PASSWORD, ip: null, now: t1 })).resolves.toBeTruthy();
  });
});

// Issue 22, item 5: a shared network (an NHS trust's or a prison's NAT). Thirty wrong passwords on thirty accounts
// from one address block that address; a browser that has signed in to an account before (a device cookie, as OWASP
// describes) still signs in to that account, and is throttled on its own.
describe("signing in from a shared network with a device cookie", () => {
  const NAT = "198.51.100.30";
  const t0 = new Date("2026-11-25T09:00:00Z");

  /** A browser that signed in to the account once, earlier (from home): its device cookie. */
  async function knownBrowser(email: string, cookie: string | null = null): Promise<string> {
    const { deviceCookie } = await authenticateDevice({ email, password: TEST_PASSWORD, ip: "192.0.2.200", deviceCookie: cookie, now: t0 });
    return deviceCookie;
  }

  async function sprayFrom(ip: string, count = 30) {
    for (let i = 0; i < count; i++) {
      await authenticate({ email: `colleague${i}@nat.example`, password: "wrong", ip, now: t0 }).catch(() => {});
    }
  }

  it("after 30 failures from an address, a person whose browser signed in before still gets in; one without is still refused", async () => {
    const nurse = await createUser("COMMISSIONER", { email: "nurse@nat.example" });
    const newcomer = await createUser("COMMISSIONER", { email: "newcomer@nat.example" });
    const cookie = await knownBrowser(nurse.email);
    await sprayFrom(NAT);
    // The address is blocked for browsers it does not know.
    const refused = await authenticate({ email: newcomer.email, password: TEST_PASSWORD, ip: NAT, now: t0 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequests);
    expect((refused as Error).message).toContain("from your network");
    await expect(authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: NAT, now: t0 })).rejects.toBeInstanceOf(TooManyRequests);
    // The nurse's own browser is known: in, and it gets a fresh token for next time.
    const signedIn = await authenticateDevice({ email: nurse.email, password: TEST_PASSWORD, ip: NAT, deviceCookie: cookie, now: t0 });
    expect(signedIn.actor.id).toBe(nurse.id);
    expect(signedIn.deviceCookie).not.toBe(cookie);
    await expect(
      authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: NAT, deviceCookie: signedIn.deviceCookie, now: t0 }),
    ).resolves.toMatchObject({ id: nurse.id });
    // A wrong password from the known browser is still wrong.
    await expect(authenticate({ email: nurse.email, password: "wrong", ip: NAT, deviceCookie: cookie, now: t0 })).rejects.toBeInstanceOf(
      Invalid,
    );
  });

  it("a forged, tampered or other account's device cookie gives nothing", async () => {
    const nurse = await createUser("COMMISSIONER", { email: "nurse2@nat.example" });
    const other = await createUser("COMMISSIONER", { email: "other2@nat.example" });
    const othersCookie = await knownBrowser(other.email);
    const mine = await knownBrowser(nurse.email);
    await sprayFrom("198.51.100.31");
    const [nonce, signature] = mine.split(".") as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "AB" : "AA"}`;
    const forged = [
      othersCookie, // a real token, for another account
      `${"A".repeat(22)}.${"B".repeat(43)}`, // made up
      `${nonce}.${flipped}`, // tampered signature
      `${"Z".repeat(22)}.${signature}`, // another nonce under the same signature
      mine.toUpperCase(),
      `${mine}~${"x".repeat(500)}`, // too long to be ours: ignored unread
      "",
    ];
    for (const deviceCookie of forged) {
      const error = await authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: "198.51.100.31", deviceCookie, now: t0 }).catch(
        (e: unknown) => e,
      );
      expect(error, deviceCookie.slice(0, 40)).toBeInstanceOf(TooManyRequests);
    }
    // The other account's own browser works for the other account only.
    await expect(
      authenticate({ email: other.email, password: TEST_PASSWORD, ip: "198.51.100.31", deviceCookie: othersCookie, now: t0 }),
    ).resolves.toMatchObject({ id: other.id });
  });

  it("one browser keeps tokens for the few people who share it, each for their own account", async () => {
    const a = await createUser("GOVERNOR", { email: "wing-a@nat.example" });
    const b = await createUser("GOVERNOR", { email: "wing-b@nat.example" });
    const shared = await knownBrowser(b.email, await knownBrowser(a.email));
    await sprayFrom("198.51.100.32");
    for (const user of [a, b]) {
      await expect(
        authenticate({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.32", deviceCookie: shared, now: t0 }),
      ).resolves.toMatchObject({ id: user.id });
    }
  });

  it("a device cookie under attack is locked on its own: its delays do not touch the account's other browsers", async () => {
    const nurse = await createUser("COMMISSIONER", { email: "nurse3@nat.example" });
    const stolen = await knownBrowser(nurse.email);
    const laptop = await knownBrowser(nurse.email);
    for (let i = 0; i <= FREE_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      await expect(
        authenticate({ email: nurse.email, password: `guess ${i}`, ip: `203.0.113.${100 + i}`, deviceCookie: stolen, now: t0 }),
      ).rejects.toBeInstanceOf(Invalid);
    }
    // From any address, that cookie now waits (its delays double like an address's), even with the right password…
    const waiting = await authenticate({
      email: nurse.email,
      password: TEST_PASSWORD,
      ip: "203.0.113.200",
      deviceCookie: stolen,
      now: t0,
    }).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(TooManyRequests);
    expect((waiting as Error).message).toContain("from this browser");
    // …while the nurse's laptop, and a browser without a cookie at another address, are not delayed.
    await expect(
      authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: "203.0.113.200", deviceCookie: laptop, now: t0 }),
    ).resolves.toMatchObject({ id: nurse.id });
    await expect(authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: "192.0.2.201", now: t0 })).resolves.toMatchObject({
      id: nurse.id,
    });
    // The cookie's failures were counted per device, not against the addresses it came from.
    await expect(authenticate({ email: nurse.email, password: TEST_PASSWORD, ip: "203.0.113.100", now: t0 })).resolves.toMatchObject({
      id: nurse.id,
    });
  });
});
