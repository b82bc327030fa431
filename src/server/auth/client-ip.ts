import { isIP } from "node:net";

/**
 * The header the portal's own HTTP server (scripts/serve.ts) sets to the TCP
 * peer's address on every request, overwriting anything a client sent. Next.js
 * alone does not expose the socket address: it only fills X-Forwarded-For when
 * the client did not send one, so that header cannot be trusted by itself.
 */
export const PEER_ADDRESS_HEADER = "x-cocommission-peer";

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? null);
}

function cleanAddress(raw: string | undefined): string | null {
  const value = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return value && value.length <= 45 && isIP(value) ? value : null;
}

/**
 * The client's address for rate limits. With no trusted proxy (the default) it
 * is the TCP peer and X-Forwarded-For is ignored, since anyone can send it.
 * Behind N proxies, each appending the address it saw, the client is the N-th
 * entry from the right of [X-Forwarded-For..., peer]: entries further left
 * were written by the client and are ignored. Null when the peer is unknown
 * (the portal was not started through scripts/serve.ts) or not an address.
 */
export function clientIpFrom(headers: HeaderBag, trustedProxyCount: number): string | null {
  const peer = cleanAddress(header(headers, PEER_ADDRESS_HEADER) ?? undefined);
  if (!peer) return null;
  if (trustedProxyCount <= 0) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // Fewer hops than configured proxies: the leftmost is the best we have.
  const index = Math.max(0, chain.length - 1 - trustedProxyCount);
  return cleanAddress(chain[index]) ?? peer;
}

/**
 * The header scripts/serve.ts sets to the protocol of the TCP connection it
 * accepted ("http": it serves plain HTTP), overwriting anything a client sent.
 */
export const PEER_PROTOCOL_HEADER = "x-cocommission-peer-protocol";

/**
 * The protocol the client used, trusting `X-Forwarded-Proto` exactly as far as
 * `clientIpFrom` trusts `X-Forwarded-For`: with no trusted proxy (the default)
 * it is the connection's own protocol, whatever the client wrote; behind N
 * proxies, each appending the protocol it was reached by, it is the N-th entry
 * from the right (the one the outermost trusted proxy wrote). "http" when the
 * portal was not started through scripts/serve.ts and no proxy is trusted.
 */
export function clientProtocolFrom(headers: HeaderBag, trustedProxyCount: number): "https" | "http" {
  const peer = header(headers, PEER_PROTOCOL_HEADER)?.trim().toLowerCase() === "https" ? "https" : "http";
  if (trustedProxyCount <= 0) return peer;
  const forwarded = (header(headers, "x-forwarded-proto") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (forwarded.length === 0) return peer;
  const entry = forwarded[Math.max(0, forwarded.length - trustedProxyCount)];
  return entry === "https" ? "https" : "http";
}

/**
 * TRUSTED_PROXY_COUNT as src/server/env.ts reads it (a whole number from 0 to
 * 10, default 0), for code that runs before the app (src/proxy.ts); anything
 * else counts as no trusted proxy.
 */
export function trustedProxyCountFromEnv(value = process.env.TRUSTED_PROXY_COUNT): number {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}
