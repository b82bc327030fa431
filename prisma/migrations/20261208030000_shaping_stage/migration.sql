-- Issue 24: shaping the service with young people, the first stage of a tender.
-- Tables for the stage, its members, questions, focus groups, one-time codes
-- (shared with the contract feedback of issue 25), views, themes and their
-- links, ranks, the specification's requirements and the co-production gate.

-- Shaping time is paid time.
ALTER TYPE "TimeActivity" ADD VALUE 'SHAPING' AFTER 'TRAINING';

-- CreateEnum
CREATE TYPE "ShapingStatus" AS ENUM ('PLANNING', 'GATHERING', 'PRIORITISING', 'CLOSED');
CREATE TYPE "ShapingMemberStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED', 'STEPPED_BACK');
CREATE TYPE "ShapingSessionKind" AS ENUM ('FOCUS_GROUP', 'WORKSHOP');
CREATE TYPE "AgeBand" AS ENUM ('UNDER_15', 'AGE_15_16', 'AGE_17', 'AGE_18_OR_OVER');
CREATE TYPE "OneTimeCodePurpose" AS ENUM ('SHAPING', 'FEEDBACK');
CREATE TYPE "ShapingViewSource" AS ENUM ('MEMBER', 'SESSION', 'CODE');
CREATE TYPE "ViewCheck" AS ENUM ('WAITING', 'ACCEPTED', 'SET_ASIDE', 'DISCLOSURE');
CREATE TYPE "CoProductionDecision" AS ENUM ('AGREE', 'CHANGES_NEEDED');

-- CreateTable
CREATE TABLE "ShapingStage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenderId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "ShapingStatus" NOT NULL DEFAULT 'PLANNING',
    "gatheringFrom" DATE NOT NULL,
    "gatheringUntil" DATE NOT NULL,
    "gatheringOpenedAt" TIMESTAMPTZ(3),
    "gatheringClosedAt" TIMESTAMPTZ(3),
    "rankingClosedAt" TIMESTAMPTZ(3),
    "gateOverrideReason" TEXT,
    "gateOverrideContentHash" TEXT,
    "gateOverrideById" UUID,
    "gateOverrideAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShapingStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingMember" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "PanelRole" NOT NULL,
    "status" "ShapingMemberStatus" NOT NULL DEFAULT 'INVITED',
    "isFacilitator" BOOLEAN NOT NULL DEFAULT false,
    "invitedById" UUID NOT NULL,
    "invitedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ShapingMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingQuestion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "easyRead" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShapingQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "kind" "ShapingSessionKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "setting" TEXT NOT NULL,
    "participantCount" INTEGER NOT NULL,
    "ageBands" "AgeBand"[] NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShapingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "purpose" "OneTimeCodePurpose" NOT NULL,
    "stageId" UUID,
    "codeHash" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingView" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "source" "ShapingViewSource" NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID,
    "sessionId" UUID,
    "codeId" UUID,
    "ageBand" "AgeBand",
    "quoteConsent" BOOLEAN NOT NULL DEFAULT false,
    "quoteWithdrawnAt" TIMESTAMPTZ(3),
    "check" "ViewCheck" NOT NULL DEFAULT 'WAITING',
    "checkedById" UUID,
    "checkedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShapingView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingTheme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShapingTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShapingThemeView" (
    "themeId" UUID NOT NULL,
    "viewId" UUID NOT NULL,
    CONSTRAINT "ShapingThemeView_pkey" PRIMARY KEY ("themeId", "viewId")
);

-- CreateTable
CREATE TABLE "ShapingThemeRank" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "themeId" UUID NOT NULL,
    "voterId" UUID NOT NULL,
    "voterRole" "PanelRole" NOT NULL,
    "rank" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShapingThemeRank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRequirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ServiceRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRequirementTheme" (
    "requirementId" UUID NOT NULL,
    "themeId" UUID NOT NULL,
    CONSTRAINT "ServiceRequirementTheme_pkey" PRIMARY KEY ("requirementId", "themeId")
);

-- CreateTable
CREATE TABLE "CriterionTheme" (
    "criterionId" UUID NOT NULL,
    "themeId" UUID NOT NULL,
    CONSTRAINT "CriterionTheme_pkey" PRIMARY KEY ("criterionId", "themeId")
);

-- CreateTable
CREATE TABLE "CoProductionReview" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stageId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,
    "decision" "CoProductionDecision" NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoProductionReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShapingStage_tenderId_key" ON "ShapingStage"("tenderId");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingMember_stageId_userId_key" ON "ShapingMember"("stageId", "userId");

-- CreateIndex
CREATE INDEX "ShapingMember_userId_idx" ON "ShapingMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingQuestion_stageId_position_key" ON "ShapingQuestion"("stageId", "position");

-- CreateIndex
CREATE INDEX "ShapingSession_stageId_idx" ON "ShapingSession"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "OneTimeCode_codeHash_key" ON "OneTimeCode"("codeHash");

-- CreateIndex
CREATE INDEX "OneTimeCode_stageId_batch_idx" ON "OneTimeCode"("stageId", "batch");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingView_questionId_authorId_key" ON "ShapingView"("questionId", "authorId");

-- CreateIndex
CREATE INDEX "ShapingView_stageId_check_idx" ON "ShapingView"("stageId", "check");

