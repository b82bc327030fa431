import "server-only";
import { lockRow } from "../locks";
import { z } from "zod";
import { authorize } from "../policy";
import { audit } from "../audit";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { Conflict, Invalid } from "../errors";
import { fieldErrorsOf } from "../validation";
import { loadMySeat } from "../evaluation/panel-membership";
import { rankingFrozen, stepBackSeat } from "../evaluation/step-back";
import { currentConsentWhere, rememberConsent } from "../consent-gate";
import { CONSENT_TEXT_VERSION } from "./consent-text";

export { assertConsented, hasConsented } from "../consent-gate";

// Informed consent for young commissioners (PRODUCT.md: "Technicians: paid,
// safe, free to step back"). They read the welcome text and agree before
// anything else; the consent records which text and when. They can read it
// again and withdraw at any time. The personal data asked for here is the
// minimum: a first or chosen name, an optional phone number and, only for
// safeguarding, an optional "under 18: yes / no" (never a date of birth).

export const MAX_CHOSEN_NAME_LENGTH = 60;

const PHONE = /^\+?[0-9 ]+$/;
const NAME_CHARACTERS = "Your name can only have letters, numbers, spaces and punctuation";
const PHONE_FORMAT = "Enter a phone number using only numbers, spaces and +, like 07700 900123";
const UNDER_18 = "Choose yes or no, or leave both empty";

export const giveConsentSchema = z.object({
  /** The version of the text the person read (a hidden field on the form). */
  textVersion: z.string("The text has changed, read it again"),
  /** "I understand and want to take part" was ticked. */
  confirm: z.literal(true, "Tick the box to say you understand and want to take part"),
  /** Empty or missing: keep the current name. */
  chosenName: z
    .string(NAME_CHARACTERS)
    .default("")
    .transform((v) => v.normalize("NFC").trim())
    .refine((v) => Array.from(v).length <= MAX_CHOSEN_NAME_LENGTH, `Your name must be ${MAX_CHOSEN_NAME_LENGTH} characters or fewer`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), NAME_CHARACTERS)
    .transform((v) => (v === "" ? null : v)),
  /** Empty or missing: no phone number is kept. */
  phone: z
    .string(PHONE_FORMAT)
    .trim()
    .default("")
    .refine((v) => v === "" || (PHONE.test(v) && v.length <= 20 && v.replace(/[^0-9]/g, "").length >= 7), PHONE_FORMAT)
    .transform((v) => (v === "" ? null : v)),
  /** "yes", "no", or "" (would rather not say). */
  under18: z
    .enum(["", "yes", "no"], UNDER_18)
    .default("")
    .transform((v) => (v === "" ? null : v === "yes")),
});

/** The form as posted; the schema decides what is valid (a wrong value is a message by its field). */
export interface GiveConsentInput {
  textVersion: string;
  confirm: boolean;
  chosenName?: string;
  phone?: string;
  under18?: string;
}

export const withdrawConsentSchema = z.object({
  confirm: z.literal(true, "Tick the box to say you want to withdraw"),
  keepSubmittedScores: z.boolean("Choose what happens to the scores you have already sent").default(true),
});

export interface WithdrawConsentInput {
  confirm: boolean;
  keepSubmittedScores?: boolean;
}

/**
 * A young commissioner agrees to the current welcome text and gives the
 * little personal data we ask for. The form is the whole truth about those
 * details: an empty phone or under-18 answer removes one stored before (an
 * empty name keeps the current one). The append-only audit log records that
 * a detail changed, never its value, so a phone number removed is gone.
 */
export async function giveConsent(actor: Actor, input: GiveConsentInput, now = clockNow()): Promise<{ id: string }> {
  authorize(actor, "consent.give");
  if (input.textVersion !== CONSENT_TEXT_VERSION) throw new Conflict("The text has changed, read it again");
  const parsed = giveConsentSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const details = { name: parsed.data.chosenName, phone: parsed.data.phone, under18: parsed.data.under18 };
  const given = await db.$transaction(async (tx) => {
    await lockRow(tx, "User", actor.id);
    const existing = await tx.technicianConsent.findFirst({ where: { userId: actor.id, ...currentConsentWhere() }, select: { id: true } });
    if (existing) throw new Conflict("You have already agreed to this. You can read it again on this page.");
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, phone: true, under18: true } });
    const name = details.name ?? before.name;
    await tx.user.update({ where: { id: actor.id }, data: { name, phone: details.phone, under18: details.under18 } });
    const consent = await tx.technicianConsent.create({ data: { userId: actor.id, textVersion: CONSENT_TEXT_VERSION, acceptedAt: now } });
    await audit(tx, actor, {
      action: "technician.consent_given",
      entityType: "TechnicianConsent",
      entityId: consent.id,
      after: {
        textVersion: consent.textVersion,
        acceptedAt: consent.acceptedAt,
        nameChanged: name !== before.name,
        phoneChanged: details.phone !== before.phone,
        under18Changed: details.under18 !== before.under18,
      },
    });
    return { id: consent.id };
  });
  rememberConsent(actor, true); // the rest of this request (the page the form redirects to) sees it
  return given;
}

