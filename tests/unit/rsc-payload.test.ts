// Issue 28: bench:profile printed "0 KB RSC payload" on every page because its
// pattern expected a bare <script>, while the portal's inline scripts carry the CSP nonce.
import { describe, expect, it } from "vitest";
import { rscPayloadBytes } from "../../scripts/bench/rsc-payload";

describe("the RSC payload measured by bench:profile", () => {
  it("counts inline payload scripts that carry a nonce, and only those", () => {
    const html =
      '<html><body><p>Hello</p><script nonce="abc123">self.__next_f.push([1,"0:{}"])</script>' +
      '<script nonce="abc123" async="">self.__next_f.push([1,"1:é"])</script>' +
      '<script nonce="abc123" src="/_next/static/chunks/main.js"></script>' +
      '<script nonce="abc123">window.other = 1</script></body></html>';
    expect(rscPayloadBytes(html)).toBe(Buffer.byteLength('[1,"0:{}"]') + Buffer.byteLength('[1,"1:é"]'));
  });

  it("is 0 for a page without any", () => {
    expect(rscPayloadBytes("<html><body><p>Static</p></body></html>")).toBe(0);
  });
});