-- CreateIndex
CREATE INDEX "ShapingView_codeId_idx" ON "ShapingView"("codeId");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingTheme_stageId_position_key" ON "ShapingTheme"("stageId", "position");

-- CreateIndex
CREATE INDEX "ShapingThemeView_viewId_idx" ON "ShapingThemeView"("viewId");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingThemeRank_themeId_voterId_key" ON "ShapingThemeRank"("themeId", "voterId");

-- CreateIndex
CREATE UNIQUE INDEX "ShapingThemeRank_stageId_voterId_rank_key" ON "ShapingThemeRank"("stageId", "voterId", "rank");

-- CreateIndex
CREATE INDEX "ShapingThemeRank_voterId_idx" ON "ShapingThemeRank"("voterId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequirement_stageId_position_key" ON "ServiceRequirement"("stageId", "position");

-- CreateIndex
CREATE INDEX "ServiceRequirementTheme_themeId_idx" ON "ServiceRequirementTheme"("themeId");

-- CreateIndex
CREATE INDEX "CriterionTheme_themeId_idx" ON "CriterionTheme"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "CoProductionReview_stageId_userId_contentHash_key" ON "CoProductionReview"("stageId", "userId", "contentHash");

-- CreateIndex
CREATE INDEX "CoProductionReview_stageId_contentHash_idx" ON "CoProductionReview"("stageId", "contentHash");

-- AddForeignKey
ALTER TABLE "ShapingStage" ADD CONSTRAINT "ShapingStage_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingStage" ADD CONSTRAINT "ShapingStage_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingStage" ADD CONSTRAINT "ShapingStage_gateOverrideById_fkey" FOREIGN KEY ("gateOverrideById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingMember" ADD CONSTRAINT "ShapingMember_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingMember" ADD CONSTRAINT "ShapingMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingMember" ADD CONSTRAINT "ShapingMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingQuestion" ADD CONSTRAINT "ShapingQuestion_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingSession" ADD CONSTRAINT "ShapingSession_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingSession" ADD CONSTRAINT "ShapingSession_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ShapingQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ShapingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "OneTimeCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingTheme" ADD CONSTRAINT "ShapingTheme_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingTheme" ADD CONSTRAINT "ShapingTheme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingThemeView" ADD CONSTRAINT "ShapingThemeView_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "ShapingTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingThemeView" ADD CONSTRAINT "ShapingThemeView_viewId_fkey" FOREIGN KEY ("viewId") REFERENCES "ShapingView"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingThemeRank" ADD CONSTRAINT "ShapingThemeRank_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingThemeRank" ADD CONSTRAINT "ShapingThemeRank_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "ShapingTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShapingThemeRank" ADD CONSTRAINT "ShapingThemeRank_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequirement" ADD CONSTRAINT "ServiceRequirement_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequirementTheme" ADD CONSTRAINT "ServiceRequirementTheme_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "ServiceRequirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequirementTheme" ADD CONSTRAINT "ServiceRequirementTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "ShapingTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionTheme" ADD CONSTRAINT "CriterionTheme_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionTheme" ADD CONSTRAINT "CriterionTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "ShapingTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoProductionReview" ADD CONSTRAINT "CoProductionReview_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ShapingStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoProductionReview" ADD CONSTRAINT "CoProductionReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database holds whatever the code does.
ALTER TABLE "ShapingStage" ADD CONSTRAINT "ShapingStage_gathering_dates" CHECK ("gatheringUntil" >= "gatheringFrom");
ALTER TABLE "ShapingStage" ADD CONSTRAINT "ShapingStage_override_complete" CHECK (
  ("gateOverrideReason" IS NULL) = ("gateOverrideContentHash" IS NULL)
  AND ("gateOverrideReason" IS NULL) = ("gateOverrideById" IS NULL)
  AND ("gateOverrideReason" IS NULL) = ("gateOverrideAt" IS NULL));
ALTER TABLE "ShapingSession" ADD CONSTRAINT "ShapingSession_participants" CHECK ("participantCount" BETWEEN 1 AND 500);
ALTER TABLE "ShapingThemeRank" ADD CONSTRAINT "ShapingThemeRank_rank_positive" CHECK ("rank" >= 1);
-- A view's source and where it came from agree: a member's answer has its author,
-- a focus group's its session, an anonymous answer its code.
ALTER TABLE "ShapingView" ADD CONSTRAINT "ShapingView_source_matches" CHECK (
  ("source" = 'MEMBER' AND "authorId" IS NOT NULL AND "sessionId" IS NULL AND "codeId" IS NULL)
  OR ("source" = 'SESSION' AND "sessionId" IS NOT NULL AND "authorId" IS NULL AND "codeId" IS NULL)
  OR ("source" = 'CODE' AND "codeId" IS NOT NULL AND "authorId" IS NULL AND "sessionId" IS NULL));
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_shaping_has_stage" CHECK ("purpose" <> 'SHAPING' OR "stageId" IS NOT NULL);

-- What a young commissioner agreed to, or asked to change, is history.
CREATE TRIGGER "CoProductionReview_append_only" BEFORE UPDATE OR DELETE ON "CoProductionReview"
  FOR EACH ROW EXECUTE FUNCTION "cocommission_refuse_change"();
