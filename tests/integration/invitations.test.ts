import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { authenticate } from "@/server/auth/sign-in";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { acceptInvitation, checkInvitation } from "@/server/users/accept-invitation";
import { createInvitation, INVITATION_LINK_MARKER } from "@/server/users/create-invitation";
import { fillSecrets } from "@/server/notifications/outbox-secret";
import { createActor, createEstablishment, createOrganisation, createUser } from "../fixtures/factories";

const tokenOf = (link: string) => link.split("/invitations/")[1]!;
const NEW_PASSWORD = "a long and memorable passphrase";
const DAY = 24 * 60 * 60 * 1000;

describe("creating an invitation", () => {
  it("an admin invites a governor to an establishment: a one-time link valid 7 days, an email in the outbox, an audit entry", async () => {
    const admin = await createActor("ADMIN");
    const feltham = await createEstablishment("HMYOI Feltham (test)");
    const now = new Date("2026-11-24T09:00:00Z");
    const created = await createInvitation(
      admin,
      { email: " Ruth@Example.ORG ", name: "Ruth Adeyemi", role: "GOVERNOR", establishmentId: feltham.id },
      now,
    );
    expect(created.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);

    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe("ruth@example.org");
    expect(row.tokenHash).not.toContain(tokenOf(created.link)); // only the hash is stored
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: "ruth@example.org" } });
    // The stored text (which admins read in the outbox) holds a marker; the link itself is encrypted, filled in when sent.
    expect(email.text).not.toContain(tokenOf(created.link));
    expect(email.text).toContain(INVITATION_LINK_MARKER);
    expect(fillSecrets(email.text, email.secret)).toContain(created.link);
    expect(await db.auditEvent.count({ where: { action: "invitation.created", entityId: created.id, establishmentId: feltham.id } })).toBe(
      1,
    );
  });

  it("only admins invite staff; a commissioner may invite technicians; providers and technicians may not invite", async () => {
    const org = await createOrganisation("COMMISSIONER");
    const commissioner = await createActor("COMMISSIONER");
    const technician = await createActor("TECHNICIAN");
    const provider = await createActor("PROVIDER");
    await expect(
      createInvitation(commissioner, { email: "a@example.org", name: "A", role: "COMMISSIONER", organisationId: org.id }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(createInvitation(technician, { email: "b@example.org", name: "B", role: "TECHNICIAN" })).rejects.toBeInstanceOf(Forbidden);
    await expect(createInvitation(provider, { email: "c@example.org", name: "C", role: "TECHNICIAN" })).rejects.toBeInstanceOf(Forbidden);
    await expect(createInvitation(commissioner, { email: "kai@example.org", name: "Kai", role: "TECHNICIAN" })).resolves.toBeTruthy();
    expect(await db.invitation.count({ where: { email: { in: ["a@example.org", "b@example.org", "c@example.org"] } } })).toBe(0);
  });

  it("explains each invalid field and writes nothing", async () => {
    const admin = await createActor("ADMIN");
    const bad = await createInvitation(admin, { email: "not-an-email", name: "   ", role: "WIZARD" as never }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Invalid);
    // In the form's order, so the error summary lists them as the form shows them (issue 27).
    expect(Object.keys((bad as Invalid).fieldErrors)).toEqual(["name", "email", "role"]);

    const noOrg = await createInvitation(admin, { email: "p@example.org", name: "P", role: "PROVIDER" }).catch((e: unknown) => e);
    expect((noOrg as Invalid).fieldErrors).toEqual({ organisationId: "Select the provider organisation" });

    const wrongKind = await createOrganisation("COMMISSIONER");
    const mismatched = await createInvitation(admin, {
      email: "p@example.org",
      name: "P",
      role: "PROVIDER",
      organisationId: wrongKind.id,
    }).catch((e: unknown) => e);
    expect((mismatched as Invalid).fieldErrors).toEqual({ organisationId: "Select an organisation from the list" });

    const huge = await createInvitation(admin, { email: `${"x".repeat(300)}@example.org`, name: "X", role: "TECHNICIAN" }).catch(
      (e: unknown) => e,
    );
    expect((huge as Invalid).fieldErrors.email).toMatch(/254 characters/);
    const attempted = { in: ["not-an-email", "p@example.org", `${"x".repeat(300)}@example.org`] };
    expect(await db.invitation.count({ where: { email: attempted } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: attempted } })).toBe(0);
  });

  it("refuses an email that already has an account", async () => {
    const admin = await createActor("ADMIN");
    await createUser("TECHNICIAN", { email: "taken@example.org" });
    const error = await createInvitation(admin, { email: "TAKEN@example.org", name: "T", role: "TECHNICIAN" }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ email: "Someone with this email address already has an account" });
  });

  it("a new invitation to the same address replaces the open one", async () => {
    const admin = await createActor("ADMIN");
    const first = await createInvitation(admin, { email: "twice@example.org", name: "T", role: "TECHNICIAN" });
    await createInvitation(admin, { email: "twice@example.org", name: "T", role: "TECHNICIAN" });
    expect(await checkInvitation(tokenOf(first.link))).toEqual({ kind: "revoked" });
  });
});

