import "server-only";
import { z } from "zod";

const DEFAULT_SUPPORT_CONTACT = "Your participation lead at NHS England London: participation@nhs.example";

// The environment, read once and validated. Lazy so that `next build` (which
// imports server modules) does not need a database or secrets.
const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set: run `npm start`, which sets it, or set it yourself"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("CoCommission <no-reply@cocommission.localhost>"),
  /** Who young commissioners can talk to: shown on their welcome page, in plain words. */
  SUPPORT_CONTACT: z
    .string()
    .trim()
    .transform((v) => v || DEFAULT_SUPPORT_CONTACT)
    .default(DEFAULT_SUPPORT_CONTACT),
  /**
   * How many reverse proxies in front of the portal append to X-Forwarded-For.
   * 0 (default): the header is ignored and the TCP peer is the client.
   */
  TRUSTED_PROXY_COUNT: z.coerce
    .number({ error: "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10" })
    .int("TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .min(0, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .max(10, "TRUSTED_PROXY_COUNT must be a whole number from 0 to 10")
    .default(0),
  /** OCDS: "ocds-" plus the publisher's 6-character registered prefix; every ocid starts with it. */
  OCDS_OCID_PREFIX: z
    .string()
    .regex(
      /^ocds-[a-z0-9]{6}$/,
      'OCDS_OCID_PREFIX must be "ocds-" and the 6 letters or digits registered for your publisher, e.g. ocds-b5fd17',
    )
    .default("ocds-cocomm"),
  OCDS_PUBLISHER_NAME: z.string().trim().min(1).default("NHS England"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
