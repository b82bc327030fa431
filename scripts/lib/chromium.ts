import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Debian's Chromium (or PLAYWRIGHT_CHROMIUM_EXECUTABLE): Playwright's own browser download is not used. */
export function findChromium(): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_HINT =
  "No Chromium found for the e2e tests: install it (sudo apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.";
