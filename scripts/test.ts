// `npm test`: every check, in order, stopping at the first failure:
// lint, typecheck, unit + integration (Vitest), e2e (Playwright in Chromium).
import { spawnSync } from "node:child_process";
import { findChromium, CHROMIUM_HINT } from "./lib/chromium";

// Fail at once, before a long build, when the e2e tests could not run.
if (!findChromium()) {
  console.error(CHROMIUM_HINT);
  process.exit(1);
}

const steps: [string, string[]][] = [
  ["lint", ["npm", "run", "--silent", "lint"]],
  ["typecheck", ["npm", "run", "--silent", "typecheck"]],
  ["unit and integration tests", ["npx", "vitest", "run"]],
  ["end-to-end tests", ["npm", "run", "--silent", "test:e2e"]],
];

for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(cmd!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log("\nAll checks passed.");
