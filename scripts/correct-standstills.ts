// `npm run db:correct-standstills`: the one-off correction of issue 17. Standstills
// running when the count was fixed to PSR regulation 12 are moved to the correct,
// later end if theirs was short (never earlier), audited, and bidders are told.
// `npm start` runs it after the migrations; safe to run again. Needs DATABASE_URL
// and NEXTAUTH_URL (links in the emails).
import { correctRunningStandstills } from "../src/server/awards/correct-standstills";
import { db } from "../src/server/db";
import { formatLondon } from "../src/domain/london-time";

try {
  const corrections = await correctRunningStandstills();
  for (const c of corrections) {
    console.log(
      `Standstill of award ${c.awardDecisionId} moved from ${formatLondon(c.from, "dateTime")} to ${formatLondon(c.to, "dateTime")}.`,
    );
  }
  if (corrections.length === 0) console.log("No running standstill needed correcting.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
