import "server-only";
import { createHash } from "node:crypto";

/**
 * SHA-256 of a canonical JSON (keys sorted, undefined dropped, BigInt as a
 * string), so the same content always gives the same hash — also after a
 * round trip through a jsonb column, which does not keep key order. Bid
 * receipts and every sign-off (award decisions, agreement versions) bind to it.
 */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * SHA-256 of a text or file as it is stored: the fingerprint the audit chain
 * keeps of what people wrote (representations, clarifications), so
 * `npm run audit:verify` can tell when a stored text no longer matches it.
 */
export function textFingerprint(value: string | Uint8Array): string {
  return createHash("sha256").update(value).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
