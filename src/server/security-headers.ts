// The Content-Security-Policy and HSTS of every response, made per request by
// src/proxy.ts. The headers that never vary (nosniff, COOP, CORP, …) are in
// next.config.ts. Pages get a fresh nonce: Next.js reads it from the request's
// CSP header and puts it on its own scripts, and 'strict-dynamic' lets those
// load the rest. No 'unsafe-inline' and (outside development) no 'unsafe-eval'.

/** The headers that never vary: next.config.ts sends them on every response, scripts/serve.ts on its own 503 page. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Its own browsing context group (no window.opener across sites) and its
  // resources readable by its own pages only.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

export const HSTS = "max-age=63072000; includeSubDomains";

/** The policy for an HTML page rendered with this nonce. */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON, CSV, scripts and styles as files: nothing in them may run or be framed. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A file's name at the end of a path (robots.txt, icon.svg, manifest.webmanifest…): the portal's pages have none. */
const FILE_NAME = /\/[^/]*\.(?:txt|ico|png|svg|jpe?g|gif|webp|webmanifest|json|xml|csv|js|css|map|woff2?)$/i;

/**
 * Route handlers and files (public/, /.well-known/, /_next/static/): no HTML
 * page is rendered, so no nonce, and a policy that runs nothing.
 */
export function isResourcePath(pathname: string): boolean {
  return (
    pathname.startsWith("/api/") ||
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image") ||
    pathname.startsWith("/.well-known/") ||
    FILE_NAME.test(pathname)
  );
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
