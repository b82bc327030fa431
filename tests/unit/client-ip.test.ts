import { describe, expect, it } from "vitest";
import {
  clientIpFrom,
  clientProtocolFrom,
  PEER_ADDRESS_HEADER,
  PEER_PROTOCOL_HEADER,
  trustedProxyCountFromEnv,
} from "@/server/auth/client-ip";

const h = (peer: string | null, xff?: string) =>
  new Headers({ ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("the client address used for sign-in limits", () => {
  it("with no trusted proxy (the default) is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientIpFrom(h("203.0.113.5"), 0)).toBe("203.0.113.5");
    expect(clientIpFrom(h("203.0.113.5", "1.2.3.4"), 0)).toBe("203.0.113.5");
    expect(clientIpFrom(h("203.0.113.5", "1.2.3.4, 5.6.7.8"), 0)).toBe("203.0.113.5");
  });

  it("behind one proxy is the address that proxy saw (the last X-Forwarded-For entry), not what the client wrote", () => {
    expect(clientIpFrom(h("10.0.0.2", "198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(clientIpFrom(h("10.0.0.2", "6.6.6.6, 198.51.100.9"), 1)).toBe("198.51.100.9");
  });

  it("behind two proxies skips both", () => {
    expect(clientIpFrom(h("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1"), 2)).toBe("198.51.100.9");
  });

  it("takes the leftmost entry when the chain is shorter than the configured proxies", () => {
    expect(clientIpFrom(h("10.0.0.2", "198.51.100.9"), 3)).toBe("198.51.100.9");
    expect(clientIpFrom(h("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("unwraps IPv4-mapped IPv6 and keeps IPv6", () => {
    expect(clientIpFrom(h("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIpFrom(h("2001:db8::1"), 0)).toBe("2001:db8::1");
  });

  it("refuses what is not an address and is null without the portal's own peer header", () => {
    expect(clientIpFrom(h(null, "1.2.3.4"), 0)).toBeNull();
    expect(clientIpFrom(h(null, "1.2.3.4"), 1)).toBeNull();
    expect(clientIpFrom(h("not an address"), 0)).toBeNull();
    expect(clientIpFrom(h("10.0.0.2", `${"9".repeat(5000)}`), 1)).toBe("10.0.0.2");
  });
});

const p = (peer: string | null, proto?: string) =>
  new Headers({ ...(peer ? { [PEER_PROTOCOL_HEADER]: peer } : {}), ...(proto !== undefined ? { "x-forwarded-proto": proto } : {}) });

describe("the protocol the client used (HSTS is sent only over HTTPS)", () => {
  it("with no trusted proxy (the default) is the connection's own, whatever X-Forwarded-Proto says", () => {
    expect(clientProtocolFrom(p("http", "https"), 0)).toBe("http");
    expect(clientProtocolFrom(p("http", "https, https"), 0)).toBe("http");
    expect(clientProtocolFrom(p(null, "https"), 0)).toBe("http");
    expect(clientProtocolFrom(p("https"), 0)).toBe("https");
  });

  it("behind one proxy is what that proxy wrote (the last entry), not what the client wrote", () => {
    expect(clientProtocolFrom(p("http", "https"), 1)).toBe("https");
    expect(clientProtocolFrom(p("http", "HTTPS"), 1)).toBe("https");
    expect(clientProtocolFrom(p("http", "http"), 1)).toBe("http");
    expect(clientProtocolFrom(p("http", "https, http"), 1)).toBe("http");
    expect(clientProtocolFrom(p("http", "http, https"), 1)).toBe("https");
  });

  it("behind two proxies is what the outer one wrote; the leftmost when the chain is shorter; the connection's without one", () => {
    expect(clientProtocolFrom(p("http", "http, https, http"), 2)).toBe("https");
    expect(clientProtocolFrom(p("http", "https, http, http"), 2)).toBe("http");
    expect(clientProtocolFrom(p("http", "https"), 3)).toBe("https");
    expect(clientProtocolFrom(p("http"), 1)).toBe("http");
    expect(clientProtocolFrom(p("http", " , "), 1)).toBe("http");
  });

  it("reads TRUSTED_PROXY_COUNT as the app does: a whole number from 0 to 10, else no trusted proxy", () => {
    expect(trustedProxyCountFromEnv(undefined)).toBe(0);
    expect(trustedProxyCountFromEnv("1")).toBe(1);
    expect(trustedProxyCountFromEnv("10")).toBe(10);
    for (const v of ["11", "-1", "1.5", "many"]) expect(trustedProxyCountFromEnv(v), v).toBe(0);
  });
});
