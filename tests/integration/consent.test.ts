import { fieldErrors } from "../fixtures/expect-invalid";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { listBidsForEvaluation } from "@/server/bids/queries";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { Conflict, Forbidden } from "@/server/errors";
import { declareConflicts } from "@/server/evaluation/declare-conflicts";
import { getModerationView, getPanelWorkspace, getScoringSheet } from "@/server/evaluation/queries";
import { saveBidScores } from "@/server/evaluation/save-scores";
import { stepBack } from "@/server/evaluation/step-back";
import { currentConsent, giveConsent, hasConsented, withdrawConsent, type GiveConsentInput } from "@/server/technicians/consent";
import { CONSENT_TEXT_VERSION, consentText } from "@/server/technicians/consent-text";
import { logTime } from "@/server/technicians/log-time";
import { respondToPanelInvitation } from "@/server/tenders/respond-to-panel-invitation";
import { OPENED, openedTender, type OpenedTender, declareNoConflicts, scoreSheet } from "../fixtures/evaluation-builders";
import { createActor } from "../fixtures/factories";
import { publishedTender } from "../fixtures/tender-builders";
import { NOW, timeInput } from "../fixtures/time-builders";

const REASON = "The answer is clear and shows real experience.";
const AGREED = new Date("2026-12-19T10:00:00.000Z");
const LATER = new Date("2026-12-20T10:00:00.000Z");

let t: OpenedTender;

beforeEach(async () => {
  t = await openedTender();
});

/** A young commissioner who has not agreed yet, already on the panel (or invited to it). */
async function newcomer(status: "ACCEPTED" | "INVITED", label: string, tenderId = t.id): Promise<{ actor: Actor; seatId: string }> {
  const actor = await createActor("TECHNICIAN", { consented: false });
  const seat = await db.panelMember.create({
    data: { tenderId, userId: actor.id, role: "TECHNICIAN", status, anonymousLabel: label, invitedById: t.commissioner.id },
  });
  return { actor, seatId: seat.id };
}

function agree(overrides: Partial<GiveConsentInput> = {}): GiveConsentInput {
  return { textVersion: CONSENT_TEXT_VERSION, confirm: true, ...overrides };
}

/** Every way into a panel, for a young commissioner who should be refused. */
async function expectNoPanelAccess(actor: Actor) {
  const refused = /welcome page/;
  await expect(getPanelWorkspace(actor, t.id, OPENED)).rejects.toThrow(refused);
  await expect(getScoringSheet(actor, t.id, t.bids.a, OPENED)).rejects.toBeInstanceOf(Forbidden);
  await expect(getModerationView(actor, t.id, OPENED)).rejects.toBeInstanceOf(Forbidden);
  await expect(declareConflicts(actor, t.id, [{ organisationId: t.organisations.a, hasConflict: false }], OPENED)).rejects.toBeInstanceOf(
    Forbidden,
  );
  await expect(saveBidScores(actor, t.id, t.bids.a, scoreSheet(t, [3, 3], REASON), false, OPENED)).rejects.toThrow(refused);
  await expect(saveBidScores(actor, t.id, t.bids.a, scoreSheet(t, [3, 3], REASON), true, OPENED)).rejects.toBeInstanceOf(Forbidden);
  await expect(logTime(actor, timeInput(t.id), NOW)).rejects.toThrow(refused);
  // The query itself returns nothing: bids are not read for them at all.
  expect(await listBidsForEvaluation(actor, t.id, OPENED)).toEqual([]);
}

describe("the welcome text", () => {
  it("has every section, the support contact from the environment and a version", () => {
    const text = consentText();
    expect(text.version).toBe(CONSENT_TEXT_VERSION);
    expect(text.sections.map((s) => s.id)).toEqual(["role", "pay", "data", "who-sees", "step-back", "support"]);
    expect(JSON.stringify(text)).toContain(env().SUPPORT_CONTACT);
    expect(JSON.stringify(text)).toMatch(/hourly rate/);
    expect(JSON.stringify(text)).toMatch(/never your date of birth/);
    expect(JSON.stringify(text)).toMatch(/Young commissioner A/);
  });
});

