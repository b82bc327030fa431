import "server-only";
import { wallClock } from "../clock";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { logger } from "../logger";
import { clientIpFrom } from "./client-ip";
import { safeNext } from "./safe-next";
import { authenticate } from "./sign-in";
import { createUserSession, revokeUserSession } from "./user-sessions";
import { deviceLabel } from "./device-label";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Secure cookies whenever the portal is served over HTTPS. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** A session cookie that does not decode (forged, truncated, another secret's): the client's doing, not a fault here. */
function isForeignToken(metadata: unknown): boolean {
  const name =
    (metadata as { name?: unknown; error?: { name?: unknown } } | null)?.name ??
    (metadata as { error?: { name?: unknown } } | null)?.error?.name;
  return typeof name === "string" && /^(JWE|JWT|JWS|JOSE)/.test(name);
}

export const authOptions: NextAuthOptions = {
  // next-auth's messages as the portal's JSON log lines; a cookie that is not a session of ours is a warning, not an error.
  logger: {
    error(code, metadata) {
      if (isForeignToken(metadata)) logger.warn({ code }, "next-auth: a session cookie that does not decode");
      else logger.error({ code, err: metadata }, "next-auth error");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  cookies: {
    sessionToken: {
      name: sessionCookieName(),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
    },
  },
  providers: [
    // The portal's own sign-in form posts to a server action (it works without
    // JavaScript); this provider serves next-auth's API with the same checks.
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const actor = await authenticate({
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            ip: clientIp(req.headers ?? {}),
          });
          return {
            id: actor.id,
            email: actor.email,
            name: actor.name,
            role: actor.role,
            device: deviceLabel(header(req.headers, "user-agent")),
          };
        } catch {
          return null;
        }
      },
    }),
  ],
  callbacks: {
    // next-auth's default parses `callbackUrl` with `new URL()` unguarded, so "?callbackUrl=---" was a 500;
    // and only a path on the portal is followed, as after the portal's own sign-in form (safe-next.ts).
    redirect({ url, baseUrl }) {
      const path = safeNext(url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
    async jwt({ token, user }) {
      // Signing in through next-auth's own API: start a server-side session too.
      if (user && "role" in user) {
        token.role = user.role as string;
        token.sid = await createUserSession(
          user.id,
          SESSION_MAX_AGE_SECONDS,
          wallClock(),
          "device" in user && typeof user.device === "string" ? user.device : null,
        );
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, sid: token.sid } };
    },
  },
  events: {
    async signOut({ token }) {
      await revokeUserSession(token?.sid);
    },
  },
};

function header(headers: Record<string, string | string[] | undefined> | Headers | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The client's address for sign-in limits (see client-ip.ts: X-Forwarded-For only behind TRUSTED_PROXY_COUNT proxies). */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  return clientIpFrom(headers, env().TRUSTED_PROXY_COUNT);
}
