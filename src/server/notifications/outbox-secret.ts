import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

// Some emails carry something only their recipient may read (an invitation
// link is a key to an account). The outbox stores such values encrypted, and
// the text holds a marker where they go: admins reading the outbox, and
// anyone reading a database backup, see the marker, never the value. The one
// sender fills them in at delivery.

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "cocommission-outbox", "outbox secret v1", 32));
}

/** Encrypts marker → value pairs (AES-256-GCM); the result is what the outbox row stores. */
export function sealSecrets(values: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function openSecrets(sealed: string): Record<string, string> {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unreadable outbox secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const json = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  return JSON.parse(json) as Record<string, string>;
}

/** The text as delivered: every marker replaced by its value. */
export function fillSecrets(text: string, sealed: string | null): string {
  if (!sealed) return text;
  let out = text;
  for (const [marker, value] of Object.entries(openSecrets(sealed))) out = out.split(marker).join(value);
  return out;
}
