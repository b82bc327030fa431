import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

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
  return nextAuth(request, context) as Promise<Response>;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export { handler as GET, handler as POST };
