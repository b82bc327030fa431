// The portal's HTTP server: Next.js behind a few lines of plain Node, used by
// `npm start` and the e2e tests instead of `next start`. It exists for one
// reason: Next.js does not tell the app the TCP peer's address (it fills
// X-Forwarded-For only when the client sent none, so a client can always
// choose it). This server writes the peer into x-cocommission-peer on every
// request, overwriting anything the client sent; sign-in limits start from it
// (src/server/auth/client-ip.ts, TRUSTED_PROXY_COUNT).
//
// Usage: node scripts/serve.mjs [-p PORT] [--dev]
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PEER_ADDRESS_HEADER = "x-cocommission-peer";
const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portFlag = args.indexOf("-p");
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 3000));
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// `next start` sets this too; the build expects it.
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");
const app = next({ dev, dir, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}).listen(port, hostname, () => {
  console.log(`CoCommission listening on http://localhost:${port}${dev ? " (development)" : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
