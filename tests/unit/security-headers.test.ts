import { describe, expect, it } from "vitest";
import { isResourcePath, newNonce, pagePolicy, RESOURCE_POLICY } from "@/server/security-headers";

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
    // Files from public/ and /.well-known/: text, icons and the manifest are not pages either.
    for (const path of [
      "/robots.txt",
      "/.well-known/security.txt",
      "/.well-known/anything",
      "/manifest.webmanifest",
      "/icon.svg",
      "/icon-192.png",
      "/apple-touch-icon.png",
    ])
      expect(isResourcePath(path), path).toBe(true);
    for (const path of [
      "/",
      "/login",
      "/tenders/abc",
      "/apiary",
      "/_nextish",
      "/words",
      "/tenders/0b9c6f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f/award",
      "/txt",
    ])
      expect(isResourcePath(path), path).toBe(false);
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
