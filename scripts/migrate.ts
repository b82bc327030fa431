// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { migrate } from "./lib/migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Set it to a PostgreSQL connection string (npm start sets it for the embedded database).");
  process.exit(1);
}
try {
  const result = await migrate(url);
  console.log(result.applied.length ? `Applied: ${result.applied.join(", ")}` : `Up to date (${result.alreadyApplied} migrations).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
