import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { authOptions, secureCookies, sessionCookieName } from "@/server/auth/options";
import { sessionAccount } from "@/server/auth/user-sessions";
import { env } from "@/server/env";

const nextAuth = NextAuth(authOptions);

/** next-auth's own check: an absolute http(s) URL, or a path. */
function validCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth answers a malformed `callbackUrl` (query or cookie) or a body
 * that claims to be JSON and is not with a 500; it is the caller's mistake, so a 400.
 */
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const url = new URL(request.url);
  // Signing in with a password is a POST; next-auth answers a GET to its callback with a 500 ("not supported").
  if (request.method === "GET" && /^\/api\/auth\/callback\/credentials\/?$/.test(url.pathname)) {
    return Response.json({ error: "Sign in from the sign-in page." }, { status: 405, headers: { Allow: "POST" } });
  }
  const fromCookie = /(?:^|;\s*)(?:__Secure-)?next-auth\.callback-url=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1];
  const candidates = [url.searchParams.get("callbackUrl"), fromCookie === undefined ? null : safeDecode(fromCookie)];
  if (candidates.some((c) => c !== null && c !== "" && (c === undefined || !validCallbackUrl(c, url.origin)))) {
    return Response.json({ error: "That callbackUrl is not a valid address." }, { status: 400 });
  }
  // next-auth reads a body sent as JSON with an unguarded `request.json()`: one that is not JSON was a 500.
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      await request.clone().json();
    } catch {
      return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
    }
  }
  // A session that was signed out, revoked, has expired or whose account is disabled, or a cookie that is not ours,
  // is no session: next-auth would answer with the user's name, email, id and role from the signed JWT alone and
  // re-issue the cookie. The answer is next-auth's for no session, and the browser is told to drop the cookie.
  if (/^\/api\/auth\/session\/?$/.test(url.pathname)) {
    const cookieName = sessionCookieName();
    const cookie = readCookie(request.headers.get("cookie"), cookieName);
    if (cookie !== undefined && !(await isLiveSession(cookie))) {
      return Response.json(
        {},
        {
          headers: {
            "Cache-Control": "private, no-cache, no-store",
            "Set-Cookie": `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`,
          },
        },
      );
    }
  }
  return nextAuth(request, context) as Promise<Response>;
}

/** The session cookie's JWT decodes with the portal's secret and names a session that is still live (one query). */
async function isLiveSession(cookie: string): Promise<boolean> {
  const token = await decode({ secret: env().NEXTAUTH_SECRET, token: cookie }).catch(() => null);
  return !!token?.sub && (await sessionAccount(token.sid, token.sub)) !== null;
}

function cookiePairs(header: string | null): [string, string][] {
  return (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
    });
}

function readCookie(header: string | null, name: string): string | undefined {
  return cookiePairs(header).find(([k]) => k === name)?.[1];
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export { handler as GET, handler as POST };
