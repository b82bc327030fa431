import { describe, expect, it, vi } from "vitest";
import { closeAccount, CLOSED_ACCOUNT_NAME, listClosureRequests } from "@/server/account/close-account";
import { ownData } from "@/server/account/own-data";
import { requestAccountClosure } from "@/server/account/request-closure";
import type { Actor } from "@/server/auth/actor";
import { authenticate } from "@/server/auth/sign-in";
import { createUserSession, userSessionIsLive } from "@/server/auth/user-sessions";
import { db } from "@/server/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { markPaid } from "@/server/technicians/mark-paid";
import { activityLabel, STATUS_FOR_TECHNICIAN } from "@/server/technicians/time-labels";
import { logTime } from "@/server/technicians/log-time";
import { openedTender } from "../fixtures/evaluation-builders";
import { createActor, TEST_PASSWORD } from "../fixtures/factories";
import { approvedEntry, NOW, timeInput, timeTender } from "../fixtures/time-builders";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));

/** Every row that mentions the young commissioner, to show a refusal wrote nothing. */
async function rowsAbout(userId: string) {
  return {
    user: await db.user.findUniqueOrThrow({ where: { id: userId } }),
    notifications: await db.notification.count(),
    audit: await db.auditEvent.count(),
    outbox: await db.outboxMessage.count(),
  };
}