export interface WithdrawConsentResult {
  steppedBack: number;
  invitationsDeclined: number;
  /** Panels whose ranking was already frozen: nothing more to do there, their marks stay as they are. */
  alreadyFinished: number;
}

/**
 * A young commissioner takes back their consent. They step back from every
 * panel they are on (the usual step back: unsent marks are deleted; marks
 * already sent stay unless they say otherwise), and say no to every open
 * invitation. Panels whose ranking is frozen are left as they are. Time
 * already logged is still paid.
 */
export async function withdrawConsent(actor: Actor, input: WithdrawConsentInput, now = clockNow()): Promise<WithdrawConsentResult> {
  authorize(actor, "consent.give");
  const parsed = withdrawConsentSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  const { keepSubmittedScores } = parsed.data;
  const withdrawn = await db.$transaction(async (tx) => {
    await lockRow(tx, "User", actor.id);
    const active = await tx.technicianConsent.findMany({ where: { userId: actor.id, withdrawnAt: null }, orderBy: { acceptedAt: "desc" } });
    if (active.length === 0) throw new Conflict("You have not agreed to take part, so there is nothing to withdraw.");
    await tx.technicianConsent.updateMany({ where: { id: { in: active.map((c) => c.id) } }, data: { withdrawnAt: now } });

    const result: WithdrawConsentResult = { steppedBack: 0, invitationsDeclined: 0, alreadyFinished: 0 };
    const seats = await tx.panelMember.findMany({
      where: { userId: actor.id, status: { in: ["INVITED", "ACCEPTED"] } },
      select: { id: true, status: true, tenderId: true, tender: { select: { establishmentId: true } } },
      orderBy: { invitedAt: "asc" },
    });
    for (const s of seats) {
      if (s.status === "INVITED") {
        const declined = await tx.panelMember.updateMany({
          where: { id: s.id, status: "INVITED" },
          data: { status: "DECLINED", respondedAt: now },
        });
        if (declined.count !== 1) continue;
        result.invitationsDeclined++;
        await audit(tx, actor, {
          action: "panel.invitation_declined",
          entityType: "PanelMember",
          entityId: s.id,
          tenderId: s.tenderId,
          establishmentId: s.tender.establishmentId,
          before: { status: "INVITED" },
          after: { status: "DECLINED", because: "consent_withdrawn" },
        });
        continue;
      }
      const seat = await loadMySeat(tx, actor, s.tenderId, { toStepBack: true });
      if (seat.status !== "ACCEPTED") continue;
      if (rankingFrozen(seat.tender.status)) {
        result.alreadyFinished++;
        continue;
      }
      // Keeping marks only makes sense when some were sent: a member kept with
      // nothing sent would hold up quorum for no reason.
      const sent = keepSubmittedScores && (await tx.score.count({ where: { panelMemberId: seat.id, status: "SUBMITTED" } })) > 0;
      await stepBackSeat(tx, actor, seat, { keepSubmittedScores: sent, because: "consent_withdrawn" }, now);
      result.steppedBack++;
    }

    await audit(tx, actor, {
      action: "technician.consent_withdrawn",
      entityType: "TechnicianConsent",
      entityId: active[0]!.id,
      before: { consents: active.map((c) => ({ id: c.id, textVersion: c.textVersion, acceptedAt: c.acceptedAt })) },
      after: { withdrawnAt: now, keepSubmittedScores, ...result },
    });
    return result;
  });
  rememberConsent(actor, false);
  return withdrawn;
}

/** The Actor's consent to the current text, or null. */
export async function currentConsent(userId: string) {
  return db.technicianConsent.findFirst({
    where: { userId, ...currentConsentWhere() },
    orderBy: { acceptedAt: "desc" },
    select: { id: true, textVersion: true, acceptedAt: true },
  });
}

/**
 * What the welcome page shows a young commissioner: their consent to the
 * current text (if any), an older consent still standing (the text has
 * changed since), and the details they gave.
 */
export async function getMyConsent(actor: Actor) {
  authorize(actor, "consent.give");
  const [current, standing, user, panels] = await Promise.all([
    currentConsent(actor.id),
    db.technicianConsent.findFirst({
      where: { userId: actor.id, withdrawnAt: null },
      orderBy: { acceptedAt: "desc" },
      select: { textVersion: true, acceptedAt: true },
    }),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, phone: true, under18: true } }),
    db.panelMember.count({ where: { userId: actor.id, status: { in: ["INVITED", "ACCEPTED"] } } }),
  ]);
  return {
    current,
    /** Agreed to an earlier version of the text and not withdrawn: they may withdraw without agreeing to the new one. */
    outdated: current ? null : standing,
    details: user,
    openPanels: panels,
  };
}
