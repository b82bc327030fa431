import { describe, expect, it } from "vitest";
import { isResourcePath, newNonce, pagePolicy, RESOURCE_POLICY, servedOverHttps } from "@/server/security-headers";

describe("the Content-Security-Policy", () => {
  it("lets pages run only scripts carrying this response's nonce: no unsafe-inline, no unsafe-eval outside development", () => {
    const policy = pagePolicy("abc123");
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pagePolicy("abc123", true)).toContain("'unsafe-eval'");
  });

  it("gives route handlers and static files a policy that runs nothing", () => {
    expect(RESOURCE_POLICY).toMatch(/^default-src 'none'/);
    for (const path of ["/api/health", "/api/auth/csrf", "/_next/static/chunks/a.js", "/_next/image", "/favicon.ico"])
      expect(isResourcePath(path)).toBe(true);
    for (const path of ["/", "/login", "/tenders/abc", "/apiary", "/_nextish"]) expect(isResourcePath(path)).toBe(false);
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends HSTS only over HTTPS, direct or behind a TLS-terminating proxy", () => {
    expect(servedOverHttps("https:", null)).toBe(true);
    expect(servedOverHttps("http:", "https")).toBe(true);
    expect(servedOverHttps("http:", "https, http")).toBe(true);
    expect(servedOverHttps("http:", "http")).toBe(false);
    expect(servedOverHttps("http:", null)).toBe(false);
  });
});
