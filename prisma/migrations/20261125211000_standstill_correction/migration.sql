-- Standstill per PSR regulation 12 (issue 17). Outcome letters already issued
-- keep the wording and the end date they were sent with; the stored standstill
-- end itself is corrected (only ever later) by `npm run db:correct-standstills`,
-- which `npm start` runs after the migrations, audited.

-- AlterTable
ALTER TABLE "AwardDecision" ADD COLUMN     "legacyLetterStandstillEndsAt" TIMESTAMPTZ(3);

UPDATE "AwardDecision" SET "legacyLetterStandstillEndsAt" = "standstillEndsAt" WHERE "standstillEndsAt" IS NOT NULL;
