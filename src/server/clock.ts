import "server-only";
import { readFileSync } from "node:fs";
import { cache } from "react";

/**
 * "Now" for use cases and queries. In production it is the system clock.
 * End-to-end tests move it (past a deadline, through standstill) by writing
 * an offset in milliseconds to the file named in COCOMMISSION_TEST_CLOCK_FILE;
 * that variable is set only by scripts/e2e.ts, never in production.
 */
export function now(): Date {
  const file = process.env.COCOMMISSION_TEST_CLOCK_FILE;
  if (!file) return new Date();
  try {
    const offset = Number(readFileSync(file, "utf8").trim());
    return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
  } catch {
    return new Date();
  }
}

/**
 * Real time, never moved by the tests' clock: for what must follow the wall clock whatever the product's "now" is —
 * sessions and their expiry, sign-in throttles, the outbox's retries, the audit trail's timestamps and the demo's
 * seeding. Everything else takes `now()` (as a `now = clockNow()` parameter). ESLint refuses `new Date()` with no
 * arguments in src/server outside this file.
 */
export function wallClock(): Date {
  return new Date();
}

/**
 * One "now" for a whole page request: the page and its title (generateMetadata)
 * pass the same Date, so the page's loader, wrapped in React's cache(), runs once.
 */
export const requestNow = cache((): Date => now());