describe("no panel access before consent", () => {
  it("a young commissioner who has not agreed cannot join, see bids, score or log time; saying no is fine", async () => {
    const { actor: member } = await newcomer("ACCEPTED", "C");
    expect(await hasConsented(member)).toBe(false);
    await expectNoPanelAccess(member);

    const invited = await newcomer("INVITED", "D");
    await expect(respondToPanelInvitation(invited.actor, invited.seatId, true, OPENED)).rejects.toThrow(/welcome page/);
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: invited.seatId } })).status).toBe("INVITED");
    await respondToPanelInvitation(invited.actor, invited.seatId, false, OPENED);
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: invited.seatId } })).status).toBe("DECLINED");
  });

  it("once they agree, the same young commissioner can join and take part", async () => {
    const invited = await newcomer("INVITED", "C");
    await giveConsent(invited.actor, agree(), AGREED);
    await respondToPanelInvitation(invited.actor, invited.seatId, true, AGREED);
    await declareNoConflicts(t, invited.actor);
    expect((await getPanelWorkspace(invited.actor, t.id, OPENED)).bids).toHaveLength(2);
    await saveBidScores(invited.actor, t.id, t.bids.a, scoreSheet(t, [4, 4], REASON), true, OPENED);
    await expect(logTime(invited.actor, timeInput(t.id), NOW)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("a consent to an older version of the text does not count", async () => {
    const { actor } = await newcomer("ACCEPTED", "C");
    await db.technicianConsent.create({
      data: { userId: actor.id, textVersion: "2025-01-v0", acceptedAt: new Date("2025-01-10T10:00:00Z") },
    });
    expect(await hasConsented(actor)).toBe(false);
    expect(await currentConsent(actor.id)).toBeNull();
    await expectNoPanelAccess(actor);
  });

  it("other roles need no consent", async () => {
    expect(await hasConsented(t.commissioner)).toBe(true);
    expect((await getPanelWorkspace(t.commissioner, t.id, OPENED)).seat.isChair).toBe(true);
  });

  it("stepping back never needs consent", async () => {
    const { actor, seatId } = await newcomer("ACCEPTED", "C");
    await stepBack(actor, t.id, { keepSubmittedScores: true }, OPENED);
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: seatId } })).status).toBe("STEPPED_BACK");
  });
});

