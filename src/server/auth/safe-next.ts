// Where to go after signing in: only a path on the portal itself.
//
// Browsers normalise what they are given before following it: they drop tabs
// and newlines, read "\" as "/", and treat "//host" as another site. So
// instead of looking at the string, it is parsed as a URL against the portal's
// own origin (exactly as a browser would resolve it) and accepted only when it
// stays on that origin. What is returned is the re-serialised path, never the
// raw input, so nothing the parser did not see reaches the Location header.

const PLACEHOLDER_ORIGIN = "https://portal.invalid";

/** A same-origin path (with query and fragment) to redirect to, or null. */
export function safeNext(next: string | null | undefined): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return null;
  // Only relative paths: an absolute URL, even to the portal, is refused, as is
  // anything that does not start with a single slash once browsers cleaned it.
  if (!next.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  // "/%2F/evil" and "/%5Cevil" stay same-origin here, but some servers and
  // proxies decode them back to "//evil": refuse encoded slashes at the start.
  if (/^\/(%2f|%5c)/i.test(url.pathname)) return null;
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return null;
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: what we hand back must itself start with exactly one slash.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
