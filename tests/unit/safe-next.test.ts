import { describe, expect, it } from "vitest";
import { safeNext } from "@/server/auth/safe-next";

// Every way of writing "another site" that browsers turn into one when they
// follow a redirect: none of them may leave the portal.
const REFUSED: [string, string][] = [
  ["the reported tab trick (/%09/ decoded)", "/\t/evil.example"],
  ["a tab between the slashes at the start", "/\t\t/evil.example"],
  ["a newline between the slashes", "/\n/evil.example"],
  ["a carriage return between the slashes", "/\r/evil.example"],
  ["CR LF between the slashes", "/\r\n/evil.example"],
  ["a protocol-relative URL", "//evil.example"],
  ["three slashes", "///evil.example"],
  ["slash backslash", "/\\evil.example"],
  ["slash backslash slash", "/\\/evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["a backslash then slash", "\\/evil.example"],
  ["an encoded slash after the first", "/%2F/evil.example"],
  ["an encoded slash, lower case", "/%2f%2fevil.example"],
  ["an encoded backslash", "/%5Cevil.example"],
  ["a path that climbs back to //", "/..//evil.example"],
  ["a dot segment before //", "/.//evil.example"],
  ["javascript:", "javascript:alert(document.cookie)"],
  ["JavaScript: with a leading space", " javascript:alert(1)"],
  ["javascript: with a tab inside", "java\tscript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["an absolute https URL", "https://evil.example/"],
  ["an absolute http URL", "http://evil.example"],
  ["an absolute URL without slashes", "https:evil.example"],
  ["an absolute URL to the portal itself", "http://localhost:3000/tenders"],
  ["a leading space before //", " //evil.example"],
  ["a leading tab before //", "\t//evil.example"],
  ["a user-info trick", "//portal@evil.example"],
  ["a full-width solidus pair", "／／evil.example"],
  ["an ideographic full stop host", "//evil。example"],
  ["a relative path without a slash", "evil.example"],
  ["the sign-in page itself (a loop)", "/login"],
  ["the sign-in page with a query", "/login?next=/tenders"],
  ["an empty value", ""],
  ["a very long value", `/${"a".repeat(3000)}`],
];

const KEPT: [string, string, string][] = [
  ["a simple path", "/tenders", "/tenders"],
  ["a path with a query and fragment", "/tenders/abc?tab=bids#q1", "/tenders/abc?tab=bids#q1"],
  ["the home page", "/", "/"],
  ["an encoded tab inside a path stays a path", "/%09/evil.example", "/%09/evil.example"],
  ["a colon later in a path stays a path", "/javascript:alert(1)", "/javascript:alert(1)"],
  ["a full-width solidus after the slash is just a path", "/／evil.example", "/%EF%BC%8Fevil.example"],
  ["a unicode path is encoded", "/tenders/é", "/tenders/%C3%A9"],
  ["a path starting with login-like words", "/loginhelp", "/loginhelp"],
];

describe("where to go after signing in", () => {
  it.each(REFUSED)("refuses %s", (_what, next) => {
    expect(safeNext(next)).toBeNull();
  });

  it.each(KEPT)("keeps %s on the portal", (_what, next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it("refuses a missing value", () => {
    expect(safeNext(undefined)).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it("never returns anything a browser would resolve to another origin", () => {
    for (const [, next] of [...REFUSED, ...KEPT.map(([w, n]) => [w, n] as [string, string])]) {
      const result = safeNext(next);
      if (result === null) continue;
      expect(new URL(result, "https://portal.example").origin).toBe("https://portal.example");
    }
  });
});
