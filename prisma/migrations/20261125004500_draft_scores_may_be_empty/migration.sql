-- A draft score may have a reason before a score is chosen; a submitted one never lacks a score.
ALTER TABLE "Score" ALTER COLUMN "score" DROP NOT NULL;
ALTER TABLE "Score" ADD CONSTRAINT "Score_submitted_has_score_check" CHECK ("status" <> 'SUBMITTED' OR "score" IS NOT NULL);
