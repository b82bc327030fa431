// `npm run db:seed`: seeds the demo into DATABASE_URL (idempotent).
import { seedDemo } from "../src/server/demo/demo-scenario";
import { db } from "../src/server/db";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. Set it to the PostgreSQL database to seed.");
  process.exit(1);
}
if ((process.env.NEXTAUTH_SECRET ?? "").length < 32) {
  console.error(
    "Set NEXTAUTH_SECRET (the portal's, at least 32 characters) to seed the demo: its tenders are driven through the portal's own use cases.",
  );
  process.exit(1);
}
const password = process.env.DEMO_PASSWORD ?? "";
if ([...password].length < 12) {
  console.error("Set DEMO_PASSWORD (at least 12 characters) to seed the demo: every demo user gets that password.");
  process.exit(1);
}
try {
  const result = await seedDemo({ password });
  if (!result.created) {
    console.log("Demo data already present; nothing changed.");
  } else {
    console.log(
      "Seeded the demo: the Feltham YOI health services re-tender in draft and a tender at every later stage (see the README). Sign-ins (password: the value of DEMO_PASSWORD):",
    );
    for (const u of result.users) console.log(`  ${u.role.padEnd(13)} ${u.email.padEnd(26)} ${u.name}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
