import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Secure cookies whenever the portal is served over HTTPS. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export const authOptions: NextAuthOptions = {
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
          return { id: actor.id, email: actor.email, name: actor.name, role: actor.role };
        } catch {
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "role" in user) token.role = user.role as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
    },
  },
};

export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || null;
}