describe("giving consent", () => {
  let tech: Actor;
  beforeEach(async () => {
    tech = (await newcomer("ACCEPTED", "C")).actor;
  });

  it("records the text version and the time, and writes an audit row without personal data", async () => {
    const { id } = await giveConsent(tech, agree({ chosenName: "Jay", phone: "07700 900123", under18: "yes" }), AGREED);
    const row = await db.technicianConsent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: tech.id, textVersion: CONSENT_TEXT_VERSION, acceptedAt: AGREED, withdrawnAt: null });
    expect(await currentConsent(tech.id)).toMatchObject({ id, textVersion: CONSENT_TEXT_VERSION, acceptedAt: AGREED });
    expect(await hasConsented(tech)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { action: "technician.consent_given", actorId: tech.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "TechnicianConsent", entityId: id, actorRole: "TECHNICIAN" });
    expect(events[0]!.after).toMatchObject({
      textVersion: CONSENT_TEXT_VERSION,
      nameChanged: true,
      phoneChanged: true,
      under18Changed: true,
    });
    expect(JSON.stringify([events[0]!.before, events[0]!.after])).not.toContain("900123");
  });

  it("refuses a text version that is not the current one, and saves nothing", async () => {
    for (const textVersion of ["2025-01-v0", "", "2026-11"]) {
      const error = await giveConsent(tech, agree({ textVersion }), AGREED).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).message).toBe("The text has changed, read it again");
    }
    expect(await db.technicianConsent.count({ where: { userId: tech.id } })).toBe(0);
  });

  it("needs the confirm box ticked", async () => {
    expect(await fieldErrors(giveConsent(tech, agree({ confirm: false }), AGREED))).toEqual({
      confirm: "Tick the box to say you understand and want to take part",
    });
    expect(await db.technicianConsent.count({ where: { userId: tech.id } })).toBe(0);
  });

  it("checks the chosen name: empty keeps the current one, any alphabet is fine, 60 characters at most", async () => {
    await giveConsent(tech, agree({ chosenName: "   " }), AGREED);
    expect((await db.user.findUniqueOrThrow({ where: { id: tech.id } })).name).toBe(tech.name);

    const other = (await newcomer("ACCEPTED", "D")).actor;
    expect(await fieldErrors(giveConsent(other, agree({ chosenName: "x".repeat(61) }), AGREED))).toEqual({
      chosenName: "Your name must be 60 characters or fewer",
    });
    expect(await fieldErrors(giveConsent(other, agree({ chosenName: "Jay\u0007" }), AGREED))).toHaveProperty("chosenName");
    await giveConsent(other, agree({ chosenName: "  Zoë 李 Ngozi-Ọ́kàfọ̀  " }), AGREED);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Zoë 李 Ngozi-Ọ́kàfọ̀".normalize("NFC"));

    const sixty = (await newcomer("ACCEPTED", "E")).actor;
    await giveConsent(sixty, agree({ chosenName: "é".repeat(60) }), AGREED);
    expect((await db.user.findUniqueOrThrow({ where: { id: sixty.id } })).name).toBe("é".repeat(60));
  });

  it("checks the phone number: optional, numbers, spaces and + only, 7 to 20 characters", async () => {
    for (const bad of ["call me", "123", "0770-090-0123", "1".repeat(21), "++447700900123", "07700 9OO123"]) {
      expect(await fieldErrors(giveConsent(tech, agree({ phone: bad }), AGREED))).toEqual({
        phone: "Enter a phone number using only numbers, spaces and +, like 07700 900123",
      });
    }
    await giveConsent(tech, agree({ phone: "  +44 7700 900123 " }), AGREED);
    expect((await db.user.findUniqueOrThrow({ where: { id: tech.id } })).phone).toBe("+44 7700 900123");

    const noPhone = (await newcomer("ACCEPTED", "D")).actor;
    await giveConsent(noPhone, agree({ phone: "" }), AGREED);
    expect((await db.user.findUniqueOrThrow({ where: { id: noPhone.id } })).phone).toBeNull();
  });

  it("stores under 18 as yes, no or not given, and nothing else", async () => {
    expect(await fieldErrors(giveConsent(tech, agree({ under18: "maybe" }), AGREED))).toEqual({
      under18: "Choose yes or no, or leave both empty",
    });
    const cases: [string | undefined, boolean | null][] = [
      ["yes", true],
      ["no", false],
      ["", null],
      [undefined, null],
    ];
    for (const [answer, stored] of cases) {
      const actor = await createActor("TECHNICIAN", { consented: false });
      await giveConsent(actor, agree({ under18: answer }), AGREED);
      expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).under18).toBe(stored);
    }
  });

  it("reports every problem at once", async () => {
    expect(
      Object.keys(
        await fieldErrors(
          giveConsent(
            tech,
            { textVersion: CONSENT_TEXT_VERSION, confirm: false, chosenName: "x".repeat(61), phone: "abc", under18: "?" },
            AGREED,
          ),
        ),
      ),
    ).toEqual(["confirm", "chosenName", "phone", "under18"]);
  });

  it("cannot be given twice for the same text", async () => {
    await giveConsent(tech, agree(), AGREED);
    await expect(giveConsent(tech, agree(), LATER)).rejects.toBeInstanceOf(Conflict);
    expect(await db.technicianConsent.count({ where: { userId: tech.id } })).toBe(1);
  });

  it("is for young commissioners only", async () => {
    for (const role of ["COMMISSIONER", "ADMIN", "GOVERNOR", "PROVIDER"] as const) {
      const actor = await createActor(role);
      await expect(giveConsent(actor, agree(), AGREED)).rejects.toBeInstanceOf(Forbidden);
      await expect(withdrawConsent(actor, { confirm: true }, LATER)).rejects.toBeInstanceOf(Forbidden);
      expect(await db.technicianConsent.count({ where: { userId: actor.id } })).toBe(0);
    }
  });
});

