// `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL and
// names the first broken link. Exit code 0 when intact, 1 when broken.
import { verifyAuditChain } from "../src/server/audit-trail/chain";
import { db } from "../src/server/db";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. Set it to the PostgreSQL database whose audit log you want to check.");
  process.exit(1);
}
try {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit log intact: ${result.checked} events checked, each linked to the one before it.`);
  } else {
    const at = result.brokenAt.at ? ` (${result.brokenAt.at.toISOString()}, ${result.brokenAt.action})` : "";
    console.error(`Audit log BROKEN at event ${result.brokenAt.id}${at}: ${result.reason}`);
    console.error(`${result.checked} events before it are intact.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
