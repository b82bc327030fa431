import "server-only";
import { needsConsentToTakePart } from "./policy";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./auth/actor";
import { db, type Db, type Tx } from "./db";
import { Forbidden } from "./errors";
import { CONSENT_TEXT_VERSION } from "./technicians/consent-text";

// The one rule for informed consent: a young commissioner takes part in
// panels (joins one, sees bids, scores, logs time) only while they have agreed
// to the current welcome text and not withdrawn. Use cases call
// assertConsented; queries put consentedTechnician() in their `where`; the
// session sends them to WELCOME_PATH. It lives apart from consent.ts so the
// evaluation code can use it without an import cycle (consent.ts steps back
// from panels through evaluation/step-back.ts).

export const WELCOME_PATH = "/welcome";

/** A consent that counts now: for the current text and not withdrawn. */
export function currentConsentWhere(): Prisma.TechnicianConsentWhereInput {
  return { textVersion: CONSENT_TEXT_VERSION, withdrawnAt: null };
}

/** Users who may take part: anyone but a technician, or a technician with a current consent. */
export function consentedTechnician(): Prisma.UserWhereInput {
  return { OR: [{ role: { not: "TECHNICIAN" } }, { consents: { some: currentConsentWhere() } }] };
}

/**
 * What the session's own statement read (auth/user-sessions.ts sessionAccount), per Actor object, so the consent
 * gate on every page costs no statement of its own. An Actor object lives for one request; giving or withdrawing
 * consent in that request updates it here (technicians/consent.ts).
 */
const consentReadWithSession = new WeakMap<Actor, boolean>();

export function rememberConsent(actor: Actor, consented: boolean): void {
  consentReadWithSession.set(actor, consented);
}

/** Whether the gate must stop this Actor: hasConsented, answered from the session's statement when it was read there. */
export async function lacksConsent(actor: Actor): Promise<boolean> {
  if (!needsConsentToTakePart(actor)) return false;
  return !(consentReadWithSession.get(actor) ?? (await hasConsented(actor)));
}

/** Consent is asked of technicians only; everyone else counts as consented. */
export async function hasConsented(actor: Actor, client: Db | Tx = db): Promise<boolean> {
  if (!needsConsentToTakePart(actor)) return true;
  const consent = await client.technicianConsent.findFirst({ where: { userId: actor.id, ...currentConsentWhere() }, select: { id: true } });
  return consent !== null;
}

export async function assertConsented(client: Db | Tx, actor: Actor): Promise<void> {
  if (!(await hasConsented(actor, client))) {
    throw new Forbidden(
      `Before you take part in a panel, read about your role and your data, and say you agree. You can do that on the welcome page (${WELCOME_PATH}).`,
    );
  }
}