describe("withdrawing consent", () => {
  it("sets withdrawnAt, steps back from every panel keeping sent marks, says no to invitations, and access is refused again", async () => {
    const tech = t.technicians[0]!;
    const seatId = t.seats[tech.id]!;
    await declareNoConflicts(t, tech);
    await saveBidScores(tech, t.id, t.bids.a, scoreSheet(t, [5, 5], REASON), true, OPENED);
    await saveBidScores(tech, t.id, t.bids.b, { scores: { [t.criteria.quality]: { score: "2", reason: "" } } }, false, OPENED);
    const other = await publishedTender({ deadline: new Date("2027-03-01T17:00:00Z") });
    const invitation = await db.panelMember.create({
      data: {
        tenderId: other.id,
        userId: tech.id,
        role: "TECHNICIAN",
        status: "INVITED",
        anonymousLabel: "C",
        invitedById: other.commissioner.id,
      },
    });

    expect(await fieldErrors(withdrawConsent(tech, { confirm: false }, LATER))).toEqual({
      confirm: "Tick the box to say you want to withdraw",
    });
    expect(await hasConsented(tech)).toBe(true);

    const result = await withdrawConsent(tech, { confirm: true }, LATER);
    expect(result).toEqual({ steppedBack: 1, invitationsDeclined: 1, alreadyFinished: 0 });
    const consents = await db.technicianConsent.findMany({ where: { userId: tech.id } });
    expect(consents).toHaveLength(1);
    expect(consents[0]!.withdrawnAt).toEqual(LATER);
    expect(await hasConsented(tech)).toBe(false);

    expect(await db.panelMember.findUniqueOrThrow({ where: { id: seatId } })).toMatchObject({
      status: "STEPPED_BACK",
      steppedBackAt: LATER,
      keepSubmittedScores: true,
    });
    expect(await db.score.count({ where: { panelMemberId: seatId, status: "SUBMITTED" } })).toBe(2);
    expect(await db.score.count({ where: { panelMemberId: seatId, status: "DRAFT" } })).toBe(0);
    expect(await db.panelMember.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      status: "DECLINED",
      respondedAt: LATER,
    });

    const audit = await db.auditEvent.findMany({ where: { actorId: tech.id } });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["technician.consent_withdrawn", "panel.stepped_back", "panel.invitation_declined"]));
    expect(audit.find((a) => a.action === "panel.stepped_back")!.after).toMatchObject({
      keepSubmittedScores: true,
      draftScoresDiscarded: 1,
      because: "consent_withdrawn",
    });
    expect(audit.find((a) => a.action === "technician.consent_withdrawn")!.after).toMatchObject({ steppedBack: 1, invitationsDeclined: 1 });

    await expectNoPanelAccess(tech);
    await expect(respondToPanelInvitation(tech, invitation.id, true, LATER)).rejects.toBeInstanceOf(Forbidden);
    await expect(withdrawConsent(tech, { confirm: true }, LATER)).rejects.toBeInstanceOf(Conflict);
  });

  it("takes sent marks out when asked, and never keeps a member who sent nothing", async () => {
    const [sender, silent] = t.technicians as [Actor, Actor];
    await declareNoConflicts(t, sender);
    await saveBidScores(sender, t.id, t.bids.a, scoreSheet(t, [5, 5], REASON), true, OPENED);
    await withdrawConsent(sender, { confirm: true, keepSubmittedScores: false }, LATER);
    await withdrawConsent(silent, { confirm: true }, LATER);
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: t.seats[sender.id]! } })).keepSubmittedScores).toBe(false);
    // Kept with nothing sent, they would hold up quorum: they are withdrawn instead.
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: t.seats[silent.id]! } })).keepSubmittedScores).toBe(false);
  });

  it("leaves panels whose ranking is frozen as they are", async () => {
    const tech = t.technicians[0]!;
    await db.tender.update({ where: { id: t.id }, data: { status: "AWARD_PENDING_SIGNOFF" } });
    expect(await withdrawConsent(tech, { confirm: true }, LATER)).toEqual({ steppedBack: 0, invitationsDeclined: 0, alreadyFinished: 1 });
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: t.seats[tech.id]! } })).status).toBe("ACCEPTED");
    expect(await hasConsented(tech)).toBe(false);
  });

  it("works on a consent to an older text, without agreeing to the new one", async () => {
    const { actor, seatId } = await newcomer("ACCEPTED", "C");
    await db.technicianConsent.create({
      data: { userId: actor.id, textVersion: "2025-01-v0", acceptedAt: new Date("2025-01-10T10:00:00Z") },
    });
    expect(await withdrawConsent(actor, { confirm: true }, LATER)).toMatchObject({ steppedBack: 1 });
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: seatId } })).status).toBe("STEPPED_BACK");
  });

  it("they can agree again later: a new consent is recorded and they can be invited back", async () => {
    const tech = t.technicians[0]!;
    const seatId = t.seats[tech.id]!;
    await withdrawConsent(tech, { confirm: true }, LATER);
    const { id } = await giveConsent(tech, agree(), new Date("2027-01-05T10:00:00Z"));
    expect(await hasConsented(tech)).toBe(true);
    expect(await db.technicianConsent.count({ where: { userId: tech.id } })).toBe(2);
    expect(await currentConsent(tech.id)).toMatchObject({ id });
    // Still stepped back: coming back to a panel means being invited again.
    const workspace = await getPanelWorkspace(tech, t.id, OPENED);
    expect(workspace.seat.status).toBe("STEPPED_BACK");
    expect(workspace.mayScore).toBe(false);
    await db.panelMember.update({ where: { id: seatId }, data: { status: "INVITED" } });
    await respondToPanelInvitation(tech, seatId, true, new Date("2027-01-05T11:00:00Z"));
    expect((await db.panelMember.findUniqueOrThrow({ where: { id: seatId } })).status).toBe("ACCEPTED");
  });
});
