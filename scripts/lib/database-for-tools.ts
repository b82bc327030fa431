// The database a maintenance script works on: DATABASE_URL, or the embedded
// default — the one `npm start` is running, or started here for the job.
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT, startEmbeddedPostgres } from "./embedded-db";

export async function withDatabase<T>(job: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return job(process.env.DATABASE_URL);
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/cocommission`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  const running = await probe.connect().then(
    () => true,
    () => false,
  );
  await probe.end().catch(() => {});
  if (running) return job(url);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data", "postgres"), port });
  try {
    await embedded.createDatabase("cocommission");
    return await job(embedded.urlFor("cocommission"));
  } finally {
    await embedded.stop();
  }
}
