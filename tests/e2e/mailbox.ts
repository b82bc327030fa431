import { createDecipheriv, hkdfSync } from "node:crypto";
import { expect } from "@playwright/test";
import pg from "pg";

// The e2e server has no mail server: emails stay in the outbox table, where a link meant only for its recipient is
// kept encrypted (src/server/notifications/outbox-secret.ts). This reads the newest email of a kind to an address
// as the sender would deliver it, the way a person would open their inbox.

function openSecrets(sealed: string): Record<string, string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: run the e2e tests with npm run test:e2e");
  const key = Buffer.from(hkdfSync("sha256", secret, "cocommission-outbox", "outbox secret v1", 32));
  const [, iv, tag, body] = sealed.split(".");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv!, "base64url"));
  decipher.setAuthTag(Buffer.from(tag!, "base64url"));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body!, "base64url")), decipher.final()]).toString("utf8")) as Record<
    string,
    string
  >;
}

export interface Delivered {
  subject: string;
  text: string;
}

async function newest(to: string, template: string): Promise<{ subject: string; text: string; secret: string | null } | null> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ subject: string; text: string; secret: string | null }>(
      `SELECT subject, text, secret FROM "OutboxMessage" WHERE "to" = $1 AND template = $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, template],
    );
    return rows[0] ?? null;
  } finally {
    await client.end();
  }
}

/** Waits for the email (it may be queued just after the page answered) and returns it as delivered. */
export async function emailTo(to: string, template: string): Promise<Delivered> {
  let found: Awaited<ReturnType<typeof newest>> = null;
  await expect.poll(async () => (found = await newest(to, template)) !== null, { timeout: 10_000 }).toBe(true);
  let text = found!.text;
  if (found!.secret) for (const [marker, value] of Object.entries(openSecrets(found!.secret))) text = text.split(marker).join(value);
  return { subject: found!.subject, text };
}

export function linkIn(email: Delivered, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\S+`).exec(email.text);
  if (!match) throw new Error(`No ${path} link in: ${email.text}`);
  return new URL(match[0]).pathname;
}
