import { describe, expect, it } from "vitest";
import { bodyLimitFor, FORM_BODY_LIMIT, hasMalformedEscape, isPossibleAction, refusePost, UPLOAD_BODY_LIMIT } from "@/server/request-guard";

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

describe("POSTs to pages refused before Next.js reads them", () => {
  const post = (url: string, headers: Record<string, string>) => ({ method: "POST", url, headers: { host: "portal.example", ...headers } });
  const action = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };

  it("a server action call from another site is a 403, as Next.js compares origins (X-Forwarded-Host first)", () => {
    expect(refusePost(post("/tenders", { ...action, origin: "https://evil.example" }))?.status).toBe(403);
    expect(refusePost(post("/tenders", { ...action, origin: "null" }))?.status).toBe(403);
    expect(refusePost(post("/tenders", { ...action, origin: "not a url" }))?.status).toBe(403);
    expect(
      refusePost(post("/tenders", { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }))?.status,
    ).toBe(403);
    expect(refusePost(post("/tenders", { ...action, origin: "https://portal.example" }))).toBeNull();
    expect(refusePost(post("/tenders", { ...action, origin: "https://portal.example", "x-forwarded-host": "evil.example" }))?.status).toBe(
      403,
    );
    expect(refusePost(post("/tenders", { ...action, origin: "https://proxy.example", "x-forwarded-host": "proxy.example, x" }))).toBeNull();
    // No Origin (not a browser): let through, as Next.js does; not an action (a plain form POST): Next.js does not run it.
    expect(refusePost(post("/tenders", action))).toBeNull();
    expect(
      refusePost(post("/tenders", { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" })),
    ).toBeNull();
  });

  it("a body over 1 MB is a 413, over 12 MB on the pages that upload files; one of unknown length a 411", () => {
    const same = { ...action, origin: "https://portal.example" };
    expect(refusePost(post("/tenders/x/edit", { ...same, "content-length": String(FORM_BODY_LIMIT) }))).toBeNull();
    expect(refusePost(post("/tenders/x/edit", { ...same, "content-length": String(FORM_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(refusePost(post("/tenders/x/edit", { ...same, "content-length": "lots" }))?.status).toBe(413);
    expect(refusePost(post("/opportunities/x/bid", { ...same, "content-length": String(10 * 1024 * 1024) }))).toBeNull();
    expect(refusePost(post("/letters/x", { ...same, "content-length": String(UPLOAD_BODY_LIMIT) }))).toBeNull();
    expect(refusePost(post("/letters/x", { ...same, "content-length": String(UPLOAD_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(refusePost(post("/letters/x/y", { ...same, "content-length": String(FORM_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(refusePost(post("/login", { ...same, "transfer-encoding": "chunked" }))?.status).toBe(411);
  });

  it("leaves route handlers (/api/…) and other methods alone: they bound their own input", () => {
    expect(
      refusePost(post("/api/auth/callback/credentials", { "content-length": String(50 * 1024 * 1024), origin: "https://evil.example" })),
    ).toBeNull();
    expect(refusePost({ method: "GET", url: "/tenders", headers: { "content-length": String(50 * 1024 * 1024) } })).toBeNull();
    expect(bodyLimitFor("/api/health")).toBeNull();
    expect(isPossibleAction({ method: "POST", headers: { "next-action": "x" } })).toBe(true);
    expect(isPossibleAction({ method: "POST", headers: { "content-type": "multipart/form-data; boundary=y" } })).toBe(true);
    expect(isPossibleAction({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } })).toBe(false);
    expect(isPossibleAction({ method: "GET", headers: { "next-action": "x" } })).toBe(false);
  });
});
