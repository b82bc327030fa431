-- Checking the service after the award (issue 25): commitments (versioned, signed by the commissioner and the
-- provider), reporting periods, the provider's returns, the commissioner's reviews co-signed by the governor,
-- actions and the provider's answers.

ALTER TYPE "SignerRole" ADD VALUE 'PROVIDER';

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('PERCENT', 'COUNT', 'DAYS', 'HOURS', 'YES_NO');
CREATE TYPE "MeasureDirection" AS ENUM ('AT_LEAST', 'AT_MOST');
CREATE TYPE "ReportingFrequency" AS ENUM ('QUARTERLY', 'HALF_YEARLY', 'YEARLY');
CREATE TYPE "MeasureRating" AS ENUM ('MET', 'PARTLY_MET', 'NOT_MET');

-- CreateTable
CREATE TABLE "CommitmentVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitmentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentMeasure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "unit" "MeasureUnit" NOT NULL,
    "direction" "MeasureDirection" NOT NULL,
    "frequency" "ReportingFrequency" NOT NULL DEFAULT 'QUARTERLY',
    "themeId" UUID,
    CONSTRAINT "CommitmentMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractPeriod" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "reminderSentAt" TIMESTAMPTZ(3),
    CONSTRAINT "ContractPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractReturn" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "periodId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "commitmentVersionId" UUID NOT NULL,
    "narrative" TEXT NOT NULL,
    "correctionReason" TEXT,
    "contentHash" TEXT NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContractReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractReturnValue" (
    "returnId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "ContractReturnValue_pkey" PRIMARY KEY ("returnId", "measureId")
);

-- CreateTable
CREATE TABLE "ContractReturnFile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "returnId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "ContractReturnFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractReview" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "periodId" UUID NOT NULL,
    "returnId" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContractReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractReviewRating" (
    "reviewId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "rating" "MeasureRating" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ContractReviewRating_pkey" PRIMARY KEY ("reviewId", "measureId")
);

-- CreateTable
CREATE TABLE "ContractAction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reviewId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    CONSTRAINT "ContractAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractActionAnswer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "answeredById" UUID NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContractActionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentVersion_contractId_version_key" ON "CommitmentVersion"("contractId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentMeasure_versionId_position_key" ON "CommitmentMeasure"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentMeasure_versionId_key_key" ON "CommitmentMeasure"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPeriod_contractId_number_key" ON "ContractPeriod"("contractId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ContractReturn_periodId_version_key" ON "ContractReturn"("periodId", "version");

