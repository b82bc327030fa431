-- Issue 24: a theme's quotes chosen for the notice, and the draft a young commissioner reviewed.
ALTER TABLE "ShapingThemeView" ADD COLUMN "quoteInNotice" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CoProductionReview" ADD COLUMN "content" JSONB;
