import "server-only";
import { after } from "next/server";
import { logger } from "./logger";

/**
 * Runs work after the response has been sent, so how long it takes (or whether there was any to do) cannot be read
 * from the response time. Outside a request (tests, scripts) there is no response to wait for: it runs at once.
 * A failure is logged; it never reaches the person who asked.
 */
export async function afterResponse(what: string, task: () => Promise<void>): Promise<void> {
  const run = () => task().catch((error: unknown) => logger.error({ err: error }, `${what} failed`));
  try {
    after(run);
  } catch {
    await run();
  }
}