-- CreateIndex
CREATE INDEX "ContractReturnFile_returnId_idx" ON "ContractReturnFile"("returnId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractReview_periodId_key" ON "ContractReview"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractAction_reviewId_position_key" ON "ContractAction"("reviewId", "position");

-- CreateIndex
CREATE INDEX "ContractActionAnswer_actionId_idx" ON "ContractActionAnswer"("actionId");

-- AddForeignKey
ALTER TABLE "CommitmentVersion" ADD CONSTRAINT "CommitmentVersion_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentVersion" ADD CONSTRAINT "CommitmentVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentMeasure" ADD CONSTRAINT "CommitmentMeasure_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CommitmentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentMeasure" ADD CONSTRAINT "CommitmentMeasure_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "ShapingTheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPeriod" ADD CONSTRAINT "ContractPeriod_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturn" ADD CONSTRAINT "ContractReturn_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ContractPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturn" ADD CONSTRAINT "ContractReturn_commitmentVersionId_fkey" FOREIGN KEY ("commitmentVersionId") REFERENCES "CommitmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturn" ADD CONSTRAINT "ContractReturn_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturnValue" ADD CONSTRAINT "ContractReturnValue_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ContractReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturnValue" ADD CONSTRAINT "ContractReturnValue_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "CommitmentMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReturnFile" ADD CONSTRAINT "ContractReturnFile_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ContractReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReview" ADD CONSTRAINT "ContractReview_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ContractPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReview" ADD CONSTRAINT "ContractReview_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ContractReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReview" ADD CONSTRAINT "ContractReview_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReviewRating" ADD CONSTRAINT "ContractReviewRating_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ContractReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractReviewRating" ADD CONSTRAINT "ContractReviewRating_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "CommitmentMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAction" ADD CONSTRAINT "ContractAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ContractReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractActionAnswer" ADD CONSTRAINT "ContractActionAnswer_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ContractAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractActionAnswer" ADD CONSTRAINT "ContractActionAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- SignOff: two more kinds of subject.
ALTER TABLE "SignOff" ADD COLUMN "commitmentVersionId" UUID, ADD COLUMN "contractReviewId" UUID;
CREATE INDEX "SignOff_commitmentVersionId_idx" ON "SignOff"("commitmentVersionId");
CREATE INDEX "SignOff_contractReviewId_idx" ON "SignOff"("contractReviewId");
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_commitmentVersionId_fkey" FOREIGN KEY ("commitmentVersionId") REFERENCES "CommitmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_contractReviewId_fkey" FOREIGN KEY ("contractReviewId") REFERENCES "ContractReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SignOff" DROP CONSTRAINT "SignOff_one_subject_check";
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_one_subject_check"
  CHECK (num_nonnulls("awardDecisionId", "agreementVersionId", "commitmentVersionId", "contractReviewId") = 1);

-- Values the database refuses whatever code writes them.
ALTER TABLE "CommitmentVersion" ADD CONSTRAINT "CommitmentVersion_version_check" CHECK ("version" >= 1);
ALTER TABLE "CommitmentMeasure" ADD CONSTRAINT "CommitmentMeasure_name_check" CHECK (btrim("name") <> '');
ALTER TABLE "CommitmentMeasure" ADD CONSTRAINT "CommitmentMeasure_target_check" CHECK (
  "target" >= 0 AND ("unit" <> 'PERCENT' OR "target" <= 100) AND ("unit" <> 'YES_NO' OR "target" IN (0, 1))
);
ALTER TABLE "ContractPeriod" ADD CONSTRAINT "ContractPeriod_dates_check" CHECK ("endDate" >= "startDate" AND "dueDate" > "endDate");
ALTER TABLE "ContractReturn" ADD CONSTRAINT "ContractReturn_version_check" CHECK ("version" >= 1);
ALTER TABLE "ContractReturnValue" ADD CONSTRAINT "ContractReturnValue_value_check" CHECK ("value" >= 0);
ALTER TABLE "ContractReturnFile" ADD CONSTRAINT "ContractReturnFile_sizeBytes_check" CHECK ("sizeBytes" > 0);
ALTER TABLE "ContractAction" ADD CONSTRAINT "ContractAction_text_check" CHECK (btrim("description") <> '' AND btrim("owner") <> '');
ALTER TABLE "ContractActionAnswer" ADD CONSTRAINT "ContractActionAnswer_body_check" CHECK (btrim("body") <> '');

-- A signed commitment version (any sign-off refers to it) and its measures never change.
CREATE FUNCTION "cocommission_signed_commitments_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  version_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'CommitmentVersion' THEN
    version_id := OLD."id";
  ELSIF TG_OP = 'INSERT' THEN
    version_id := NEW."versionId";
  ELSE
    version_id := OLD."versionId";
  END IF;
  IF EXISTS (SELECT 1 FROM "SignOff" WHERE "commitmentVersionId" = version_id) THEN
    RAISE EXCEPTION 'Commitment version % has been signed and cannot be changed', version_id USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "CommitmentVersion_signed_immutable" BEFORE UPDATE OR DELETE ON "CommitmentVersion"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_commitments_guard"();
CREATE TRIGGER "CommitmentMeasure_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "CommitmentMeasure"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_commitments_guard"();

-- Returns and the provider's answers are history: never edited or deleted (a correction is a new version).
CREATE TRIGGER "ContractReturn_append_only" BEFORE UPDATE OR DELETE ON "ContractReturn"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "ContractReturnValue_append_only" BEFORE UPDATE OR DELETE ON "ContractReturnValue"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "ContractReturnFile_append_only" BEFORE UPDATE OR DELETE ON "ContractReturnFile"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
CREATE TRIGGER "ContractActionAnswer_append_only" BEFORE UPDATE OR DELETE ON "ContractActionAnswer"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();

-- Once the governor has co-signed a review (a sign-off not voided), the review, its ratings and actions never change.
CREATE FUNCTION "cocommission_signed_review_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  review_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'ContractReview' THEN
    review_id := OLD."id";
  ELSIF TG_OP = 'INSERT' THEN
    review_id := NEW."reviewId";
  ELSE
    review_id := OLD."reviewId";
  END IF;
  IF EXISTS (
    SELECT 1 FROM "SignOff"
    WHERE "contractReviewId" = review_id AND "signerRole" = 'GOVERNOR' AND "decision" = 'APPROVED' AND "voidedAt" IS NULL
  ) THEN
    RAISE EXCEPTION 'Review % has been signed and cannot be changed', review_id USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContractReview_signed_immutable" BEFORE UPDATE OR DELETE ON "ContractReview"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_review_guard"();
CREATE TRIGGER "ContractReviewRating_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "ContractReviewRating"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_review_guard"();
CREATE TRIGGER "ContractAction_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "ContractAction"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_signed_review_guard"();
