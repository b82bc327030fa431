import { NextResponse, type NextRequest } from "next/server";
import { clientProtocolFrom, trustedProxyCountFromEnv } from "./server/auth/client-ip";
import { HSTS, isResourcePath, newNonce, pagePolicy, RESOURCE_POLICY } from "./server/security-headers";

// Every response gets its Content-Security-Policy here (a per-request nonce
// for pages, src/server/security-headers.ts), and HSTS over HTTPS.
// It also passes the requested path to server components, so a signed-out
// visitor is sent to sign-in and brought back to the page they asked for.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  // Only this proxy sets these: whatever a client sent is dropped.
  headers.delete("x-cocommission-path");
  headers.delete("x-nonce");
  let policy = RESOURCE_POLICY;
  if (!isResourcePath(pathname)) {
    const nonce = newNonce();
    policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
    headers.set("x-cocommission-path", pathname + search);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // The anonymous form is used on shared devices: no copy of it may be kept, so Back shows nothing personal.
  if (pathname === "/have-your-say" || pathname.startsWith("/have-your-say/")) response.headers.set("Cache-Control", "no-store");
  // Not request.nextUrl.protocol: Next.js takes that from X-Forwarded-Proto, which any client can send.
  // The header counts only as far as TRUSTED_PROXY_COUNT trusts X-Forwarded-For (src/server/auth/client-ip.ts).
  if (clientProtocolFrom(request.headers, trustedProxyCountFromEnv()) === "https") response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Every path, static files and route handlers included: no response goes out without a policy.
  matcher: ["/:path*"],
};