describe("a young commissioner's own data", () => {
  it("shows their profile, consent history, panels, paid time and marks, with bids by letter and nobody else's data", async () => {
    const t = await openedTender();
    const [me, other] = t.technicians as [Actor, Actor];
    const seat = await db.panelMember.findFirstOrThrow({ where: { tenderId: t.id, userId: me.id } });
    await db.score.create({
      data: {
        panelMemberId: seat.id,
        bidId: t.bids.a,
        criterionId: t.criteria.quality,
        score: 4,
        reason: "Clear plan.",
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    await db.timeEntry.create({
      data: { technicianId: me.id, tenderId: t.id, workedOn: new Date("2026-12-20"), minutes: 90, activity: "SCORING" },
    });
    await db.timeEntry.create({
      data: { technicianId: other.id, tenderId: t.id, workedOn: new Date("2026-12-20"), minutes: 30, activity: "TRAINING" },
    });

    const data = await ownData(me);
    expect(data.profile).toMatchObject({ name: me.name, email: me.email, role: "Young commissioner" });
    expect(data.consents.length).toBeGreaterThan(0);
    expect(data.panels).toEqual([
      expect.objectContaining({ seat: "Accepted", shownToOthersAs: expect.stringMatching(/^Young commissioner [A-Z]$/) }),
    ]);
    expect(data.paidTime).toEqual([
      expect.objectContaining({ minutes: 90, activity: activityLabel("SCORING"), status: STATUS_FOR_TECHNICIAN.PENDING }),
    ]);
    expect(data.marks).toEqual([expect.objectContaining({ bid: expect.stringMatching(/^Bid [AB]$/), mark: 4, reason: "Clear plan." })]);
    const all = JSON.stringify(data);
    const bidders = await db.organisation.findMany({ where: { id: { in: [t.organisations.a, t.organisations.b] } } });
    for (const org of bidders) expect(all).not.toContain(org.name);
    expect(all).not.toContain(other.email);

    await expect(ownData(t.commissioner)).rejects.toBeInstanceOf(Forbidden);
  });

  it("downloads as JSON (audited); 401 when signed out, 403 for other roles", async () => {
    const { GET } = await import("@/app/api/account/data.json/route");
    session.actor = null;
    expect((await GET()).status).toBe(401);
    session.actor = await createActor("GOVERNOR");
    expect((await GET()).status).toBe(403);
    const me = await createActor("TECHNICIAN", { name: "Robin" });
    session.actor = me;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="my-cocommission-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as { profile: { name: string; email: string } };
    expect(body.profile).toMatchObject({ name: "Robin", email: me.email });
    expect(await db.auditEvent.count({ where: { action: "account.data_downloaded", entityId: me.id } })).toBe(1);
  });
});

describe("closing a young commissioner's account", () => {
  it("asking needs the box ticked (nothing written without it), tells those who may close it, and is asked once", async () => {
    const t = await timeTender();
    const [me] = t.technicians;
    const admin = await createActor("ADMIN");
    const unrelated = await createActor("COMMISSIONER");
    const before = await rowsAbout(me.id);
    await expect(requestAccountClosure(me, { confirm: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await rowsAbout(me.id)).toEqual(before);
    await expect(requestAccountClosure(t.commissioner, { confirm: "yes" })).rejects.toBeInstanceOf(Forbidden);

    await requestAccountClosure(me, { confirm: "yes" }, NOW);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).closureRequestedAt).toEqual(NOW);
    const told = (await db.notification.findMany({ where: { href: "/account/closures" } })).map((n) => n.userId);
    expect(told).toEqual(expect.arrayContaining([admin.id, t.commissioner.id, t.commissioner2.id]));
    expect(told).not.toContain(unrelated.id);
    expect(await db.auditEvent.count({ where: { action: "account.closure_requested", entityId: me.id } })).toBe(1);
    await expect(requestAccountClosure(me, { confirm: "yes" })).rejects.toBeInstanceOf(Conflict);

    expect((await listClosureRequests(t.commissioner)).map((r) => r.id)).toEqual([me.id]);
    expect(await listClosureRequests(unrelated)).toEqual([]);
    expect((await listClosureRequests(admin)).map((r) => r.id)).toContain(me.id);
  });

  it("waits for paid time to be settled, then removes personal details and keeps marks, consents and paid time", async () => {
    const t = await timeTender();
    const [me] = t.technicians;
    const unrelated = await createActor("COMMISSIONER");
    const sid = await createUserSession(me.id, 3600);
    await db.user.update({ where: { id: me.id }, data: { phone: "07700 900123", under18: true } });
    await db.notification.create({ data: { userId: me.id, title: "Hello", body: "A notice" } });
    await db.outboxMessage.create({ data: { to: me.email, subject: "Hi", text: `Hello ${me.name}`, template: "test" } });
    await db.invitation.create({
      data: { email: me.email, name: me.name, role: "TECHNICIAN", tokenHash: `h-${me.id}`, expiresAt: NOW, createdById: t.commissioner.id },
    });
    const pending = await logTime(me, timeInput(t.id), NOW);
    const approved = await approvedEntry(t, me, { workedOn: "2026-11-17" });

    await expect(closeAccount(t.commissioner, me.id, { confirm: "yes" }, NOW)).rejects.toThrow(/has not asked/);
    await requestAccountClosure(me, { confirm: "yes" }, NOW);
    const before = await rowsAbout(me.id);
    await expect(closeAccount(unrelated, me.id, { confirm: "yes" }, NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(closeAccount(t.commissioner, me.id, { confirm: "" }, NOW)).rejects.toBeInstanceOf(Invalid);
    await expect(closeAccount(t.commissioner, me.id, { confirm: "yes" }, NOW)).rejects.toThrow(/1 paid time entry still to be checked/);
    await db.timeEntry.delete({ where: { id: pending.id } });
    await expect(closeAccount(t.commissioner, me.id, { confirm: "yes" }, NOW)).rejects.toThrow(/still owed £\d+\.\d\d of approved time/);
    expect(await rowsAbout(me.id)).toEqual({ ...before, audit: before.audit });
    await expect(closeAccount(t.commissioner, "not-an-id", { confirm: "yes" }, NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(closeAccount(t.commissioner, t.commissioner2.id, { confirm: "yes" }, NOW)).rejects.toBeInstanceOf(Forbidden);

    await markPaid(t.commissioner, [approved], NOW);
    const consentsBefore = await db.technicianConsent.count({ where: { userId: me.id } });
    await closeAccount(t.commissioner, me.id, { confirm: "yes" }, NOW);

    const closed = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(closed).toMatchObject({ name: CLOSED_ACCOUNT_NAME, phone: null, under18: null, passwordHash: null, closedAt: NOW });
    expect(closed.email).toBe(`closed-${me.id}@closed.invalid`);
    expect(closed.disabledAt).not.toBeNull();
    await expect(authenticate({ email: me.email, password: TEST_PASSWORD, ip: null })).rejects.toBeInstanceOf(Invalid);
    expect(await userSessionIsLive(sid, me.id)).toBe(false);
    expect(await db.notification.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: me.email } })).toBe(0);
    expect(await db.invitation.count({ where: { email: me.email } })).toBe(0);
    // Kept for the audit: paid time (and what was paid), consent history, the panel seat and its letter.
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: approved } })).toMatchObject({ status: "PAID", technicianId: me.id });
    expect(await db.technicianConsent.count({ where: { userId: me.id } })).toBe(consentsBefore);
    expect(await db.panelMember.count({ where: { userId: me.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.closed", entityId: me.id } })).toBe(1);
    await expect(closeAccount(t.commissioner, me.id, { confirm: "yes" }, NOW)).rejects.toBeInstanceOf(Conflict);
    expect(await listClosureRequests(t.commissioner)).toEqual([]);
  });
});
