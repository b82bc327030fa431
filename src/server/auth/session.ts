import "server-only";
import { wallClock } from "../clock";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { decode, encode } from "next-auth/jwt";
import { cache } from "react";
import { canUseSection, needsConsentToTakePart, type Section } from "../policy";
import { env } from "../env";
import { lacksConsent, rememberConsent, WELCOME_PATH } from "../consent-gate";
import { requestContext } from "../logger";
import type { Actor } from "./actor";
import { deviceLabel } from "./device-label";
import { actorKnowsOfTender } from "../tenders/queries";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName } from "./device-cookie";
import { createUserSession, revokeUserSession, sessionAccount } from "./user-sessions";
import { clientIp, SESSION_MAX_AGE_SECONDS, sessionCookieName, secureCookies } from "./options";

// The one session helper: pages and actions get the Actor here and nowhere else.

/**
 * The signed-in Actor, or null. The session record and the account are loaded
 * from the database on every request (one statement, user-sessions.ts
 * sessionAccount), so a signed-out session or a disabled account is out at
 * once, on every instance. The cookie is next-auth's JWT, decoded once here:
 * next-auth's getServerSession would also encode a fresh one that a server
 * component cannot set.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionToken();
  if (!token?.sub) return null;
  const account = await sessionAccount(token.sid, token.sub);
  if (!account) return null;
  rememberConsent(account.actor, account.consented);
  // For the server's request log line (scripts/serve.ts), so it need not decode the cookie again.
  const context = requestContext.getStore();
  if (context) context.actorId = account.actor.id;
  return account.actor;
});

/** The session cookie, decoded once per request. */
const sessionToken = cache(async () => {
  const cookie = (await cookies()).get(sessionCookieName())?.value;
  if (!cookie) return null;
  return decode({ secret: env().NEXTAUTH_SECRET, token: cookie }).catch(() => null);
});

/** The id of the session this request is made in (its UserSession row), or null: "this device" on My account. */
export const currentSessionId = cache(async (): Promise<string | null> => {
  const sid = (await sessionToken())?.sid;
  return typeof sid === "string" ? sid : null;
});

/** The path being requested (set by src/proxy.ts); for a server action, the page it was posted from. */
async function requestedPath(): Promise<string> {
  return (await headers()).get("x-cocommission-path") ?? "/";
}

/** A young commissioner who has not agreed to the current welcome text (once per request). */
export const needsConsent = cache(lacksConsent);

/**
 * Pages a young commissioner may open without a current consent: the welcome
 * page, their paid-time overview, so someone who withdrew can still see
 * what they are owed and what has been paid (logging new time stays gated),
 * and My account (their password, sessions and own data, and closing the account).
 */
function openWithoutConsent(path: string): boolean {
  const bare = path.split("?")[0]!;
  return (
    bare === WELCOME_PATH || bare.startsWith(`${WELCOME_PATH}/`) || bare === "/time" || bare === "/account" || bare.startsWith("/account/")
  );
}

/**
 * The Actor, or a redirect to sign-in. With a section: a 403 page for a role
 * that may not use it. A young commissioner without a current consent is sent
 * to the welcome page from every other page and form (informed consent comes
 * before anything else); signing out does not come through here.
 */
export async function requireActor(section?: Section): Promise<Actor> {
  const actor = await requireSignedIn();
  // The welcome section is open by name as well as by path: after a server action (signing in) redirects, the
  // next page renders in the action's own request, whose path is the form's (/login), and would loop.
  if (needsConsentToTakePart(actor) && section !== "welcome" && !openWithoutConsent(await requestedPath()) && (await needsConsent(actor)))
    redirect(WELCOME_PATH);
  if (section && !canUseSection(actor, section)) forbidden();
  return actor;
}

/**
 * requireActor("tenders") for the pages of one tender. Someone whose role does not use those pages gets 403, except a
 * governor of another establishment (or anyone, for an id that is no tender): 404, as on that tender's sign-offs,
 * letters, agreements and contracts. One answer for "not yours" (policy "tender.knowOf").
 */
export async function requireActorForTender(tenderId: string): Promise<Actor> {
  const actor = await requireActor();
  if (canUseSection(actor, "tenders")) return actor;
  if (!(await actorKnowsOfTender(actor, tenderId))) notFound();
  forbidden();
}

/**
 * The Actor, or a redirect to sign-in; no consent gate. For the portal's
 * layout, which wraps the welcome page too: each page gates with requireActor.
 */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(await requestedPath())}`);
  return actor;
}

/** Starts a session for an authenticated Actor (sign-in form): a row in UserSession, its id in the next-auth JWT. */
export async function startSession(actor: Actor): Promise<void> {
  const sid = await createUserSession(actor.id, SESSION_MAX_AGE_SECONDS, wallClock(), deviceLabel((await headers()).get("user-agent")));
  const token = await encode({
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: actor.id, name: actor.name, email: actor.email, role: actor.role, sid },
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** The browser's device cookie (device-cookie.ts), as it came. */
export async function deviceCookie(): Promise<string | null> {
  return (await cookies()).get(deviceCookieName(secureCookies()))?.value ?? null;
}

/** After a successful sign-in: this browser is now a known device for the account (device-cookie.ts). */
export async function rememberDevice(value: string): Promise<void> {
  (await cookies()).set(deviceCookieName(secureCookies()), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

/** Signs out: ends the session record (so a copy of the cookie stops working too), then drops the cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const cookie = jar.get(sessionCookieName())?.value;
  if (cookie) {
    const token = await decode({ secret: env().NEXTAUTH_SECRET, token: cookie }).catch(() => null);
    await revokeUserSession(token?.sid);
  }
  jar.delete(sessionCookieName());
}

export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
