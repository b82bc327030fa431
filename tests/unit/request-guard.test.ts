import { describe, expect, it } from "vitest";
import { hasMalformedEscape } from "@/server/request-guard";

describe("paths refused before Next.js sees them", () => {
  it("are those with a percent-escape that does not decode", () => {
    for (const url of ["/tenders/%ff", "/contracts/%E0%A4%A", "/panels/%", "/letters/x/%zz", "/api/ocds/tenders/%C0%AF", "/a%ff?x=1"])
      expect(hasMalformedEscape(url), url).toBe(true);
  });

  it("are not paths that decode, whatever the query string holds", () => {
    for (const url of [
      "/",
      "/tenders/abc",
      "/tenders/%2F..%2F",
      "/words?x=%ff",
      "/login?next=%E0%A4%A",
      "/%C3%A9",
      "/api/auth/session#%ff",
    ])
      expect(hasMalformedEscape(url), url).toBe(false);
  });
});
