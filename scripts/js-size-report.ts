// `npm run report:js`: first-load JavaScript of every route of the last
// production build, gzip-compressed, and the technician pages' budget.
import path from "node:path";
import { measureRoutes, TECHNICIAN_BUDGET_BYTES, TECHNICIAN_ROUTE } from "./lib/js-size";
import { PROJECT_ROOT } from "./lib/embedded-db";

const sizes = measureRoutes(path.join(PROJECT_ROOT, ".next"));
if (sizes.length === 0) {
  console.error("No production build found: run `npm run build` (or `npm start`) first.");
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(...sizes.map((s) => s.route.length));
console.log(`${"route".padEnd(width)}  first-load JS (gzip)`);
for (const s of sizes)
  console.log(`${s.route.padEnd(width)}  ${kb(s.gzipBytes).padStart(9)}${TECHNICIAN_ROUTE.test(s.route) ? "  (technician)" : ""}`);
const over = sizes.filter((s) => TECHNICIAN_ROUTE.test(s.route) && s.gzipBytes > TECHNICIAN_BUDGET_BYTES);
if (over.length > 0) {
  console.error(
    `\nOver the ${kb(TECHNICIAN_BUDGET_BYTES)} budget for technician pages: ${over.map((s) => `${s.route} (${kb(s.gzipBytes)})`).join(", ")}`,
  );
  process.exit(1);
}
console.log(`\nEvery technician page is under ${kb(TECHNICIAN_BUDGET_BYTES)}.`);
