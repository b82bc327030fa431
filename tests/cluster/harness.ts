// Real production servers (scripts/serve.ts, or the whole `npm start` path) on
// their own ports, against an embedded PostgreSQL that a test may stop and
// start again. Uses the production build the e2e step left (vitest.cluster.config.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { serverArgs } from "../../scripts/lib/build";
import { freePort, PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-db";

export const SECRET = "cluster-tests-secret-cluster-tests-secret";

export interface Database {
  url: string;
  adminUrl: string;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops PostgreSQL (fast shutdown: connections are cut), as a restart or failover does. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDatabase(name: string): Promise<Database> {
  // A plain folder under the temporary one (as root, PostgreSQL runs as "postgres", which must be able to enter it).
  const dataDir = path.join(os.tmpdir(), `cocommission-cluster-${process.pid}-${name}`, "pg");
  const port = await freePort();
  let server: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ dataDir, port });
  await server.createDatabase(name);
  const url = server.urlFor(name);
  return {
    url,
    adminUrl: server.adminUrl,
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    async destroy() {
      await server?.stop().catch(() => {});
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

export interface Instance {
  url: string;
  /** Everything the server printed (JSON log lines and the start-up script's lines). */
  output: string[];
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit: the code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

interface InstanceOptions {
  databaseUrl: string;
  env?: Record<string, string>;
  /** Start through `npm start` (migrations, then the server) instead of the server alone. */
  viaStart?: boolean;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const args = options.viaStart
    ? ["--import", "tsx", "--conditions=react-server", path.join(PROJECT_ROOT, "scripts", "start.ts")]
    : serverArgs();
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      output.push(...lines);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up:\n${output.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`The server did not start within 90 s:\n${output.join("\n")}`);
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output,
    process: child,
    exited,
    async stop(signal = "SIGTERM") {
      const began = Date.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - began };
    },
  };
}

/** The JSON lines an instance logged. */
export function logLines(instance: Instance): Record<string, unknown>[] {
  return instance.output.flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/**
 * The lines an instance logged at error level or worse (pino's 50 error, 60 fatal) since line `from` of its output:
 * a request the client got wrong must leave none (the fuzz and the malformed paths assert it).
 */
export function errorLogLines(instance: Instance, from = 0): string[] {
  return instance.output.slice(from).filter((line) => {
    if (!line.startsWith("{")) return false;
    try {
      return Number((JSON.parse(line) as { level?: unknown }).level) >= 50;
    } catch {
      return false;
    }
  });
}

/** Measured figures, printed and kept in .test-reports/cluster-figures.json for the notes. */
export function recordFigures(name: string, figures: unknown) {
  mkdirSync(".test-reports", { recursive: true });
  const file = ".test-reports/cluster-figures.json";
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  all[name] = figures;
  writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(`${name}: ${JSON.stringify(figures)}`);
}

export interface Smtp {
  url: string;
  /** Each message's text (headers and body), in the order they were accepted. */
  delivered: string[];
  /** Messages whose DATA has begun (accepted or not yet). */
  receiving: () => number;
  close(): void;
}

/** A mail server that counts what it is given and takes `delayMs` to accept each message, so senders overlap for real. */
export async function startSmtp(delayMs: number): Promise<Smtp> {
  const delivered: string[] = [];
  let receiving = 0;
  const server = net.createServer((socket) => {
    let data = false;
    let body = "";
    socket.on("error", () => {});
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString("utf8").split("\r\n")) {
        if (data) {
          if (line === ".") {
            data = false;
            const message = body;
            body = "";
            setTimeout(() => {
              delivered.push(message);
              if (!socket.destroyed) socket.write("250 queued\r\n");
            }, delayMs);
          } else body += `${line}\n`;
          continue;
        }
        if (!line) continue;
        const command = line.slice(0, 4).toUpperCase();
        if (command === "DATA") {
          data = true;
          receiving++;
          socket.write("354 go on\r\n");
        } else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    delivered,
    receiving: () => receiving,
    close: () => server.close(),
  };
}
