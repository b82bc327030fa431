import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Several production servers on one PostgreSQL (tests/cluster): run by `npm test`
// after the e2e step, whose production build they reuse (`npm run test:cluster`).
// One file at a time: each starts its own servers and PostgreSQL, and the
// machine is small.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/fixtures/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    name: "cluster",
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/cluster/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