describe("accepting an invitation", () => {
  it("sets a hashed password, creates the user with the invited role and scope, and the new user can sign in", async () => {
    const admin = await createActor("ADMIN");
    const provider = await createOrganisation("PROVIDER", "Harbour Youth Health (test)");
    const created = await createInvitation(admin, { email: "sam@example.org", name: "Sam", role: "PROVIDER", organisationId: provider.id });
    const result = await acceptInvitation({
      token: tokenOf(created.link),
      name: "Sam Patel ✓",
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });

    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ email: "sam@example.org", name: "Sam Patel ✓", role: "PROVIDER", organisationId: provider.id });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    await expect(authenticate({ email: "sam@example.org", password: NEW_PASSWORD, ip: null })).resolves.toMatchObject({ role: "PROVIDER" });
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", entityId: user.id } })).toBe(1);
  });

  it("links an invited governor to their establishment", async () => {
    const admin = await createActor("ADMIN");
    const cookham = await createEstablishment();
    const created = await createInvitation(admin, { email: "gov@example.org", name: "Gov", role: "GOVERNOR", establishmentId: cookham.id });
    const { userId } = await acceptInvitation({
      token: tokenOf(created.link),
      name: "Gov",
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(await db.governorEstablishment.findMany({ where: { userId } })).toEqual([
      expect.objectContaining({ establishmentId: cookham.id }),
    ]);
  });

  it("works once: a used link says so", async () => {
    const admin = await createActor("ADMIN");
    const created = await createInvitation(admin, { email: "once@example.org", name: "O", role: "TECHNICIAN" });
    const input = { token: tokenOf(created.link), name: "O", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    await acceptInvitation(input);
    await expect(acceptInvitation(input)).rejects.toThrow(Conflict);
    expect(await checkInvitation(input.token)).toEqual({ kind: "used" });
  });

  it("expires after 7 days", async () => {
    const admin = await createActor("ADMIN");
    const sent = new Date("2026-11-01T10:00:00Z");
    const created = await createInvitation(admin, { email: "late@example.org", name: "L", role: "TECHNICIAN" }, sent);
    const token = tokenOf(created.link);
    expect((await checkInvitation(token, new Date(sent.getTime() + 7 * DAY - 1))).kind).toBe("valid");
    expect(await checkInvitation(token, new Date(sent.getTime() + 7 * DAY))).toEqual({ kind: "expired" });
    await expect(
      acceptInvitation({ token, name: "L", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, new Date(sent.getTime() + 8 * DAY)),
    ).rejects.toThrow(/expired/);
    expect(await db.user.count({ where: { email: "late@example.org" } })).toBe(0);
  });

  it("an unknown token is not found", async () => {
    await expect(
      acceptInvitation({ token: "nope", name: "N", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("checks the name and password next to each field and creates nothing", async () => {
    const admin = await createActor("ADMIN");
    const created = await createInvitation(admin, { email: "weak@example.org", name: "W", role: "TECHNICIAN" });
    const token = tokenOf(created.link);
    const short = await acceptInvitation({ token, name: " ", password: "short", confirmPassword: "short" }).catch((e: unknown) => e);
    expect((short as Invalid).fieldErrors).toEqual({ name: "Enter your name", password: "Password must be at least 12 characters" });
    const mismatch = await acceptInvitation({ token, name: "W", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD + "!" }).catch(
      (e: unknown) => e,
    );
    expect((mismatch as Invalid).fieldErrors).toEqual({ confirmPassword: "The passwords do not match" });
    expect(await db.user.count({ where: { email: "weak@example.org" } })).toBe(0);
    expect((await checkInvitation(token)).kind).toBe("valid");
  });

  it("two submissions at the same moment create exactly one account", async () => {
    const admin = await createActor("ADMIN");
    const created = await createInvitation(admin, { email: "race@example.org", name: "R", role: "TECHNICIAN" });
    const input = { token: tokenOf(created.link), name: "R", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const results = await Promise.allSettled([acceptInvitation(input), acceptInvitation(input), acceptInvitation(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: "race@example.org" } })).toBe(1);
  });
});
