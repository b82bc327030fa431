// Checks scripts/serve.ts makes on every request before Next.js sees it, for
// what Next.js itself would answer with a 500 (and an error in the log) though
// the client is at fault. Pure functions, tested in tests/unit/request-guard.test.ts
// and over HTTP by the cluster suite (tests/cluster/authorization-matrix.test.ts).

/**
 * A path with a percent-escape that does not decode (`/tenders/%ff`, `%E0%A4%A`, a lone `%`): Next.js answers those
 * with a bare 500 before the app or its headers run. Nothing can be at such an address: it is the client's mistake (400).
 */
export function hasMalformedEscape(url: string): boolean {
  const pathname = url.split("?")[0]!.split("#")[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
